import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { neutraliseCsvCell, restoreCsvCell, toCsv } from "./csv";

describe("neutraliseCsvCell", () => {
  it("puts an apostrophe before every cell a spreadsheet would run as a formula", () => {
    for (const cell of ["=HYPERLINK(\"http://evil.example\",\"klik\")", "+62 812", "-2+3", "@SUM(A1)", "\tx", "\rx", "=1+1"]) {
      expect(neutraliseCsvCell(cell)).toBe(`'${cell}`);
    }
  });

  it("leaves plain numbers, negative ones included, and ordinary text alone", () => {
    for (const cell of ["-5", "+5", "-1.250,50", "125000", "Kopi Aceh Gayo – 250 gr", "a=b", ""]) expect(neutraliseCsvCell(cell)).toBe(cell);
    expect(neutraliseCsvCell(-5)).toBe("-5");
    expect(neutraliseCsvCell(null)).toBe("");
  });

  it("round-trips through restoreCsvCell", () => {
    for (const cell of ["=A1", "-2+3", "'quoted", "biasa", "-5"]) expect(restoreCsvCell(neutraliseCsvCell(cell))).toBe(cell);
  });
});

describe("toCsv", () => {
  it("writes neutralised cells that parse back as text", () => {
    const csv = toCsv(["judul", "harga"], [["=HYPERLINK(\"http://x\",\"a, b\")", 5000]]);
    expect(csv.endsWith("\r\n")).toBe(true);
    const [, row] = Papa.parse<string[]>(csv.trim()).data;
    expect(row).toEqual(["'=HYPERLINK(\"http://x\",\"a, b\")", "5000"]);
  });
});
