import { describe, expect, it } from "vitest";
import { BANK_ACCOUNT_ERROR_CODES, BANK_ACCOUNT_WARNING_CODES } from "../../domain/kyc/bank-account";
import { NIK_ERROR_CODES, NIK_WARNING_CODES } from "../../domain/kyc/nik";
import { NPWP_ERROR_CODES } from "../../domain/kyc/npwp";
import { kycMessages } from "./kyc";

const ALL_CODES: readonly string[] = [
  ...NIK_ERROR_CODES,
  ...NIK_WARNING_CODES,
  ...NPWP_ERROR_CODES,
  ...BANK_ACCOUNT_ERROR_CODES,
  ...BANK_ACCOUNT_WARNING_CODES,
];

describe("kycMessages", () => {
  it.each(["id", "en"] as const)("has a %s message for every KYC error and warning code, and no other", (lang) => {
    const messages: Record<string, string> = kycMessages[lang];
    expect(Object.keys(messages).sort()).toEqual([...ALL_CODES].sort());
    for (const code of ALL_CODES) expect(messages[code]?.trim().length, code).toBeGreaterThan(10);
  });
});
