import { z } from "zod";
import { formText } from "~/schemas/params";

export const Pph22DeclarationSchema = z.object({ intent: z.literal("pph22"), over: z.enum(["yes", "no"]) });

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
