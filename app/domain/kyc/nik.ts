/**
 * NIK (Nomor Induk Kependudukan, the KTP number): the one place its offline check lives.
 *
 * 16 digits `PP KK CC DDMMYY SSSS`:
 * - PP province, PPKK regency/city, PPKKCC district (kecamatan): Kemendagri codes of the place where
 *   the person was *first registered*, not where they live now; a NIK is never re-issued, so codes
 *   retired by a province split (Papua 2022, Kalimantan Utara 2012) stay valid.
 * - DD day of birth, plus 40 for women (41-71); MM month; YY the last two digits of the year.
 * - SSSS serial, from 0001.
 *
 * Only this structure can be checked offline. Whether the NIK exists and belongs to the person needs
 * Dukcapil, which we do not have, so a NIK that disagrees with what the person typed (birth date,
 * sex) produces warnings for an admin to look at, never a rejection: a NIK is not re-issued when the
 * printed birth date turns out wrong.
 *
 * Districts are not checked: the district list changes every year and is not shipped.
 */

import { findLegacyRegency, findProvince, findRegency, resolveRegency } from "../regions/data";

export const NIK_ERROR_CODES = [
  "nik_format",
  "nik_province",
  "nik_regency",
  "nik_birthdate",
  "nik_serial",
] as const;
export type NikError = (typeof NIK_ERROR_CODES)[number];

/** Warnings from compareNikWithData: reasons to look closer, not to reject. */
export const NIK_WARNING_CODES = ["nik_birthdate_mismatch", "nik_sex_mismatch", "nik_region_mismatch"] as const;
export type NikWarning = (typeof NIK_WARNING_CODES)[number];

/** L = laki-laki (male), P = perempuan (female), as on the KTP. */
export type Sex = "L" | "P";

export interface NikBirthDate {
  /**
   * Four-digit year: 20YY when that date is not after `today`, else 19YY. Undefined when parseNik was
   * not given `today` (the century is then unknown).
   */
  year?: number;
  month: number;
  /** The real day of the month (the +40 for women already removed). */
  day: number;
  /** The two-digit year as written in the NIK, 0-99. */
  yy: number;
}

export interface ParsedNik {
  ok: true;
  /** The 16 digits, separators removed. */
  nik: string;
  provinceCode: string;
  /** Digits 1-4 as written; may be a code retired by a split (see currentRegencyCode). */
  regencyCode: string;
  /** Digits 1-6 (kecamatan), not checked against a list. */
  districtCode: string;
  birthDate: NikBirthDate;
  sex: Sex;
  /** Digits 13-16. */
  serial: string;
  /** The regency/city code today: equal to regencyCode unless that code was retired by a split. */
  currentRegencyCode: string;
  /** true when regencyCode is a pre-split code (e.g. 9101 Merauke, now 9301). */
  legacyRegency: boolean;
}

export type NikResult = ParsedNik | { ok: false; error: NikError };

/**
 * `today` settles the century of the birth year. Give the local date as "YYYY-MM-DD" (Asia/Jakarta);
 * a Date is read in UTC.
 */
export interface NikParseOptions {
  today?: Date | string;
}

export interface NikPersonData {
  /** "YYYY-MM-DD" as the person typed it (validated by the form schema). */
  birthDate: string;
  sex: Sex;
  /** Where the person says they live; compared with the NIK's region only as a weak signal. */
  provinceCode?: string;
  regencyCode?: string;
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Strips the separators people type or paste (spaces, dots, dashes); anything else is kept. */
export function normalizeNik(input: string): string {
  return input.replace(/[\s.\-]/g, "");
}

export function parseNik(input: string, options: NikParseOptions = {}): NikResult {
  const nik = normalizeNik(input);
  if (!/^\d{16}$/.test(nik)) return { ok: false, error: "nik_format" };

  const provinceCode = nik.slice(0, 2);
  if (!findProvince(provinceCode)) return { ok: false, error: "nik_province" };

  const regencyCode = nik.slice(0, 4);
  const current = findRegency(regencyCode);
  const legacy = current ? undefined : findLegacyRegency(regencyCode);
  if (!current && !legacy) return { ok: false, error: "nik_regency" };

  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const sex: Sex = rawDay > 40 ? "P" : "L";
  const day = sex === "P" ? rawDay - 40 : rawDay;
  const today = options.today === undefined ? undefined : toCalendarDate(options.today);
  const birthDate = resolveBirthDate(day, month, yy, today);
  if (!birthDate) return { ok: false, error: "nik_birthdate" };

  const serial = nik.slice(12);
  if (serial === "0000") return { ok: false, error: "nik_serial" };

  return {
    ok: true,
    nik,
    provinceCode,
    regencyCode,
    districtCode: nik.slice(0, 6),
    birthDate,
    sex,
    serial,
    currentRegencyCode: current ? current.code : legacy!.successorCode,
    legacyRegency: !current,
  };
}

/**
 * Compares a parsed NIK with what the person typed. Every flag is a warning for the admin queue.
 *
 * - The birth date is compared on day, month and the last two digits of the year, since the NIK holds
 *   no century: someone born in 1924 whose NIK parsed as 2024 is not a mismatch.
 * - The region flag is the weakest: the NIK holds where the person was first registered, so anyone
 *   who moved will differ. Retired codes are resolved first (a 9101 NIK matches regency 9301).
 */
export function compareNikWithData(parsed: ParsedNik, data: NikPersonData): NikWarning[] {
  const warnings: NikWarning[] = [];
  const typed = parseIsoDate(data.birthDate);
  if (!typed) throw new RangeError(`birthDate must be a real YYYY-MM-DD date, got "${data.birthDate}"`);
  const nikDate = parsed.birthDate;
  if (typed.day !== nikDate.day || typed.month !== nikDate.month || typed.year % 100 !== nikDate.yy) {
    warnings.push("nik_birthdate_mismatch");
  }
  if (data.sex !== parsed.sex) warnings.push("nik_sex_mismatch");

  const nikRegency = resolveRegency(parsed.currentRegencyCode);
  if (data.regencyCode !== undefined) {
    const typedRegency = resolveRegency(data.regencyCode);
    if (!nikRegency || !typedRegency || nikRegency.code !== typedRegency.code) warnings.push("nik_region_mismatch");
  } else if (data.provinceCode !== undefined) {
    if (!nikRegency || nikRegency.provinceCode !== data.provinceCode) warnings.push("nik_region_mismatch");
  }
  return warnings;
}

/** "3201********0003": the first 4 digits (regency, not personal) and the last 4, for logs and lists. */
export function maskNik(nik: string): string {
  const digits = normalizeNik(nik);
  if (digits.length <= 8) return "*".repeat(digits.length);
  return digits.slice(0, 4) + "*".repeat(digits.length - 8) + digits.slice(-4);
}

function resolveBirthDate(day: number, month: number, yy: number, today: CalendarDate | undefined): NikBirthDate | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  if (!today) {
    // Century unknown: 29 Feb is possible whenever yy is divisible by 4 (2000 was a leap year).
    const maxDay = month === 2 ? (yy % 4 === 0 ? 29 : 28) : daysInMonth(2001, month);
    return day <= maxDay ? { month, day, yy } : undefined;
  }
  const candidate2000s = { year: 2000 + yy, month, day };
  if (isRealDate(candidate2000s) && compareDates(candidate2000s, today) <= 0) {
    return { year: candidate2000s.year, month, day, yy };
  }
  const candidate1900s = { year: 1900 + yy, month, day };
  return isRealDate(candidate1900s) ? { year: candidate1900s.year, month, day, yy } : undefined;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isRealDate({ year, month, day }: CalendarDate): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function parseIsoDate(value: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isRealDate(date) ? date : undefined;
}

/** Throws RangeError: `today` comes from the caller's clock, a bad one is a programmer error. */
function toCalendarDate(today: Date | string): CalendarDate {
  if (typeof today === "string") {
    const parsed = parseIsoDate(today);
    if (!parsed) throw new RangeError(`today must be a real YYYY-MM-DD date, got "${today}"`);
    return parsed;
  }
  if (Number.isNaN(today.getTime())) throw new RangeError("today is an invalid Date");
  return { year: today.getUTCFullYear(), month: today.getUTCMonth() + 1, day: today.getUTCDate() };
}
