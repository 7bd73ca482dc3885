import { z } from "zod";
import { COMPLAINT_PHOTOS_MAX, COMPLAINT_REASONS } from "~/domain/orders/complaints";
import { formText, isCleanText, rupiahText, UUID_PATTERN } from "~/schemas/params";

// The buyer's complaint form and every later step of a complaint (buyer, seller, admin). Messages are i18n keys.

export const ComplaintOpenSchema = z.object({
  reason: z.enum(COMPLAINT_REASONS, { message: "complaint.reasonInvalid" }),
  description: formText(1000).min(10, "complaint.descriptionLength"),
  /** Ids of photos uploaded already (comma-separated, in the order shown). */
  photoIds: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(UUID_PATTERN, "complaint.photosInvalid")).max(COMPLAINT_PHOTOS_MAX, "complaint.photosMax")),
});

const amount = rupiahText("complaint.amountFormat");
const reason = formText(250).min(3, "complaint.reasonRequired");

export const ComplaintStepSchema = z.discriminatedUnion("step", [
  z.object({ step: z.literal("accept_refund") }),
  z.object({ step: z.literal("accept_partial"), amount }),
  z.object({ step: z.literal("accept_return") }),
  z.object({ step: z.literal("reject"), reason }),
  z.object({
    step: z.literal("return_shipped"),
    resi: z.string().max(60, "resi.length").refine(isCleanText, "validation.invalidCharacters"),
    courierCode: z.string().max(20).refine(isCleanText, "validation.invalidCharacters").default(""),
  }),
  z.object({ step: z.literal("return_arrived") }),
  z.object({ step: z.literal("escalate") }),
  z.object({ step: z.literal("decide_refund"), reason }),
  z.object({ step: z.literal("decide_partial"), amount, reason }),
  z.object({ step: z.literal("decide_reject"), reason }),
]);
export type ComplaintStepInput = z.infer<typeof ComplaintStepSchema>;
