import { holderNameMatch } from "./bank-account";
import { compareNikWithData, type ParsedNik, type Sex } from "./nik";

// Automatic flags on the review page: reasons to look closer, never automatic rejections.
export type FlagCode =
  | "nik_birthdate_mismatch"
  | "nik_sex_mismatch"
  | "nik_region_mismatch"
  | "bank_holder_name_mismatch"
  | "duplicate_nik"
  | "duplicate_npwp"
  | "duplicate_account"
  | "document_reused";

export interface Flag {
  code: FlagCode;
  /** e.g. the other shop's name, or which document. */
  detail?: string;
}

export interface FlagInput {
  nik: ParsedNik | null;
  birthDate: string | null;
  sex: Sex | null;
  fullName: string | null;
  holderName: string | null;
  shopProvinceCode?: string | null;
  duplicates: { nik: string[]; npwp: string[]; account: string[] };
  reusedDocuments: { kind: string; otherShop: string }[];
}

export function computeFlags(input: FlagInput): Flag[] {
  const flags: Flag[] = [];
  if (input.nik && input.birthDate && input.sex) {
    // The region in a NIK is where the person was first registered, not where the shop is: too weak to flag.
    for (const w of compareNikWithData(input.nik, { birthDate: input.birthDate, sex: input.sex })) flags.push({ code: w });
  }
  if (input.holderName && input.fullName && holderNameMatch(input.holderName, input.fullName) === "mismatch") {
    flags.push({ code: "bank_holder_name_mismatch", detail: `${input.holderName} ≠ ${input.fullName}` });
  }
  for (const name of input.duplicates.nik) flags.push({ code: "duplicate_nik", detail: name });
  for (const name of input.duplicates.npwp) flags.push({ code: "duplicate_npwp", detail: name });
  for (const name of input.duplicates.account) flags.push({ code: "duplicate_account", detail: name });
  for (const r of input.reusedDocuments) flags.push({ code: "document_reused", detail: `${r.kind}: ${r.otherShop}` });
  return flags;
}

/** What is still missing before a shop can be submitted, as i18n keys. */
export function missingForSubmission(s: {
  hasShopProfile: boolean;
  hasIdentity: boolean;
  hasTax: boolean;
  hasBank: boolean;
  documents: ReadonlySet<string>;
}): string[] {
  const missing: string[] = [];
  if (!s.hasShopProfile) missing.push("onboarding.missing.shop");
  if (!s.hasIdentity) missing.push("onboarding.missing.identity");
  if (!s.documents.has("ktp")) missing.push("onboarding.missing.ktp");
  if (!s.hasTax) missing.push("onboarding.missing.tax");
  if (!s.documents.has("npwp")) missing.push("onboarding.missing.npwp");
  if (!s.hasBank) missing.push("onboarding.missing.bank");
  if (!s.documents.has("bank_book")) missing.push("onboarding.missing.bankBook");
  return missing;
}
