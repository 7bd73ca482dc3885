import { describe, expect, it } from "vitest";
import { computeFlags, missingForSubmission } from "./flags";
import { parseNik, type ParsedNik } from "./nik";

const nik = parseNik("3201014507900003") as ParsedNik; // Kab. Bogor, woman born 5 July 1990

const base = {
  nik,
  birthDate: "1990-07-05",
  sex: "P" as const,
  fullName: "Siti Aminah",
  holderName: "SITI AMINAH",
  duplicates: { nik: [], npwp: [], account: [] },
  reusedDocuments: [],
};

describe("review flags", () => {
  it("raises nothing when everything agrees", () => {
    expect(nik.ok).toBe(true);
    expect(computeFlags(base)).toEqual([]);
  });
  it("flags a birth date or sex that the NIK contradicts", () => {
    const codes = computeFlags({ ...base, birthDate: "1990-07-06", sex: "L" }).map((f) => f.code);
    expect(codes).toContain("nik_birthdate_mismatch");
    expect(codes).toContain("nik_sex_mismatch");
  });
  it("flags a bank account held by someone else", () => {
    expect(computeFlags({ ...base, holderName: "Budi Santoso" }).map((f) => f.code)).toEqual(["bank_holder_name_mismatch"]);
  });
  it("accepts titles and case in the holder name", () => {
    expect(computeFlags({ ...base, holderName: "Hj. SITI AMINAH, S.E." })).toEqual([]);
  });
  it("names the other shops that use the same numbers or documents", () => {
    const flags = computeFlags({ ...base, duplicates: { nik: ["Toko Lain"], npwp: [], account: ["Toko Ketiga"] }, reusedDocuments: [{ kind: "ktp", otherShop: "Toko Lain" }] });
    expect(flags).toEqual([
      { code: "duplicate_nik", detail: "Toko Lain" },
      { code: "duplicate_account", detail: "Toko Ketiga" },
      { code: "document_reused", detail: "ktp: Toko Lain" },
    ]);
  });
});

describe("what is missing before submission", () => {
  it("lists every missing step and document, in wizard order", () => {
    expect(missingForSubmission({ hasShopProfile: true, hasIdentity: false, hasTax: true, hasBank: true, documents: new Set(["npwp"]) })).toEqual([
      "onboarding.missing.identity",
      "onboarding.missing.ktp",
      "onboarding.missing.bankBook",
    ]);
    expect(missingForSubmission({ hasShopProfile: true, hasIdentity: true, hasTax: true, hasBank: true, documents: new Set(["ktp", "npwp", "bank_book"]) })).toEqual([]);
  });
});
