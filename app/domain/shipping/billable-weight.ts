/**
 * Billable (chargeable) weight of a parcel, the one place this rule lives.
 *
 * Couriers charge by whole kilograms of max(actual weight, volumetric weight),
 * where volumetric kg = L × W × H (cm) / divisor. A service may have a minimum
 * (1 kg for regular services, often 10 kg for cargo) and a rounding tolerance:
 * JNE rounds *down* when the part over a whole kilogram is at most 0.3 kg
 * (1.30 kg → 1 kg, 1.31 kg → 2 kg), while an aggregator's table shows
 * 1.30 kg → 2 kg, so both the tolerance and whether its boundary is inclusive
 * are kept per courier service.
 *
 * All arithmetic is on integers: weights in grams, dimensions converted to whole
 * millimetres, and the volumetric weight kept as an exact fraction
 * (mm³ / divisor grams) so that 1.3 kg never turns into 1.2999999 kg.
 */

export interface BillableWeightRule {
  /** cm³ per kg, e.g. 6000 for JNE/J&T regular, 5000 for J&T Cargo, 4000 for ID Express Cargo. */
  volumetricDivisor: number;
  /** Minimum chargeable weight in grams (1000 for regular services). */
  minimumGrams: number;
  /** Grams over a whole kilogram that are still rounded down (JNE: 300). 0 = always round up. */
  roundingToleranceGrams: number;
  /** true: a remainder equal to the tolerance is rounded down (JNE: 1300 g → 1 kg). */
  toleranceInclusive: boolean;
}

export interface ParcelMeasurements {
  /** Actual weight including packaging, integer grams. */
  weightGrams: number;
  lengthCm?: number;
  widthCm?: number;
  heightCm?: number;
}

export interface BillableWeight {
  actualGrams: number;
  /** Volumetric weight rounded up to a whole gram (for display); 0 when a dimension is missing. */
  volumetricGrams: number;
  billableKg: number;
  /** true when the volumetric weight (not the actual weight or the minimum) set the price. */
  usedVolumetric: boolean;
}

/** The divisor most regular services use; the product form warns against it. */
export const DEFAULT_VOLUMETRIC_DIVISOR = 6000;

const GRAMS_PER_KG = 1000;

/** Throws RangeError: these are programmer errors, user input is validated before (schemas, CSV). */
function assertRule(rule: BillableWeightRule): void {
  if (!Number.isSafeInteger(rule.volumetricDivisor) || rule.volumetricDivisor <= 0) {
    throw new RangeError(`volumetricDivisor must be a positive integer, got ${rule.volumetricDivisor}`);
  }
  if (!Number.isSafeInteger(rule.minimumGrams) || rule.minimumGrams < 0) {
    throw new RangeError(`minimumGrams must be a non-negative integer, got ${rule.minimumGrams}`);
  }
  if (
    !Number.isSafeInteger(rule.roundingToleranceGrams) ||
    rule.roundingToleranceGrams < 0 ||
    rule.roundingToleranceGrams >= GRAMS_PER_KG
  ) {
    throw new RangeError(`roundingToleranceGrams must be an integer in 0..999, got ${rule.roundingToleranceGrams}`);
  }
}

function assertWeight(weightGrams: number): void {
  if (!Number.isSafeInteger(weightGrams) || weightGrams < 0) {
    throw new RangeError(`weightGrams must be a non-negative integer, got ${weightGrams}`);
  }
}

/** Centimetres (possibly with decimals, e.g. 12.5) to whole millimetres. */
function toMillimetres(cm: number, name: string): number {
  if (!Number.isFinite(cm) || cm < 0) {
    throw new RangeError(`${name} must be a non-negative number of cm, got ${cm}`);
  }
  return Math.round(cm * 10);
}

/**
 * Parcel volume in mm³, or 0 when any dimension is missing (then there is no
 * volumetric weight). Since 1 cm³ = 1000 mm³ and volumetric kg = cm³ / divisor,
 * volumetric grams = mm³ / divisor exactly.
 */
function volumeMm3(parcel: ParcelMeasurements): number {
  const { lengthCm, widthCm, heightCm } = parcel;
  if (lengthCm === undefined || widthCm === undefined || heightCm === undefined) return 0;
  const volume =
    toMillimetres(lengthCm, "lengthCm") * toMillimetres(widthCm, "widthCm") * toMillimetres(heightCm, "heightCm");
  if (!Number.isSafeInteger(volume)) throw new RangeError("parcel dimensions are too large");
  return volume;
}

/** Integer ceil(a / b) for a ≥ 0, b > 0, exact for safe integers. */
function ceilDiv(a: number, b: number): number {
  const r = a % b;
  return (a - r) / b + (r === 0 ? 0 : 1);
}

/** Volumetric weight in whole grams (rounded up), 0 when a dimension is missing. */
export function volumetricWeightGrams(
  parcel: Omit<ParcelMeasurements, "weightGrams">,
  divisor: number = DEFAULT_VOLUMETRIC_DIVISOR,
): number {
  if (!Number.isSafeInteger(divisor) || divisor <= 0) {
    throw new RangeError(`divisor must be a positive integer, got ${divisor}`);
  }
  return ceilDiv(volumeMm3({ weightGrams: 0, ...parcel }), divisor);
}

export function billableWeightGrams(rule: BillableWeightRule, parcel: ParcelMeasurements): BillableWeight {
  assertRule(rule);
  assertWeight(parcel.weightGrams);
  const d = rule.volumetricDivisor;

  // Every weight below is a fraction with denominator d ("units" = 1/d gram),
  // so comparisons and the kilogram split stay exact.
  const actualUnits = parcel.weightGrams * d;
  const volumetricUnits = volumeMm3(parcel); // mm³ = (mm³ / d grams) × d
  const minimumUnits = rule.minimumGrams * d;
  const kgUnits = GRAMS_PER_KG * d;
  if (!Number.isSafeInteger(actualUnits) || !Number.isSafeInteger(kgUnits)) {
    throw new RangeError("weight is too large");
  }

  const usedVolumetric = volumetricUnits > actualUnits && volumetricUnits > minimumUnits;
  const weighedUnits = Math.max(actualUnits, volumetricUnits, minimumUnits);

  const remainderUnits = weighedUnits % kgUnits;
  const wholeKg = (weighedUnits - remainderUnits) / kgUnits;
  const toleranceUnits = rule.roundingToleranceGrams * d;
  const withinTolerance = rule.toleranceInclusive
    ? remainderUnits <= toleranceUnits
    : remainderUnits < toleranceUnits;

  let billableKg = remainderUnits === 0 || withinTolerance ? wholeKg : wholeKg + 1;
  // The tolerance is about the part *over* a kilogram: a parcel that weighs
  // something is never charged 0 kg, even under a rule without a minimum.
  if (billableKg === 0 && weighedUnits > 0) billableKg = 1;

  return {
    actualGrams: parcel.weightGrams,
    volumetricGrams: ceilDiv(volumetricUnits, d),
    billableKg,
    usedVolumetric,
  };
}

/**
 * For the product form: true when the parcel's volumetric weight (divisor 6000
 * unless given) is above its actual weight, i.e. buyers will pay for size, not weight.
 * False when any dimension is missing.
 */
export function volumetricExceedsActual(
  parcel: ParcelMeasurements,
  divisor: number = DEFAULT_VOLUMETRIC_DIVISOR,
): boolean {
  assertWeight(parcel.weightGrams);
  if (!Number.isSafeInteger(divisor) || divisor <= 0) {
    throw new RangeError(`divisor must be a positive integer, got ${divisor}`);
  }
  // Exact: mm³ / divisor > grams  ⇔  mm³ > grams × divisor
  return volumeMm3(parcel) > parcel.weightGrams * divisor;
}
