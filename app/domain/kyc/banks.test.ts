import { describe, expect, it } from "vitest";
import { BANKS, findBank } from "./banks";

describe("BANKS", () => {
  it("has unique 3-digit sandi bank codes and a name for each", () => {
    expect(BANKS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(BANKS.map((b) => b.code)).size).toBe(BANKS.length);
    for (const bank of BANKS) {
      expect(bank.code).toMatch(/^\d{3}$/);
      expect(bank.name.length).toBeGreaterThan(0);
      for (const length of bank.typicalLengths) expect(length).toBeGreaterThanOrEqual(7);
    }
  });

  it("knows the codes sellers use most", () => {
    const expected: Record<string, string> = {
      "002": "BRI (Bank Rakyat Indonesia)",
      "008": "Bank Mandiri",
      "009": "BNI (Bank Negara Indonesia)",
      "014": "BCA (Bank Central Asia)",
      "200": "BTN (Bank Tabungan Negara)",
      "022": "CIMB Niaga",
      "011": "Bank Danamon",
      "013": "Bank Permata",
      "451": "BSI (Bank Syariah Indonesia)",
      "028": "OCBC NISP",
      "016": "Maybank Indonesia",
      "019": "Panin Bank",
      "213": "SMBC Indonesia (Jenius)",
      "426": "Bank Mega",
      "542": "Bank Jago",
      "535": "SeaBank",
      "501": "blu (BCA Digital)",
      "111": "Bank DKI",
      "110": "Bank BJB",
      "114": "Bank Jatim",
      "113": "Bank Jateng",
    };
    for (const [code, name] of Object.entries(expected)) expect(findBank(code)?.name, code).toBe(name);
  });

  it("gives the account lengths known for the big four as hints", () => {
    expect(findBank("014")?.typicalLengths).toEqual([10]);
    expect(findBank("009")?.typicalLengths).toEqual([10]);
    expect(findBank("008")?.typicalLengths).toEqual([13]);
    expect(findBank("002")?.typicalLengths).toEqual([15]);
    expect(findBank("542")?.typicalLengths).toEqual([]);
  });

  it("finds nothing for an unknown code", () => {
    expect(findBank("999")).toBeUndefined();
    expect(findBank("14")).toBeUndefined();
  });
});
