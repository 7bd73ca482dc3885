/**
 * Non-working days the `date-holidays` library does not know: the collective leave days (cuti bersama) the
 * government announces each year in a joint decree (SKB 3 Menteri), and national holidays where the decree's date
 * differs from the library's computed one (Islamic holidays depend on the sighting of the moon).
 * Add next year's decree here when it is published; `estimate: true` marks rows not yet confirmed by a decree.
 */
export interface NonWorkingDay {
  /** Jakarta calendar date, YYYY-MM-DD. */
  date: string;
  kind: "cuti_bersama" | "libur_nasional";
  name: string;
  estimate?: boolean;
}

export const EXTRA_NON_WORKING_DAYS: readonly NonWorkingDay[] = [
  // 2025 (SKB 3 Menteri 2025)
  { date: "2025-01-28", kind: "cuti_bersama", name: "Cuti bersama Tahun Baru Imlek" },
  { date: "2025-03-28", kind: "cuti_bersama", name: "Cuti bersama Hari Raya Nyepi" },
  { date: "2025-04-01", kind: "libur_nasional", name: "Hari Raya Idul Fitri 1446 H (hari kedua)" },
  { date: "2025-04-02", kind: "cuti_bersama", name: "Cuti bersama Idul Fitri" },
  { date: "2025-04-03", kind: "cuti_bersama", name: "Cuti bersama Idul Fitri" },
  { date: "2025-04-04", kind: "cuti_bersama", name: "Cuti bersama Idul Fitri" },
  { date: "2025-04-07", kind: "cuti_bersama", name: "Cuti bersama Idul Fitri" },
  { date: "2025-05-13", kind: "cuti_bersama", name: "Cuti bersama Hari Raya Waisak" },
  { date: "2025-05-30", kind: "cuti_bersama", name: "Cuti bersama Kenaikan Isa Almasih" },
  { date: "2025-06-09", kind: "cuti_bersama", name: "Cuti bersama Idul Adha" },
  { date: "2025-08-18", kind: "cuti_bersama", name: "Cuti bersama HUT RI" },
  { date: "2025-12-26", kind: "cuti_bersama", name: "Cuti bersama Natal" },
  // 2026 (SKB 3 Menteri 2026)
  { date: "2026-02-16", kind: "cuti_bersama", name: "Cuti bersama Tahun Baru Imlek" },
  { date: "2026-03-18", kind: "cuti_bersama", name: "Cuti bersama Hari Raya Nyepi" },
  { date: "2026-03-22", kind: "libur_nasional", name: "Hari Raya Idul Fitri 1447 H (hari kedua)" },
  { date: "2026-03-23", kind: "cuti_bersama", name: "Cuti bersama Idul Fitri" },
  { date: "2026-03-24", kind: "cuti_bersama", name: "Cuti bersama Idul Fitri" },
  { date: "2026-05-15", kind: "cuti_bersama", name: "Cuti bersama Kenaikan Isa Almasih" },
  { date: "2026-05-28", kind: "cuti_bersama", name: "Cuti bersama Idul Adha" },
  { date: "2026-12-24", kind: "cuti_bersama", name: "Cuti bersama Natal" },
  // 2027: no decree known to this file yet; the usual pattern around Idul Fitri 1448 H (9–10 March 2027).
  { date: "2027-03-11", kind: "cuti_bersama", name: "Cuti bersama Idul Fitri", estimate: true },
  { date: "2027-03-12", kind: "cuti_bersama", name: "Cuti bersama Idul Fitri", estimate: true },
  { date: "2027-12-24", kind: "cuti_bersama", name: "Cuti bersama Natal", estimate: true },
];
