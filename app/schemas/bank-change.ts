import { z } from "zod";
import { normalizeAccountNumber } from "~/domain/kyc/bank-account";
import { accountNumberError, bankCodeField, holderNameField } from "./onboarding";
import { formText, UUID_PATTERN } from "./params";

/**
 * The seller's request to change the payout bank account, checked by the form and by the action: the same bank
 * rules as onboarding's bank step, the id of the new bank book (uploaded first, through the document upload), and
 * the password typed again.
 */
export const BankChangeSchema = z
  .object({
    bankCode: bankCodeField,
    accountNumber: z.string().trim().default(""),
    holderName: holderNameField,
    documentId: z.string().default("").refine((id) => UUID_PATTERN.test(id), "bankChange.errors.documentRequired"),
    password: z.string().min(1, "bankChange.errors.passwordRequired").max(200, "validation.tooLong"),
  })
  .superRefine((v, ctx) => {
    const error = accountNumberError(v.bankCode, v.accountNumber);
    if (error) ctx.addIssue({ code: "custom", path: ["accountNumber"], message: error });
  })
  .transform((v) => ({ ...v, accountNumber: normalizeAccountNumber(v.accountNumber) }));

export const BankChangeCancelSchema = z.object({ changeId: z.string().regex(UUID_PATTERN, "bankChange.errors.notFound") });

/** The admin's decision: a rejection says why (the seller reads it). */
export const BankChangeDecisionSchema = z
  .object({
    intent: z.enum(["approve", "reject"]),
    reason: formText(500).default(""),
    /** Ticked when the admin approves over open flags, having looked at them again. */
    confirmFlags: z.string().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.intent === "reject" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "bankChange.errors.reasonRequired" });
  });
