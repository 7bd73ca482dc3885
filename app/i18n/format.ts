import type { Locale } from "./i18n";

// One formatter each for money, dates and weights; always id-ID conventions for numbers so that
// a seller sees the same "Rp1.250.000" in either language.
const rupiah = new Intl.NumberFormat("id-ID", { style: "currency", currency: "IDR", maximumFractionDigits: 0, minimumFractionDigits: 0 });
const number = new Intl.NumberFormat("id-ID");
const kilograms = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 });

/** Integer rupiah → "Rp1.250.000" (no space, no decimals). */
export function formatRupiah(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new Error(`Rupiah amounts are whole numbers, got ${amount}`);
  // A negated zero (a liability's balance of nothing) is Rp0, not "-Rp0".
  return rupiah.format(amount === 0 ? 0 : amount).replace(/\s/g, "");
}

export function formatNumber(n: number): string {
  return number.format(n);
}

const tags: Record<Locale, string> = { id: "id-ID", en: "en-GB" };

// Building an Intl formatter costs far more than using one (a product page spent more CPU constructing its date
// formatter than rendering its variants): each kind, language and time zone is built once and kept.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/** Dates are shown in Indonesia's western time zone unless told otherwise. */
export function formatDate(date: Date | string, locale: Locale = "id", timeZone = "Asia/Jakarta"): string {
  return cached(`date ${locale} ${timeZone}`, () => new Intl.DateTimeFormat(tags[locale], { day: "numeric", month: "long", year: "numeric", timeZone })).format(new Date(date));
}

export function formatDateTime(date: Date | string, locale: Locale = "id", timeZone = "Asia/Jakarta"): string {
  return cached(
    `datetime ${locale} ${timeZone}`,
    () => new Intl.DateTimeFormat(tags[locale], { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: "short" }),
  ).format(new Date(date));
}

/** "1988-11-02" → "02-11-1988", as a KTP prints a date of birth (so an admin compares it with the card at a glance). */
export function formatKtpDate(isoDate: string): string {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(isoDate);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : isoDate;
}

/** A calendar month written "2026-12" (already in WIB) → "Desember 2026". */
export function formatMonth(yearMonth: string, locale: Locale = "id"): string {
  return new Intl.DateTimeFormat(tags[locale], { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${yearMonth}-01T00:00:00Z`));
}

/** Grams → "850 g" below a kilogram, "1,25 kg" above. */
export function formatWeight(grams: number): string {
  if (grams < 1000) return `${number.format(grams)} g`;
  return `${kilograms.format(grams / 1000)} kg`;
}

/**
 * How long something has waited, as a duration ("3 hari", "5 jam", "12 menit"), or null under a minute,
 * where the page says "baru saja" instead of "0 menit".
 */
export function formatWaited(fromIso: string, nowIso: string, locale: Locale = "id"): string | null {
  const minutes = Math.max(0, (Date.parse(nowIso) - Date.parse(fromIso)) / 60000);
  if (minutes < 1) return null;
  const [value, unit] = minutes >= 1440 ? [Math.floor(minutes / 1440), "day"] : minutes >= 60 ? [Math.floor(minutes / 60), "hour"] : [Math.floor(minutes), "minute"];
  return cached(`unit ${locale} ${unit}`, () => new Intl.NumberFormat(tags[locale], { style: "unit", unit, unitDisplay: "long" })).format(value);
}
