import { z } from "zod";

// The seller's order actions. Messages are i18n keys.
export const SellerOrderActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept") }),
  z.object({ intent: z.literal("cancel"), reason: z.string().trim().min(3, "order_reason_required").max(250, "validation.tooLong") }),
  z.object({
    intent: z.literal("ship"),
    resi: z.string().max(60, "resi.length"),
    /** The resi the seller already confirmed after a format warning (a changed number is checked again). */
    confirmedResi: z.string().max(60).optional().default(""),
  }),
]);
export type SellerOrderAction = z.infer<typeof SellerOrderActionSchema>;

export const DocumentQuerySchema = z.object({
  order: z.array(z.string().trim().min(1).max(40)).min(1, "seller.orders.noneSelected").max(100),
  layout: z.enum(["a6", "a4"]).default("a6"),
});
