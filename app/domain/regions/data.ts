/**
 * Indonesia's provinces and regencies/cities (kabupaten/kota) with their Kemendagri codes: the codes
 * that Dukcapil puts in every NIK (digits 1-2 province, 1-4 regency/city).
 *
 * Source: cahyadsn/wilayah (MIT), `db/wilayah_luas.sql`, "Data Kode Wilayah sesuai Kepmendagri
 * No 300.2.2-2138 Tahun 2025": 38 provinces and 514 regencies/cities. Every code was cross-checked
 * against a second, independently published Kemendagri-coded table (a Kemenhub 2026 lookup table).
 * Transformation into ./kemendagri.generated.ts:
 * - the source stored codes as floats, so "11.1" is 11.10 and "31.0" is 31: codes were re-padded;
 * - names kept in the source's Indonesian case, with a few typos fixed ("Kab Timor Tengah Selatan",
 *   "Kabupaten  Pelalawan", "Kep. Siau ..." spelled out, "Fak Fak" → "Fakfak", "Bau Bau" → "Baubau",
 *   "Tojo Una Una" → "Tojo Una-Una", "Palangkaraya" → "Palangka Raya"); "Kota Administrasi" →
 *   "Kota Adm."; "Daerah Khusus Ibukota Jakarta" → "DKI Jakarta", "Daerah Istimewa Yogyakarta" →
 *   "DI Yogyakarta".
 *
 * These are Kemendagri codes, not BPS codes. They differ in many provinces: Kemendagri 1101 is Aceh
 * Selatan (BPS 1101 is Simeulue) and Jakarta Selatan is 3174 (BPS 3171). Datasets such as
 * emsifa/api-wilayah-indonesia use BPS codes and must not be used to decode a NIK.
 *
 * A NIK keeps the code of the regency where the person was first registered, and it is never
 * re-issued when a province splits, so codes retired by a split stay valid for NIK decoding:
 * see LEGACY_REGENCIES.
 */

import { PROVINCE_ROWS, REGENCY_ROWS } from "./kemendagri.generated";

export interface Province {
  /** Two digits, e.g. "32". */
  readonly code: string;
  /** e.g. "Jawa Barat", "DKI Jakarta". */
  readonly name: string;
}

export interface Regency {
  /** Four digits, province code + 01-69 for a kabupaten or 71-99 for a kota, e.g. "3273". */
  readonly code: string;
  readonly provinceCode: string;
  /** e.g. "Kabupaten Bogor", "Kota Bandung", "Kota Adm. Jakarta Selatan". */
  readonly name: string;
}

/** A regency code retired when its province was split; NIKs issued before still carry it. */
export interface LegacyRegency extends Regency {
  /** The code the same regency/city has now. */
  readonly successorCode: string;
  /** Year of the law that moved it: 2012 (Kalimantan Utara) or 2022 (the new Papua provinces). */
  readonly retiredIn: number;
}

export const PROVINCES: readonly Province[] = Object.freeze(
  PROVINCE_ROWS.map(([code, name]) => Object.freeze({ code, name })),
);

export const REGENCIES: readonly Regency[] = Object.freeze(
  REGENCY_ROWS.map(([code, provinceCode, name]) => Object.freeze({ code, provinceCode, name })),
);

/**
 * Regency codes retired by a split, with the code the regency has now. Sources: the pre-2022
 * Kemendagri lists for Papua (91.01-91.28) and Papua Barat (92.01-92.12) and the pre-2012 list for
 * Kalimantan Timur (64.04-64.06, 64.10, 64.73), as published in public Kemendagri-coded datasets; the
 * successor is the regency of the same name in the 2025 list (checked in data.test.ts).
 * - UU 20/2012 created Kalimantan Utara (65) out of Kalimantan Timur (64).
 * - UU 14, 15 and 16/2022 created Papua Selatan (93), Papua Tengah (94) and Papua Pegunungan (95) out of
 *   Papua (91); UU 29/2022 created Papua Barat Daya (96) out of Papua Barat (92).
 * Older splits (Banten 2000, Kepulauan Riau 2002, Sulawesi Barat 2004, ...) predate the NIK and are
 * not listed.
 */
const LEGACY_ROWS: ReadonlyArray<readonly [code: string, name: string, successorCode: string, retiredIn: number]> = [
  ["6404", "Kabupaten Bulungan", "6501", 2012],
  ["6405", "Kabupaten Nunukan", "6503", 2012],
  ["6406", "Kabupaten Malinau", "6502", 2012],
  ["6410", "Kabupaten Tana Tidung", "6504", 2012],
  ["6473", "Kota Tarakan", "6571", 2012],
  ["9101", "Kabupaten Merauke", "9301", 2022],
  ["9102", "Kabupaten Jayawijaya", "9501", 2022],
  ["9104", "Kabupaten Nabire", "9401", 2022],
  ["9107", "Kabupaten Puncak Jaya", "9402", 2022],
  ["9108", "Kabupaten Paniai", "9403", 2022],
  ["9109", "Kabupaten Mimika", "9404", 2022],
  ["9112", "Kabupaten Pegunungan Bintang", "9502", 2022],
  ["9113", "Kabupaten Yahukimo", "9503", 2022],
  ["9114", "Kabupaten Tolikara", "9504", 2022],
  ["9116", "Kabupaten Boven Digoel", "9302", 2022],
  ["9117", "Kabupaten Mappi", "9303", 2022],
  ["9118", "Kabupaten Asmat", "9304", 2022],
  ["9121", "Kabupaten Mamberamo Tengah", "9505", 2022],
  ["9122", "Kabupaten Yalimo", "9506", 2022],
  ["9123", "Kabupaten Lanny Jaya", "9507", 2022],
  ["9124", "Kabupaten Nduga", "9508", 2022],
  ["9125", "Kabupaten Puncak", "9405", 2022],
  ["9126", "Kabupaten Dogiyai", "9406", 2022],
  ["9127", "Kabupaten Intan Jaya", "9407", 2022],
  ["9128", "Kabupaten Deiyai", "9408", 2022],
  ["9201", "Kabupaten Sorong", "9601", 2022],
  ["9204", "Kabupaten Sorong Selatan", "9602", 2022],
  ["9205", "Kabupaten Raja Ampat", "9603", 2022],
  ["9209", "Kabupaten Tambrauw", "9604", 2022],
  ["9210", "Kabupaten Maybrat", "9605", 2022],
  ["9271", "Kota Sorong", "9671", 2022],
];

export const LEGACY_REGENCIES: readonly LegacyRegency[] = Object.freeze(
  LEGACY_ROWS.map(([code, name, successorCode, retiredIn]) =>
    Object.freeze({ code, provinceCode: code.slice(0, 2), name, successorCode, retiredIn }),
  ),
);

const provinceByCode = new Map(PROVINCES.map((p) => [p.code, p]));
const regencyByCode = new Map(REGENCIES.map((r) => [r.code, r]));
const legacyByCode = new Map(LEGACY_REGENCIES.map((r) => [r.code, r]));
const regenciesByProvince = new Map<string, readonly Regency[]>();
for (const province of PROVINCES) {
  regenciesByProvince.set(
    province.code,
    Object.freeze(REGENCIES.filter((r) => r.provinceCode === province.code)),
  );
}

/** Accepts "3201" as well as the dotted Kemendagri form "32.01". */
function normalizeCode(code: string): string {
  return code.replace(/[.\s]/g, "");
}

export function findProvince(code: string): Province | undefined {
  return provinceByCode.get(normalizeCode(code));
}

/** A current regency/city only; see findLegacyRegency and resolveRegency for retired codes. */
export function findRegency(code: string): Regency | undefined {
  return regencyByCode.get(normalizeCode(code));
}

/** The current regencies/cities of a province, kabupaten first then kota (code order); [] if unknown. */
export function regenciesOf(provinceCode: string): readonly Regency[] {
  return regenciesByProvince.get(normalizeCode(provinceCode)) ?? [];
}

export function findLegacyRegency(code: string): LegacyRegency | undefined {
  return legacyByCode.get(normalizeCode(code));
}

/**
 * The current regency for a code that is either current or retired by a split: "9101" (Merauke
 * before 2022) resolves to 9301 Kabupaten Merauke, Papua Selatan. Use this to decode or compare NIKs.
 */
export function resolveRegency(code: string): Regency | undefined {
  const normalized = normalizeCode(code);
  const current = regencyByCode.get(normalized);
  if (current) return current;
  const legacy = legacyByCode.get(normalized);
  return legacy ? regencyByCode.get(legacy.successorCode) : undefined;
}
