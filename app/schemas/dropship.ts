import { z } from "zod";
import { percentToBps, ROUNDING_STEPS, type MarkupRule, type RoundingStep } from "~/domain/dropship/pricing";
import { rupiahAmount } from "~/schemas/params";

// Dropship program forms. Messages are i18n keys. Plain HTML forms: per product `open.<id>`, `price.<id>`, `min.<id>`.

const uuid = z.string().uuid("validation.required");
// Typed as sellers write rupiah: "80.000" is eighty thousand, not eighty.
const rupiah = rupiahAmount("dropship.error.price");

/** The dropshipper's bulk add: which products, and the markup rule (percent or fixed rupiah) with its rounding. */
export const AddListingsSchema = z
  .object({
    supplierShopId: uuid,
    products: z.array(uuid).min(1, "dropship.error.noneSelected").max(200),
    markupKind: z.enum(["percent", "fixed"]),
    markupValue: z.string().trim().min(1, "dropship.error.markup").max(12),
    step: z.coerce.number().refine((n): n is RoundingStep => (ROUNDING_STEPS as readonly number[]).includes(n), "dropship.error.markup"),
  })
  .transform((v, ctx) => {
    let rule: MarkupRule | null = null;
    if (v.markupKind === "percent") {
      const bps = percentToBps(v.markupValue);
      if (bps !== null) rule = { kind: "percent", bps };
    } else if (/^\d{1,10}$/.test(v.markupValue.replace(/\./g, ""))) {
      rule = { kind: "fixed", amount: Number(v.markupValue.replace(/\./g, "")) };
    }
    if (!rule) {
      ctx.addIssue({ code: "custom", path: ["markupValue"], message: "dropship.error.markup" });
      return z.NEVER;
    }
    return { supplierShopId: v.supplierShopId, productIds: v.products, rule, step: v.step as RoundingStep };
  });

/** The supplier's program form: approval, and per product whether it is open, its dropship price and minimum. */
export function parseProgramForm(form: FormData) {
  const offers: { productId: string; dropshipPrice: number; minSellingPrice: number | null }[] = [];
  const close: string[] = [];
  const issues: string[] = [];
  for (const id of form.getAll("product").map(String)) {
    if (!uuid.safeParse(id).success) continue;
    if (form.get(`open.${id}`) !== "1") {
      close.push(id);
      continue;
    }
    const price = rupiah.safeParse(String(form.get(`price.${id}`) ?? ""));
    const minRaw = String(form.get(`min.${id}`) ?? "").trim();
    const min = minRaw ? rupiah.safeParse(minRaw) : null;
    if (!price.success || (min && !min.success)) issues.push(id);
    else offers.push({ productId: id, dropshipPrice: price.data, minSellingPrice: min?.success ? min.data : null });
  }
  return { requiresApproval: form.get("requiresApproval") === "1", offers, close, issues };
}

export const PartnerDecisionSchema = z.object({ intent: z.enum(["approve", "stop"]), dropshipperShopId: uuid });
