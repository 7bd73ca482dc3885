import { describe, expect, it } from "vitest";
import { COURIER_SERVICES } from "./couriers";
import { checkResi, RESI_FORMATS } from "./resi-formats";

describe("checkResi", () => {
  it("has a format for every courier Lapak offers, and each example passes its own pattern", () => {
    for (const s of COURIER_SERVICES) expect(RESI_FORMATS[s.courierCode], s.courierCode).toBeDefined();
    for (const f of Object.values(RESI_FORMATS)) expect(checkResi(f.courierCode, f.example)).toEqual({ ok: true, normalized: f.example });
  });

  it("normalises case and surrounding blanks", () => {
    expect(checkResi("jnt", "  jp1234567890 ")).toEqual({ ok: true, normalized: "JP1234567890" });
    expect(checkResi("sicepat", "000123456789")).toEqual({ ok: true, normalized: "000123456789" });
  });

  it("drops the spaces and dashes a seller copies from a receipt", () => {
    expect(checkResi("jnt", "jp 1234-5678-90")).toEqual({ ok: true, normalized: "JP1234567890" });
    expect(checkResi("sicepat", "0001 2345 6789")).toEqual({ ok: true, normalized: "000123456789" });
  });

  it("refuses what cannot be a resi for any courier", () => {
    expect(checkResi("jne", "   ")).toEqual({ ok: false, error: "resi.empty" });
    expect(checkResi("jne", "0123/4567.8901")).toEqual({ ok: false, error: "resi.charset" });
    expect(checkResi("jne", "12345")).toEqual({ ok: false, error: "resi.length" });
    expect(checkResi("jne", "1".repeat(31))).toEqual({ ok: false, error: "resi.length" });
  });

  it("refuses a mismatch where the courier's format is certain", () => {
    expect(checkResi("sicepat", "12345678901")).toEqual({ ok: false, error: "resi.format", example: "000123456789" });
    expect(checkResi("jnt", "XX1234567890")).toMatchObject({ ok: false, error: "resi.format" });
  });

  it("only warns where the format is not certain, or the courier is unknown", () => {
    expect(checkResi("jne", "ABC123")).toEqual({ ok: true, normalized: "ABC123", warning: "resi.formatUncertain", example: "0123456789012345" });
    expect(checkResi("anteraja", "9999999999")).toMatchObject({ ok: true, warning: "resi.formatUncertain" });
    expect(checkResi("lion", "LP12345678")).toEqual({ ok: true, normalized: "LP12345678", warning: "resi.unknownCourier" });
  });
});
