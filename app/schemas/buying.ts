import { z } from "zod";
import { checkRegencyInProvince, indonesianPhone, postalCode, provinceCode, regencyCode } from "./address-fields";
import { formText, isCleanText } from "~/schemas/params";

// Buying forms: address book, cart buttons, checkout. Messages are i18n keys.

// Empty is "required"; filled but too short says how long it must be (not "required" for a field that is filled).
const text = (min: 2 | 5, max: number) => formText(max).min(1, "validation.required").min(min, `validation.min${min}`);

export const AddressSchema = z
  .object({
    label: formText(40).default(""),
    recipient: text(2, 80),
    phone: indonesianPhone(),
    provinceCode: provinceCode(),
    regencyCode: regencyCode(),
    district: text(2, 80),
    postalCode: postalCode(),
    street: text(5, 200),
    isDefault: z
      .union([z.literal("on"), z.literal("true"), z.literal(""), z.boolean()])
      .optional()
      .transform((v) => v === true || v === "on" || v === "true"),
  })
  .superRefine(checkRegencyInProvince);
export type AddressInput = z.infer<typeof AddressSchema>;

const uuid = z.string().uuid("validation.required");

export const CartActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["add", "buy_now"]), productId: uuid, variantId: z.union([uuid, z.literal("")]).default(""), quantity: z.coerce.number().int("validation.required").min(1, "validation.required").max(100_000, "validation.tooLong") }),
  z.object({ intent: z.literal("update"), itemKey: z.string().min(1).max(80).refine(isCleanText), quantity: z.coerce.number().int().min(1).max(100_000) }),
  z.object({ intent: z.literal("remove"), itemKey: z.string().min(1).max(80).refine(isCleanText) }),
]);
export type CartAction = z.infer<typeof CartActionSchema>;

/** /keranjang?dihapus=…&varian=…&jumlah=…: the line "Hapus" just removed, which "Batalkan" adds back. */
export const RemovedLineSchema = z.object({
  dihapus: uuid,
  varian: z.union([uuid, z.literal("")]).default(""),
  jumlah: z.coerce.number().int().min(1).max(100_000),
});

/**
 * The checkout form. Per line: `price.<itemKey>` = the unit price the page showed; per shop: `service.<shopId>`
 * and `note.<shopId>`. Flattened names keep it a plain HTML form.
 */
/**
 * "Kirim sebagai dropshipper": the sender the label and packing slip show instead of the shop. The same rules as
 * an address's recipient and phone (the phone normalised to 08…).
 */
export const DropshipSenderSchema = z.object({
  name: text(2, 60),
  phone: indonesianPhone(),
});
export type DropshipSender = z.infer<typeof DropshipSenderSchema>;

export const CheckoutSchema = z
  .object({
    addressId: uuid,
    items: z.string().min(1, "checkout.empty"),
    acceptPrices: z.string().optional().transform((v) => v === "1" || v === "on"),
    /** The "Kirim sebagai dropshipper" tick; senderName / senderPhone are then required. */
    dropship: z.string().optional().transform((v) => v === "1" || v === "on"),
    senderName: z.string().optional(),
    senderPhone: z.string().optional(),
  })
  // Notes are stored, service codes and prices are looked up: none may carry a control character.
  .catchall(z.string().refine(isCleanText, "validation.invalidCharacters"))
  .transform((v, ctx) => {
    if (!v.dropship) return { ...v, sender: null };
    const sender = DropshipSenderSchema.safeParse({ name: v.senderName ?? "", phone: v.senderPhone ?? "" });
    if (!sender.success) {
      for (const issue of sender.error.issues) ctx.addIssue({ code: "custom", path: [issue.path[0] === "name" ? "senderName" : "senderPhone"], message: issue.message });
      return z.NEVER;
    }
    return { ...v, sender: sender.data };
  });

export function parseCheckoutForm(values: z.infer<typeof CheckoutSchema>) {
  const keys = values.items.split(",").filter(Boolean);
  const prices: Record<string, number> = {};
  const services: Record<string, string> = {};
  const notes: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== "string") continue;
    if (name.startsWith("price.")) prices[name.slice(6)] = Number(value);
    else if (name.startsWith("service.")) services[name.slice(8)] = value;
    else if (name.startsWith("note.")) notes[name.slice(5)] = value.trim().slice(0, 200);
  }
  return { addressId: values.addressId, keys, prices, services, notes, acceptPrices: values.acceptPrices, sender: values.sender };
}
