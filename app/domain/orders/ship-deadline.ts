/**
 * The ship-by deadline: N working days after payment (default 2), counted in Asia/Jakarta (WIB, UTC+7, no
 * daylight saving). Weekends, Indonesian national holidays (`date-holidays`, country ID, type "public") and the
 * collective leave days in cuti-bersama.ts do not count. Counting starts the day after the payment day, whatever
 * the hour, and the deadline is the end of the Nth working day: 23:59:59.999 WIB.
 */
import Holidays from "date-holidays";
import { EXTRA_NON_WORKING_DAYS } from "./cuti-bersama";

const WIB_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

const holidays = new Holidays("ID");
const byYear = new Map<number, Set<string>>();

function nonWorkingDaysOf(year: number): Set<string> {
  let set = byYear.get(year);
  if (!set) {
    set = new Set(holidays.getHolidays(year).filter((h) => h.type === "public").map((h) => h.date.slice(0, 10)));
    for (const d of EXTRA_NON_WORKING_DAYS) if (d.date.startsWith(String(year))) set.add(d.date);
    byYear.set(year, set);
  }
  return set;
}

/** The Jakarta calendar day of an instant, as YYYY-MM-DD. */
export function jakartaDate(instant: Date): string {
  return new Date(instant.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether the Jakarta calendar day containing `date` is a working day. */
export function isWorkingDay(date: Date): boolean {
  const day = jakartaDate(date);
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !nonWorkingDaysOf(Number(day.slice(0, 4))).has(day);
}

export function shipByDeadline(paidAt: Date, workingDays = 2): Date {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError("workingDays must be a positive integer");
  // Noon WIB of the payment day, as a UTC instant: stepping whole days from noon never crosses a date boundary wrongly.
  let cursor = new Date(Date.parse(`${jakartaDate(paidAt)}T12:00:00Z`) - WIB_OFFSET_MS);
  let counted = 0;
  while (counted < workingDays) {
    cursor = new Date(cursor.getTime() + DAY_MS);
    if (isWorkingDay(cursor)) counted++;
  }
  // End of that Jakarta day.
  return new Date(Date.parse(`${jakartaDate(cursor)}T23:59:59.999Z`) - WIB_OFFSET_MS);
}
