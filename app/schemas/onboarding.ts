import { z } from "zod";
import { checkRegencyInProvince, indonesianPhone, postalCode, provinceCode, regencyCode } from "./address-fields";
import { formText } from "./params";
import { findBank } from "~/domain/kyc/banks";
import { checkBankAccount, normalizeAccountNumber } from "~/domain/kyc/bank-account";
import { parseNik } from "~/domain/kyc/nik";
import { parseNpwp } from "~/domain/kyc/npwp";

// One schema per wizard step, used by the form (zodResolver) and the action (safeParse).
// Messages are i18n keys; NIK/NPWP/bank errors reuse the domain's error codes.

const text = (min: number, max: number, tooShort = "validation.required") => z.string().trim().min(min, tooShort).max(max, "validation.tooLong");

export const ShopStepSchema = z
  .object({
    name: text(3, 60, "onboarding.shop.nameMin"),
    slug: z.string().trim().toLowerCase().regex(/^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/, "onboarding.shop.slugFormat"),
    description: z.string().trim().max(1000, "validation.tooLong").default(""),
    provinceCode: provinceCode(),
    regencyCode: regencyCode(),
    district: text(2, 80),
    postalCode: postalCode(),
    street: text(5, 200, "onboarding.shop.streetMin"),
    phone: indonesianPhone(),
  })
  .superRefine(checkRegencyInProvince);

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export const IdentityStepSchema = z
  .object({
    fullName: z.string().trim().max(100, "validation.tooLong"),
    // Saved numbers are never sent back to the browser: an empty field with `nikOnFile` keeps the saved one.
    nik: z.string().trim().default(""),
    nikOnFile: z.string().optional(),
    birthDate: z.string().default(""),
    sex: z.string().default(""),
  })
  // Every field is checked in one pass, so a seller sees all the problems at once, not one per submit.
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.fullName.length < 2) issue("fullName", "onboarding.identity.nameRequired");
    if (!v.nik && v.nikOnFile !== "1") issue("nik", "validation.required");
    else if (v.nik) {
      const parsed = parseNik(v.nik);
      if (!parsed.ok) issue("nik", parsed.error);
    }
    const d = new Date(`${v.birthDate}T00:00:00Z`);
    if (!isoDate.test(v.birthDate) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v.birthDate) issue("birthDate", "onboarding.identity.birthDate");
    else {
      const age = (Date.now() - d.getTime()) / (365.25 * 24 * 3600 * 1000);
      // A KTP is issued from 17 (or at marriage); sellers must be adults to contract.
      if (age < 17 || age > 120) issue("birthDate", "onboarding.identity.age");
    }
    if (v.sex !== "L" && v.sex !== "P") issue("sex", "onboarding.identity.sexRequired");
  })
  .transform((v) => ({ ...v, nik: v.nik.replace(/[\s.-]/g, ""), sex: v.sex as "L" | "P" }));

export const TaxStepSchema = z
  .object({
    npwpIsNik: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
    npwp: z.string().trim().default(""),
    npwpOnFile: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.npwpIsNik || (!v.npwp && v.npwpOnFile === "1")) return;
    if (!v.npwp) {
      ctx.addIssue({ code: "custom", path: ["npwp"], message: "validation.required" });
      return;
    }
    const parsed = parseNpwp(v.npwp);
    if (!parsed.ok) ctx.addIssue({ code: "custom", path: ["npwp"], message: parsed.error });
  });

// The bank fields are checked the same way in onboarding's bank step and in a payout account change.
export const bankCodeField = z.string().refine((c) => Boolean(findBank(c)), "bank_unknown");
/** As the bank prints it; whether it is the KTP name is a warning for the seller and a flag for the admin, not an error. */
export const holderNameField = formText(100).refine((s) => s.length >= 2, "onboarding.bank.holderRequired");

/** The account number's error for a known bank (an unknown bank is the bank field's error), or null. */
export function accountNumberError(bankCode: string, accountNumber: string): string | null {
  if (!findBank(bankCode)) return null;
  if (!accountNumber) return "validation.required";
  const check = checkBankAccount(bankCode, accountNumber);
  return check.ok ? null : check.error;
}

export const BankStepSchema = z
  .object({
    bankCode: bankCodeField,
    accountNumber: z.string().trim().default(""),
    accountOnFile: z.string().optional(),
    holderName: holderNameField,
  })
  .superRefine((v, ctx) => {
    if (!v.accountNumber && v.accountOnFile === "1") return;
    const error = accountNumberError(v.bankCode, v.accountNumber);
    if (error) ctx.addIssue({ code: "custom", path: ["accountNumber"], message: error });
  })
  .transform((v) => ({ ...v, accountNumber: normalizeAccountNumber(v.accountNumber) }));

export const DOCUMENT_REASON_FIELDS = ["ktp", "selfie", "npwp", "bank_book"] as const;

export const DecisionSchema = z
  .object({
    intent: z.enum(["approve", "reject", "request_changes", "suspend", "reinstate"]),
    version: z.coerce.number().int().min(0),
    reason: z.string().trim().max(2000, "validation.tooLong").default(""),
    ktpReason: z.string().default(""),
    selfieReason: z.string().default(""),
    npwpReason: z.string().default(""),
    bank_bookReason: z.string().default(""),
    /** Ticked when the admin approves over open flags, having looked at them again. */
    confirmFlags: z.string().default(""),
  })
  .superRefine((v, ctx) => {
    const named = DOCUMENT_REASON_FIELDS.filter((d) => v[`${d}Reason`]);
    if (v.intent === "request_changes" && named.length === 0) {
      ctx.addIssue({ code: "custom", path: ["_form"], message: "review.pickDocument" });
    }
    if ((v.intent === "reject" || v.intent === "suspend" || v.intent === "request_changes") && !v.reason && named.length === 0) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "review.reasonRequired" });
    }
  });
