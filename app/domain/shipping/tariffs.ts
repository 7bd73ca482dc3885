/**
 * ============================================================================
 *  SAMPLE TARIFFS: NOT REAL COURIER PRICES.
 * ============================================================================
 * Every rupiah amount and delivery estimate in this file is made up so that
 * development, demos and tests have plausible numbers (Jawa intra-province REG
 * about Rp9.000/kg, Jawa → Papua about Rp80.000/kg, YES about 1.8 × REG, POS a
 * little cheaper, cargo cheaper per kg with a 10 kg minimum). They are generated
 * from shipping zones between island groups, not from any courier's price list.
 *
 * Callers depend on `RateProvider` only; a provider backed by a real rate API
 * (RajaOngkir: origin, destination, weight in grams, courier → services, price,
 * estimated days) replaces `sampleRateProvider` without changing them.
 * What stays real is the weight rule per service (./billable-weight, ./couriers).
 */
import { DomainError } from "../errors";
import { billableWeightGrams } from "./billable-weight";
import { COURIER_SERVICES, type CourierService, type CourierServiceCode, type ServiceKind } from "./couriers";

export const TARIFF_SOURCE = "sample" as const;

export const ISLAND_GROUPS = ["sumatera", "jawa", "bali-nusa-tenggara", "kalimantan", "sulawesi", "maluku", "papua"] as const;
export type IslandGroup = (typeof ISLAND_GROUPS)[number];

/**
 * The 38 provinces by Kemendagri code and the island group their tariffs use.
 * Kepulauan Riau and Bangka Belitung are grouped with Sumatera. Kept here on
 * purpose (not imported from the regions data) so shipping has no dependency on it.
 */
export const PROVINCE_ISLAND_GROUP: Readonly<Record<string, IslandGroup>> = {
  "11": "sumatera", // Aceh
  "12": "sumatera", // Sumatera Utara
  "13": "sumatera", // Sumatera Barat
  "14": "sumatera", // Riau
  "15": "sumatera", // Jambi
  "16": "sumatera", // Sumatera Selatan
  "17": "sumatera", // Bengkulu
  "18": "sumatera", // Lampung
  "19": "sumatera", // Kepulauan Bangka Belitung
  "21": "sumatera", // Kepulauan Riau
  "31": "jawa", // DKI Jakarta
  "32": "jawa", // Jawa Barat
  "33": "jawa", // Jawa Tengah
  "34": "jawa", // DI Yogyakarta
  "35": "jawa", // Jawa Timur
  "36": "jawa", // Banten
  "51": "bali-nusa-tenggara", // Bali
  "52": "bali-nusa-tenggara", // Nusa Tenggara Barat
  "53": "bali-nusa-tenggara", // Nusa Tenggara Timur
  "61": "kalimantan", // Kalimantan Barat
  "62": "kalimantan", // Kalimantan Tengah
  "63": "kalimantan", // Kalimantan Selatan
  "64": "kalimantan", // Kalimantan Timur
  "65": "kalimantan", // Kalimantan Utara
  "71": "sulawesi", // Sulawesi Utara
  "72": "sulawesi", // Sulawesi Tengah
  "73": "sulawesi", // Sulawesi Selatan
  "74": "sulawesi", // Sulawesi Tenggara
  "75": "sulawesi", // Gorontalo
  "76": "sulawesi", // Sulawesi Barat
  "81": "maluku", // Maluku
  "82": "maluku", // Maluku Utara
  "91": "papua", // Papua
  "92": "papua", // Papua Barat
  "93": "papua", // Papua Selatan
  "94": "papua", // Papua Tengah
  "95": "papua", // Papua Pegunungan
  "96": "papua", // Papua Barat Daya
};

export const PROVINCE_CODES: readonly string[] = Object.keys(PROVINCE_ISLAND_GROUP).sort();

export function isProvinceCode(code: string): boolean {
  return Object.hasOwn(PROVINCE_ISLAND_GROUP, code);
}

/** Island groups with a direct, busy sea or air link: one zone closer than "far". */
const NEIGHBOURING_GROUPS: ReadonlyArray<readonly [IslandGroup, IslandGroup]> = [
  ["sumatera", "jawa"],
  ["jawa", "bali-nusa-tenggara"],
  ["jawa", "kalimantan"],
  ["kalimantan", "sulawesi"],
  ["bali-nusa-tenggara", "sulawesi"],
  ["sulawesi", "maluku"],
  ["maluku", "papua"],
];

export const SHIPPING_ZONES = ["same-province", "same-island", "neighbouring", "far"] as const;
export type ShippingZone = (typeof SHIPPING_ZONES)[number];

/** Message keys of the DomainError("validation", …) a quote rejects with. */
export type ShippingQuoteErrorKey = "shipping_province_unknown" | "shipping_parcel_invalid";

function groupOf(provinceCode: string): IslandGroup {
  if (!isProvinceCode(provinceCode)) {
    throw new DomainError("validation", "shipping_province_unknown" satisfies ShippingQuoteErrorKey, {
      province: provinceCode,
    });
  }
  return PROVINCE_ISLAND_GROUP[provinceCode];
}

export function shippingZone(originProvince: string, destinationProvince: string): ShippingZone {
  const from = groupOf(originProvince);
  const to = groupOf(destinationProvince);
  if (originProvince === destinationProvince) return "same-province";
  if (from === to) return "same-island";
  const neighbours = NEIGHBOURING_GROUPS.some(([a, b]) => (a === from && b === to) || (a === to && b === from));
  return neighbours ? "neighbouring" : "far";
}

// ---- sample numbers (all made up, see the header) ----------------------------

/** REG price per kg in rupiah between two Jawa-like ends, by zone. */
const REG_BASE_PER_KG: Record<ShippingZone, number> = {
  "same-province": 9_000,
  "same-island": 13_000,
  neighbouring: 22_000,
  far: 42_000,
};

/** Added per end of the route outside an island group; half of it within one group. */
const REMOTENESS_PER_KG: Record<IslandGroup, number> = {
  jawa: 0,
  sumatera: 2_000,
  "bali-nusa-tenggara": 2_000,
  kalimantan: 4_000,
  sulawesi: 4_000,
  maluku: 14_000,
  papua: 40_000,
};

/** Price of each service relative to REG, in percent. */
const SERVICE_PRICE_PERCENT: Record<CourierServiceCode, number> = {
  "jne-reg": 100,
  "jne-yes": 180,
  "jnt-ez": 100,
  "sicepat-reg": 95,
  "anteraja-reg": 97,
  "pos-reguler": 90,
  "jnt-cargo": 55,
  "idx-cargo": 50,
};
const FALLBACK_PRICE_PERCENT: Record<ServiceKind, number> = { regular: 100, express: 180, cargo: 55 };

/** Days added to a service's same-island estimate, by zone (cargo: twice as many beyond the island). */
const ZONE_EXTRA_DAYS: Record<ShippingZone, number> = {
  "same-province": -1,
  "same-island": 0,
  neighbouring: 1,
  far: 2,
};
const REMOTE_EXTRA_DAYS: Record<IslandGroup, number> = {
  sumatera: 0,
  jawa: 0,
  "bali-nusa-tenggara": 0,
  kalimantan: 0,
  sulawesi: 0,
  maluku: 1,
  papua: 2,
};

const PRICE_STEP_RUPIAH = 500;

/** Nearest multiple of `step` of numerator/denominator, exact for non-negative safe integers. */
function roundToStep(numerator: number, denominator: number, step: number): number {
  const d = denominator * step;
  const twice = 2 * numerator + d; // floor((n + d/2) / d) without fractions
  return ((twice - (twice % (2 * d))) / (2 * d)) * step;
}

export interface SampleTariff {
  serviceCode: string;
  zone: ShippingZone;
  pricePerKgRupiah: number;
  etdMinDays: number;
  etdMaxDays: number;
}

/** The made-up tariff of one service between two provinces (throws DomainError on unknown province codes). */
export function sampleTariff(
  service: CourierService,
  originProvince: string,
  destinationProvince: string,
): SampleTariff {
  const zone = shippingZone(originProvince, destinationProvince);
  const from = groupOf(originProvince);
  const to = groupOf(destinationProvince);

  const remoteness =
    from === to ? REMOTENESS_PER_KG[from] / 2 : REMOTENESS_PER_KG[from] + REMOTENESS_PER_KG[to];
  const regPerKg = REG_BASE_PER_KG[zone] + remoteness;
  const percent =
    (SERVICE_PRICE_PERCENT as Record<string, number | undefined>)[service.code] ??
    FALLBACK_PRICE_PERCENT[service.kind];
  const pricePerKgRupiah = Math.max(PRICE_STEP_RUPIAH, roundToStep(regPerKg * percent, 100, PRICE_STEP_RUPIAH));

  const zoneDays = ZONE_EXTRA_DAYS[zone] * (service.kind === "cargo" && ZONE_EXTRA_DAYS[zone] > 0 ? 2 : 1);
  const extraDays = zoneDays + Math.max(REMOTE_EXTRA_DAYS[from], REMOTE_EXTRA_DAYS[to]);
  const etdMinDays = Math.max(1, service.etd.minDays + extraDays);
  // Longer routes are less predictable: widen the range by a day beyond the island.
  const spread = zone === "neighbouring" || zone === "far" ? 1 : 0;
  const etdMaxDays = Math.max(etdMinDays, service.etd.maxDays + extraDays + spread);

  return { serviceCode: service.code, zone, pricePerKgRupiah, etdMinDays, etdMaxDays };
}

// ---- the provider interface ----------------------------------------------------

export interface RateRequest {
  /** Kemendagri province code, e.g. "31". */
  originProvince: string;
  destinationProvince: string;
  /** Kemendagri regency/city code, e.g. "3171"; the sample provider ignores it, a real API needs it. */
  originRegency?: string;
  destinationRegency?: string;
  /** Weight including packaging, integer grams. */
  weightGrams: number;
  lengthCm?: number;
  widthCm?: number;
  heightCm?: number;
  /** Only these services (e.g. the ones the seller enabled); all when omitted. */
  serviceCodes?: readonly string[];
}

export interface Quote {
  serviceCode: string;
  courier: string;
  service: string;
  billableKg: number;
  /** Integer rupiah for the whole parcel. */
  priceRupiah: number;
  etdMinDays: number;
  etdMaxDays: number;
}

export interface RateProvider {
  /** Quotes sorted by price, cheapest first. Rejects with DomainError("validation", ShippingQuoteErrorKey) on bad input. */
  quote(req: RateRequest): Promise<Quote[]>;
}

export function compareQuotes(a: Quote, b: Quote): number {
  return (
    a.priceRupiah - b.priceRupiah ||
    a.etdMaxDays - b.etdMaxDays ||
    (a.serviceCode < b.serviceCode ? -1 : a.serviceCode > b.serviceCode ? 1 : 0)
  );
}

/** Synchronous core of the sample provider, for callers and tests that need no promise. */
export function sampleQuotes(req: RateRequest, services: readonly CourierService[] = COURIER_SERVICES): Quote[] {
  groupOf(req.originProvince);
  groupOf(req.destinationProvince);
  const wanted = req.serviceCodes ? new Set(req.serviceCodes) : undefined;

  const quotes = services
    .filter((service) => !wanted || wanted.has(service.code))
    .map((service): Quote => {
      let billableKg: number;
      try {
        billableKg = billableWeightGrams(service.rule, req).billableKg;
      } catch (error) {
        if (error instanceof RangeError) {
          throw new DomainError("validation", "shipping_parcel_invalid" satisfies ShippingQuoteErrorKey, {
            detail: error.message,
          });
        }
        throw error;
      }
      const tariff = sampleTariff(service, req.originProvince, req.destinationProvince);
      return {
        serviceCode: service.code,
        courier: service.courier,
        service: service.service,
        billableKg,
        priceRupiah: tariff.pricePerKgRupiah * billableKg,
        etdMinDays: tariff.etdMinDays,
        etdMaxDays: tariff.etdMaxDays,
      };
    });
  return quotes.sort(compareQuotes);
}

export const sampleRateProvider: RateProvider = {
  async quote(req) {
    return sampleQuotes(req);
  },
};
