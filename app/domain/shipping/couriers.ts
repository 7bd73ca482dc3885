/**
 * Courier services Lapak offers and the weight rule each one charges by.
 *
 * Facts from DOMAIN.md: divisor 6000 for JNE, J&T Express, AnterAja; 5000 for
 * J&T Cargo; 4000 for ID Express Cargo; 1 kg minimum for regular services;
 * JNE rounds down up to 0.3 kg over a whole kilogram, inclusive.
 * Every other value is marked `// sample`: a sensible guess to replace when the
 * courier's (or the rate API's) real rule is known.
 *
 * `courierCode` and `service` follow RajaOngkir's naming (courier "jne",
 * service "REG") so a real rate provider can map its answers back to these rows.
 */
import type { BillableWeightRule } from "./billable-weight";

export const SERVICE_KINDS = ["regular", "express", "cargo"] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export interface CourierService {
  /** Stable id stored with orders, e.g. "jne-reg". */
  code: string;
  /** RajaOngkir courier code, e.g. "jne". */
  courierCode: string;
  /** Display name of the courier, e.g. "JNE". */
  courier: string;
  /** Display / RajaOngkir service name, e.g. "REG". */
  service: string;
  kind: ServiceKind;
  rule: BillableWeightRule;
  /** Typical delivery time within one island (Jawa), in days; the tariff adds days for distance. */
  etd: { minDays: number; maxDays: number };
}

const JNE_RULE: BillableWeightRule = {
  volumetricDivisor: 6000,
  minimumGrams: 1000,
  roundingToleranceGrams: 300,
  toleranceInclusive: true,
};

export const COURIER_SERVICES = [
  {
    code: "jne-reg",
    courierCode: "jne",
    courier: "JNE",
    service: "REG",
    kind: "regular",
    rule: JNE_RULE,
    etd: { minDays: 2, maxDays: 3 }, // sample
  },
  {
    code: "jne-yes",
    courierCode: "jne",
    courier: "JNE",
    service: "YES",
    kind: "express",
    rule: JNE_RULE,
    etd: { minDays: 1, maxDays: 1 }, // "Yakin Esok Sampai": next day where served
  },
  {
    code: "jnt-ez",
    courierCode: "jnt",
    courier: "J&T Express",
    service: "EZ",
    kind: "regular",
    rule: {
      volumetricDivisor: 6000,
      minimumGrams: 1000,
      // sample: tolerance as JNE but with an exclusive boundary (1.30 kg → 2 kg), as the aggregator's table shows
      roundingToleranceGrams: 300,
      toleranceInclusive: false,
    },
    etd: { minDays: 2, maxDays: 3 }, // sample
  },
  {
    code: "sicepat-reg",
    courierCode: "sicepat",
    courier: "SiCepat",
    service: "REG",
    kind: "regular",
    rule: {
      volumetricDivisor: 6000, // sample
      minimumGrams: 1000,
      roundingToleranceGrams: 300, // sample
      toleranceInclusive: true, // sample
    },
    etd: { minDays: 2, maxDays: 3 }, // sample
  },
  {
    code: "anteraja-reg",
    courierCode: "anteraja",
    courier: "AnterAja",
    service: "Reguler",
    kind: "regular",
    rule: {
      volumetricDivisor: 6000,
      minimumGrams: 1000,
      roundingToleranceGrams: 300, // sample
      toleranceInclusive: true, // sample
    },
    etd: { minDays: 2, maxDays: 4 }, // sample
  },
  {
    code: "pos-reguler",
    courierCode: "pos",
    courier: "POS Indonesia",
    service: "Pos Reguler",
    kind: "regular",
    rule: {
      volumetricDivisor: 6000, // sample
      minimumGrams: 1000,
      roundingToleranceGrams: 0, // sample: any part of a kilogram is charged
      toleranceInclusive: false,
    },
    etd: { minDays: 3, maxDays: 5 }, // sample
  },
  {
    code: "jnt-cargo",
    courierCode: "jtcargo", // sample: check the rate API's code
    courier: "J&T Cargo",
    service: "Reguler",
    kind: "cargo",
    rule: {
      volumetricDivisor: 5000,
      minimumGrams: 10_000, // sample
      roundingToleranceGrams: 300, // sample
      toleranceInclusive: true, // sample
    },
    etd: { minDays: 3, maxDays: 5 }, // sample
  },
  {
    code: "idx-cargo",
    courierCode: "ide", // sample: check the rate API's code
    courier: "ID Express",
    service: "Cargo",
    kind: "cargo",
    rule: {
      volumetricDivisor: 4000,
      minimumGrams: 10_000, // sample
      roundingToleranceGrams: 300, // sample
      toleranceInclusive: true, // sample
    },
    etd: { minDays: 3, maxDays: 6 }, // sample
  },
] as const satisfies readonly CourierService[];

export type CourierServiceCode = (typeof COURIER_SERVICES)[number]["code"];

const BY_CODE: ReadonlyMap<string, CourierService> = new Map(COURIER_SERVICES.map((s) => [s.code, s]));

export function findCourierService(code: string): CourierService | undefined {
  return BY_CODE.get(code);
}

export function isCourierServiceCode(code: string): code is CourierServiceCode {
  return BY_CODE.has(code);
}

/** The couriers (not their services), e.g. for a buyer naming the courier of a return parcel. */
export const COURIERS: readonly { code: string; name: string }[] = [...new Map(COURIER_SERVICES.map((s) => [s.courierCode, { code: s.courierCode, name: s.courier }])).values()];

export function isCourierCode(code: string): boolean {
  return COURIERS.some((c) => c.code === code);
}
