import { z } from "zod";

// The seller's withdrawal form and the admin's batch actions. Messages are i18n keys.
export const WithdrawalSchema = z.object({
  // "150.000" or "150000": the dots of Indonesian thousands are dropped before the number is read.
  amount: z
    .string()
    .trim()
    .transform((v) => v.replace(/[.\s]/g, ""))
    .pipe(z.string().regex(/^\d{1,12}$/, "withdrawal.errors.amount"))
    .transform(Number),
});

export const PayoutBatchActionSchema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("create") }), z.object({ intent: z.literal("approve"), batchId: z.uuid() })]);
