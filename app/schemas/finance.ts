import { z } from "zod";
import { formText } from "~/schemas/params";

// A tax declaration is made on purpose: the seller ticks the sentence that states it (the threshold named), both ways.
export const Pph22DeclarationSchema = z.object({
  intent: z.literal("pph22"),
  over: z.enum(["yes", "no"]),
  confirm: z.literal("yes", { message: "finance.pph22.confirmRequired" }),
});

/** A rate typed as a percentage with at most two decimals ("5", "2,5", "0.75"); empty removes a category's own rate. */
const percent = z
  .string()
  .trim()
  .max(6)
  .regex(/^(\d{1,2}([.,]\d{1,2})?)?$/, "commission.rateInvalid")
  .transform((v) => (v === "" ? null : Math.round(Number(v.replace(",", ".")) * 100)));

export const CommissionRateSchema = z.object({
  categoryId: z.union([z.literal("default"), z.coerce.number().int().positive()]),
  rate: percent,
});

/** An admin closes a reconciliation difference with a note of what was done. */
export const ResolveDifferenceSchema = z.object({ intent: z.literal("resolve"), id: z.uuid(), note: formText(500).min(3, "adminFinance.noteRequired") });
