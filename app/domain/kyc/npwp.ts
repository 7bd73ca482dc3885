/**
 * NPWP (Nomor Pokok Wajib Pajak, tax number): the one place its offline check lives.
 *
 * Three forms are accepted, with or without the usual punctuation (spaces, dots, dashes):
 * - legacy 15 digits `99.999.999.9-999.999`: 2 digits taxpayer type + serial, 6 more serial, 1 check
 *   digit, 3 digits tax office (KPP), 3 digits branch (000 = head office). The check digit is the 9th
 *   digit and Luhn holds over the first 9 digits, as python-stdnum (stdnum/id/npwp.py) validates it;
 *   the tax office does not publish the algorithm, so this is the best public knowledge.
 * - 16 digits, since 2024 (PMK 112/2022): for resident individuals the NIK *is* the NPWP (checked
 *   with parseNik; a NIK never starts with 0), for other taxpayers it is "0" + the legacy 15 digits
 *   (Luhn over the same 9 digits after the 0).
 * - 22 digits NITKU (Nomor Identitas Tempat Kegiatan Usaha): the 16-digit NPWP + 6 digits for the
 *   place of business (000000 = head office); the 16 digits are checked as above.
 *
 * The npm package `stdnum` accepts only 15 digits and rejects valid 16-digit numbers, hence this file.
 */

import { parseNik, type NikError, type NikParseOptions } from "./nik";

export const NPWP_ERROR_CODES = ["npwp_format", "npwp_checksum", "npwp_nik_invalid"] as const;
export type NpwpError = (typeof NPWP_ERROR_CODES)[number];

/** legacy15: entered in the old 15-digit form; nik16: a NIK used as NPWP; npwp16: "0" + legacy 15. */
export type NpwpKind = "legacy15" | "nik16" | "npwp16";

export interface ParsedNpwp {
  ok: true;
  kind: NpwpKind;
  /** The 16-digit NPWP, the form to store: legacy numbers get their leading 0. */
  digits16: string;
  /** The old 15-digit number, for legacy15 and npwp16 (absent for a NIK). */
  legacy15?: string;
  /** The 22-digit NITKU when one was entered. */
  nitku?: string;
  /** The 6-digit place-of-business part of a NITKU ("000000" = head office). */
  placeOfBusiness?: string;
  /** What was entered, in the canonical mask (see formatNpwp). */
  formatted: string;
}

export type NpwpResult =
  | ParsedNpwp
  /** nikError says why a 16-digit number that is not "0"-prefixed failed as a NIK. */
  | { ok: false; error: NpwpError; nikError?: NikError };

/** `today` only matters for a NIK used as NPWP (it settles the birth year's century). */
export type NpwpParseOptions = NikParseOptions;

/** Strips spaces, dots and dashes; anything else is kept (and then fails the digit check). */
export function normalizeNpwp(input: string): string {
  return input.replace(/[\s.\-]/g, "");
}

export function parseNpwp(input: string, options: NpwpParseOptions = {}): NpwpResult {
  const digits = normalizeNpwp(input);
  if (!/^\d+$/.test(digits)) return { ok: false, error: "npwp_format" };

  if (digits.length === 15) {
    if (!legacyChecksumValid(digits)) return { ok: false, error: "npwp_checksum" };
    return { ok: true, kind: "legacy15", digits16: `0${digits}`, legacy15: digits, formatted: formatLegacy(digits) };
  }
  if (digits.length === 16 || digits.length === 22) {
    const base = digits.slice(0, 16);
    const placeOfBusiness = digits.length === 22 ? digits.slice(16) : undefined;
    const nitkuFields = placeOfBusiness === undefined ? {} : { nitku: digits, placeOfBusiness };
    const formatted = format16(base) + (placeOfBusiness === undefined ? "" : ` ${placeOfBusiness}`);
    if (base.startsWith("0")) {
      const legacy15 = base.slice(1);
      if (!legacyChecksumValid(legacy15)) return { ok: false, error: "npwp_checksum" };
      return { ok: true, kind: "npwp16", digits16: base, legacy15, ...nitkuFields, formatted };
    }
    const nik = parseNik(base, options);
    if (!nik.ok) return { ok: false, error: "npwp_nik_invalid", nikError: nik.error };
    return { ok: true, kind: "nik16", digits16: base, ...nitkuFields, formatted };
  }
  return { ok: false, error: "npwp_format" };
}

/**
 * The canonical display of an NPWP, by length, without checking it (usable while typing):
 * - 15 digits: the legacy mask "01.234.567.8-901.000", as printed on old NPWP cards;
 * - 16 digits: "0123 4567 8901 2345". One mask for both 16-digit kinds, because a NIK-based NPWP has
 *   a different inner structure than "0" + legacy, so the legacy dots would mislead; groups of four
 *   are how a NIK is read off a KTP and are easy to compare on a phone. DJP's own systems show the
 *   16 digits unbroken, so store digits16 and use this for display only.
 * - 22 digits (NITKU): the 16-digit mask, a space, then the 6-digit place of business.
 * Returns null for any other length or a non-digit character.
 */
export function formatNpwp(input: string): string | null {
  const digits = normalizeNpwp(input);
  if (!/^\d+$/.test(digits)) return null;
  if (digits.length === 15) return formatLegacy(digits);
  if (digits.length === 16) return format16(digits);
  if (digits.length === 22) return `${format16(digits.slice(0, 16))} ${digits.slice(16)}`;
  return null;
}

/**
 * The formatted NPWP with every digit but the last four replaced by "*", e.g.
 * "**.***.***.*-*01.000" or "**** **** **** 2345"; for an unformattable input, the digits masked.
 */
export function maskNpwp(input: string): string {
  const shown = formatNpwp(input) ?? normalizeNpwp(input);
  const digitCount = (shown.match(/\d/g) ?? []).length;
  let seen = 0;
  return shown.replace(/\d/g, (d) => (++seen > digitCount - 4 ? d : "*"));
}

/** Luhn (mod 10) over a digit string whose last digit is the check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Luhn over the first 9 digits (the 9th is the check digit). A serial of nine zeros passes Luhn but is
 * the "00.000.000.0-000.000" placeholder used on tax invoices for buyers without an NPWP: rejected.
 */
function legacyChecksumValid(legacy15: string): boolean {
  const checked = legacy15.slice(0, 9);
  return checked !== "000000000" && luhnValid(checked);
}

function formatLegacy(d: string): string {
  return `${d.slice(0, 2)}.${d.slice(2, 5)}.${d.slice(5, 8)}.${d[8]}-${d.slice(9, 12)}.${d.slice(12)}`;
}

function format16(d: string): string {
  return `${d.slice(0, 4)} ${d.slice(4, 8)} ${d.slice(8, 12)} ${d.slice(12)}`;
}
