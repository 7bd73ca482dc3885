import { z } from "zod";
import { COMPLAINT_REASONS } from "~/domain/orders/complaints";
import { formText, rupiahAmount } from "~/schemas/params";

// Complaint forms of the buyer, the shops of a dropship program order, and the admin. Messages are i18n keys.

const resi = formText(60).pipe(z.string().min(6, "complaint.resiRequired"));

/** The buyer: complain, send the return's resi, or ask an admin. */
export const BuyerComplaintSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("open"),
    reason: z.enum(COMPLAINT_REASONS, { message: "complaint.reasonInvalid" }),
    description: formText(1000).pipe(z.string().min(5, "dropship.afterSales.describe")),
  }),
  z.object({ intent: z.literal("return_shipped"), resi }),
  z.object({ intent: z.literal("escalate") }),
]);

/** A shop on a program order: the dropshipper forwards; the supplier decides; either may ask an admin when the other is late. */
export const ShopChainSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("forward"),
    note: formText(1000).pipe(z.string().min(3, "dropship.afterSales.noteRequired")),
    answer: formText(250).optional().default(""),
  }),
  z.object({ intent: z.literal("accept_refund") }),
  z.object({ intent: z.literal("accept_partial"), percent: z.coerce.number({ message: "dropship.afterSales.percentInvalid" }).int("dropship.afterSales.percentInvalid").min(1, "dropship.afterSales.percentInvalid").max(99, "dropship.afterSales.percentInvalid") }),
  z.object({ intent: z.literal("accept_return") }),
  z.object({ intent: z.literal("reject"), reason: formText(250).pipe(z.string().min(3, "complaint.reasonRequired")) }),
  z.object({ intent: z.literal("return_arrived") }),
  z.object({ intent: z.literal("escalate") }),
]);
export type ShopChainAction = z.infer<typeof ShopChainSchema>;

/** The admin, the last resort: refund all, refund part (rupiah), reject; or confirm a return arrived. */
export const AdminComplaintSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("decide_refund"), reason: formText(250).optional().default("") }),
  z.object({ intent: z.literal("decide_partial"), amount: rupiahAmount("complaint.amountInvalid"), reason: formText(250).optional().default("") }),
  z.object({ intent: z.literal("decide_reject"), reason: formText(250).pipe(z.string().min(3, "complaint.reasonRequired")) }),
  z.object({ intent: z.literal("return_arrived") }),
]);

/** Which field a refusal from the service belongs to (the rest go on top of the form). */
export const COMPLAINT_ERROR_FIELDS: Readonly<Record<string, string>> = {
  "dropship.afterSales.percentInvalid": "percent",
  "dropship.afterSales.noteRequired": "note",
  "complaint.reasonRequired": "reason",
  "complaint.amountInvalid": "amount",
  "complaint.resiRequired": "resi",
};
