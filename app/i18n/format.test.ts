import { describe, expect, it } from "vitest";
import { formatDate, formatKtpDate, formatMonth, formatRupiah, formatWaited, formatWeight } from "./format";

describe("id-ID formatting", () => {
  it("formats integer rupiah without decimals or spaces", () => {
    expect(formatRupiah(1250000)).toBe("Rp1.250.000");
    expect(formatRupiah(0)).toBe("Rp0");
    expect(formatRupiah(-0)).toBe("Rp0");
    expect(formatRupiah(-5000)).toBe("-Rp5.000");
  });
  it("refuses fractional rupiah", () => {
    expect(() => formatRupiah(10.5)).toThrow();
  });
  it("formats dates in Indonesian, in Jakarta time", () => {
    expect(formatDate(new Date("2026-08-16T20:00:00Z"))).toBe("17 Agustus 2026");
    expect(formatDate(new Date("2026-08-16T20:00:00Z"), "en")).toBe("17 August 2026");
  });
  it("names a month the ledger grouped in WIB", () => {
    expect(formatMonth("2026-12")).toBe("Desember 2026");
    expect(formatMonth("2027-01", "en")).toBe("January 2027");
  });
  it("formats weights in grams and kilograms with a decimal comma", () => {
    expect(formatWeight(850)).toBe("850 g");
    expect(formatWeight(1250)).toBe("1,25 kg");
    expect(formatWeight(12000)).toBe("12 kg");
  });
});

describe("formatWaited", () => {
  const now = "2026-12-01T10:00:00Z";
  it("says nothing under a minute (the page says 'baru saja'), then minutes, hours, days as durations", () => {
    expect(formatWaited("2026-12-01T09:59:30Z", now)).toBeNull();
    expect(formatWaited("2026-12-01T09:48:00Z", now)).toBe("12 menit");
    expect(formatWaited("2026-12-01T05:00:00Z", now)).toBe("5 jam");
    expect(formatWaited("2026-11-28T09:00:00Z", now)).toBe("3 hari");
    expect(formatWaited("2026-11-28T09:00:00Z", now, "en")).toBe("3 days");
  });
});

describe("formatKtpDate", () => {
  it("writes a date of birth as a KTP prints it, and leaves anything else alone", () => {
    expect(formatKtpDate("1988-11-02")).toBe("02-11-1988");
    expect(formatKtpDate("02-11-1988")).toBe("02-11-1988");
  });
});
