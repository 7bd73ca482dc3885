import { describe, expect, it } from "vitest";
import { formatNpwp, luhnValid, maskNpwp, parseNpwp } from "./npwp";

const TODAY = { today: "2024-06-01" };

// Real-format NPWPs from python-stdnum's tests/test_id_npwp.doctest ("found online", all valid).
const STDNUM_VALID = [
  "01.312.166.0-091.000",
  "016090524017000",
  "023869720091000",
  "01.451.869.0-054.000",
  "02 . 433 . 917 . 8 - 011 . 000",
  "01.000.161.8-092.000",
  "01.001.610.3-051.000",
  "010692903641000",
  "01.349.129-5-054-000",
  "01.544.009.2.543.000",
  "014300040123000",
  "017048299643001",
  "02.173.740.8-002.000",
  "03.244.868.0-201.000",
  "210614467418000",
  "31.154.173.4-411.000",
  "66.487.591.1-071.000",
  "748575982452000",
  "90.004.581.6-201.000",
];

describe("luhnValid", () => {
  it("is the standard mod-10 check", () => {
    expect(luhnValid("79927398713")).toBe(true);
    expect(luhnValid("79927398710")).toBe(false);
    expect(luhnValid("013121660")).toBe(true);
  });
});

describe("parseNpwp: legacy 15 digits", () => {
  it("accepts python-stdnum's valid vectors, with or without punctuation", () => {
    for (const input of STDNUM_VALID) {
      expect(parseNpwp(input, TODAY).ok, input).toBe(true);
    }
  });

  it("returns the 16-digit form to store and the canonical mask", () => {
    expect(parseNpwp("01.312.166.0-091.000", TODAY)).toEqual({
      ok: true,
      kind: "legacy15",
      digits16: "0013121660091000",
      legacy15: "013121660091000",
      formatted: "01.312.166.0-091.000",
    });
    expect(parseNpwp("016090524017000", TODAY)).toMatchObject({ formatted: "01.609.052.4-017.000" });
  });

  it("rejects a wrong check digit (9th digit)", () => {
    expect(parseNpwp("01.451.869.7-054.000", TODAY)).toEqual({ ok: false, error: "npwp_checksum" });
    expect(parseNpwp("01.312.166.1-091.000", TODAY)).toEqual({ ok: false, error: "npwp_checksum" });
    // Two swapped digits in the serial.
    expect(parseNpwp("10.312.166.0-091.000", TODAY)).toEqual({ ok: false, error: "npwp_checksum" });
  });

  it("does not check the tax office and branch digits", () => {
    expect(parseNpwp("01.312.166.0-999.123", TODAY).ok).toBe(true);
  });

  it("rejects the all-zero placeholder used on invoices for buyers without NPWP", () => {
    expect(parseNpwp("00.000.000.0-000.000", TODAY)).toEqual({ ok: false, error: "npwp_checksum" });
  });
});

describe("parseNpwp: 16 digits", () => {
  it("accepts 0 + a legacy number, checking the same Luhn digit", () => {
    expect(parseNpwp("0013121660091000", TODAY)).toEqual({
      ok: true,
      kind: "npwp16",
      digits16: "0013121660091000",
      legacy15: "013121660091000",
      formatted: "0013 1216 6009 1000",
    });
    expect(parseNpwp("0014518697054000", TODAY)).toEqual({ ok: false, error: "npwp_checksum" });
  });

  it("accepts a valid NIK as an individual's NPWP", () => {
    expect(parseNpwp("3201 0115 0890 0003", TODAY)).toEqual({
      ok: true,
      kind: "nik16",
      digits16: "3201011508900003",
      formatted: "3201 0115 0890 0003",
    });
  });

  it("rejects a 16-digit number that is neither 0-prefixed nor a valid NIK, saying why", () => {
    expect(parseNpwp("3299011508900003", TODAY)).toEqual({ ok: false, error: "npwp_nik_invalid", nikError: "nik_regency" });
    expect(parseNpwp("3201013102990001", TODAY)).toEqual({
      ok: false,
      error: "npwp_nik_invalid",
      nikError: "nik_birthdate",
    });
    expect(parseNpwp("1234567890123456", TODAY)).toMatchObject({ ok: false, error: "npwp_nik_invalid" });
  });
});

describe("parseNpwp: 22-digit NITKU", () => {
  it("accepts the 16-digit NPWP followed by the place-of-business number", () => {
    expect(parseNpwp("0013121660091000000001", TODAY)).toEqual({
      ok: true,
      kind: "npwp16",
      digits16: "0013121660091000",
      legacy15: "013121660091000",
      nitku: "0013121660091000000001",
      placeOfBusiness: "000001",
      formatted: "0013 1216 6009 1000 000001",
    });
    expect(parseNpwp("3201011508900003 000000", TODAY)).toMatchObject({ kind: "nik16", placeOfBusiness: "000000" });
  });

  it("checks the NPWP inside a NITKU", () => {
    expect(parseNpwp("0014518697054000000000", TODAY)).toEqual({ ok: false, error: "npwp_checksum" });
    expect(parseNpwp("3299011508900003000000", TODAY)).toMatchObject({ error: "npwp_nik_invalid" });
  });
});

describe("parseNpwp: format errors", () => {
  it("rejects other lengths and other characters", () => {
    for (const input of ["", "123456789", "12345678901234", "01.312.166.0-091.00", "00131216600910000", "FF3456789012345", "01/312/166/0/091/000"]) {
      expect(parseNpwp(input, TODAY), input).toEqual({ ok: false, error: "npwp_format" });
    }
  });
});

describe("formatNpwp and maskNpwp", () => {
  it("formats by length without validating", () => {
    expect(formatNpwp("013000666091000")).toBe("01.300.066.6-091.000");
    expect(formatNpwp("0013121660091000")).toBe("0013 1216 6009 1000");
    expect(formatNpwp("0013121660091000000001")).toBe("0013 1216 6009 1000 000001");
    expect(formatNpwp("12345")).toBeNull();
    expect(formatNpwp("01.3x")).toBeNull();
  });

  it("hides every digit but the last four", () => {
    expect(maskNpwp("01.312.166.0-091.000")).toBe("**.***.***.*-**1.000");
    expect(maskNpwp("3201011508900003")).toBe("**** **** **** 0003");
    expect(maskNpwp("12345")).toBe("*2345");
  });
});
