import { z } from "zod";
import { formText, isCleanText, orderNumberParam } from "~/schemas/params";

// The seller's order actions. Messages are i18n keys.
export const SellerOrderActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept") }),
  z.object({ intent: z.literal("cancel"), reason: formText(250).min(3, "order_reason_required") }),
  z.object({
    intent: z.literal("ship"),
    resi: z.string().max(60, "resi.length").refine(isCleanText, "validation.invalidCharacters"),
    /** The resi the seller already confirmed after a format warning (a changed number is checked again). */
    confirmedResi: z.string().max(60).refine(isCleanText).optional().default(""),
  }),
]);
export type SellerOrderAction = z.infer<typeof SellerOrderActionSchema>;

/** The `order` values of the label and packing-slip links: 1 to 100 order numbers. */
export const DocumentOrdersSchema = z.array(z.string().trim().pipe(orderNumberParam)).min(1, "seller.orders.noneSelected").max(100);
