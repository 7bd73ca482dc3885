import { describe, expect, it } from "vitest";
import { isWorkingDay, jakartaDate, shipByDeadline } from "./ship-deadline";

/** An instant given as Jakarta wall-clock time. */
const wib = (s: string) => new Date(`${s}+07:00`);
const deadline = (paid: string, days?: number) => shipByDeadline(wib(paid), days);

describe("shipByDeadline", () => {
  it("ends the second working day after payment at 23:59:59.999 WIB", () => {
    // Tuesday 1 Dec 2026 → Wed (1), Thu (2)
    expect(deadline("2026-12-01T10:00:00")).toEqual(wib("2026-12-03T23:59:59.999"));
  });

  it("counts in Jakarta time: 23:30 WIB Monday is Monday even though it is 16:30 UTC", () => {
    expect(deadline("2026-11-30T23:30:00")).toEqual(wib("2026-12-02T23:59:59.999"));
    // 00:30 WIB Tuesday (17:30 UTC Monday) is Tuesday.
    expect(deadline("2026-12-01T00:30:00")).toEqual(wib("2026-12-03T23:59:59.999"));
  });

  it("skips weekends", () => {
    // Friday 4 Dec 2026 → Mon 7 (1), Tue 8 (2)
    expect(deadline("2026-12-04T15:00:00")).toEqual(wib("2026-12-08T23:59:59.999"));
    // Paid on Saturday → Mon (1), Tue (2)
    expect(deadline("2026-12-05T09:00:00")).toEqual(wib("2026-12-08T23:59:59.999"));
  });

  it("skips Christmas and its collective leave day (2026)", () => {
    // Wed 23 Dec 2026: Thu 24 cuti bersama, Fri 25 Natal, weekend → Mon 28 (1), Tue 29 (2)
    expect(deadline("2026-12-23T08:00:00")).toEqual(wib("2026-12-29T23:59:59.999"));
  });

  it("skips Idul Fitri 2026 with Nyepi and the collective leave days", () => {
    // Tue 17 Mar 2026: Wed 18 cuti Nyepi, Thu 19 Nyepi, Fri 20 + Sat 21 + Sun 22 Idul Fitri, Mon 23 + Tue 24 cuti
    // → Wed 25 (1), Thu 26 (2)
    expect(deadline("2026-03-17T12:00:00")).toEqual(wib("2026-03-26T23:59:59.999"));
  });

  it("skips Idul Fitri 2027 (9–10 March) and the leave around it", () => {
    // Mon 8 Mar 2027 is Nyepi; paid Fri 5 Mar → Tue 9, Wed 10 Idul Fitri, Thu 11, Fri 12 cuti, weekend → Mon 15 (1), Tue 16 (2)
    expect(deadline("2027-03-05T10:00:00")).toEqual(wib("2027-03-16T23:59:59.999"));
  });

  it("crosses the year end: New Year's Day does not count", () => {
    // Wed 30 Dec 2026 → Thu 31 (1), Fri 1 Jan holiday, weekend, Mon 4 Jan 2027 (2)
    expect(deadline("2026-12-30T10:00:00")).toEqual(wib("2027-01-04T23:59:59.999"));
  });

  it("takes another number of working days", () => {
    expect(deadline("2026-12-01T10:00:00", 1)).toEqual(wib("2026-12-02T23:59:59.999"));
    expect(deadline("2026-12-01T10:00:00", 5)).toEqual(wib("2026-12-08T23:59:59.999"));
    expect(() => deadline("2026-12-01T10:00:00", 0)).toThrow();
  });
});

describe("isWorkingDay", () => {
  it("knows weekdays, weekends, holidays and collective leave", () => {
    expect(isWorkingDay(wib("2026-12-01T12:00:00"))).toBe(true);
    expect(isWorkingDay(wib("2026-12-05T12:00:00"))).toBe(false); // Saturday
    expect(isWorkingDay(wib("2026-08-17T12:00:00"))).toBe(false); // Independence Day (Monday)
    expect(isWorkingDay(wib("2026-12-24T12:00:00"))).toBe(false); // cuti bersama
    expect(isWorkingDay(wib("2026-12-25T00:10:00"))).toBe(false); // Christmas, just after midnight WIB
  });
  it("uses the Jakarta calendar day", () => {
    expect(jakartaDate(new Date("2026-12-24T17:30:00Z"))).toBe("2026-12-25");
  });
});
