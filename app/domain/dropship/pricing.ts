/**
 * Dropship prices: the dropshipper's selling price from the supplier's dropship price and a markup rule, rounded
 * up to a neat price and never below the supplier's minimum; and what a supplier price change does to a listing.
 * Integer rupiah throughout; percentages are basis points (20% = 2000) so no float ever touches money.
 */

export type MarkupRule = { kind: "percent"; bps: number } | { kind: "fixed"; amount: number };

/** The neat steps a dropshipper may round to: none, Rp100, Rp500, Rp1.000. */
export const ROUNDING_STEPS = [1, 100, 500, 1000] as const;
export type RoundingStep = (typeof ROUNDING_STEPS)[number];

/** The highest selling price a listing may have (the catalog's own price ceiling). */
export const MAX_PRICE = 1_000_000_000;

function assertRupiah(n: number, name: string, allowZero = false) {
  if (!Number.isSafeInteger(n) || n < 0 || (!allowZero && n === 0)) throw new RangeError(`${name} must be a ${allowZero ? "non-negative" : "positive"} integer of rupiah, got ${n}`);
}

/** Rounds up to the next multiple of `step` (a price already on a multiple stays). */
export function roundUpTo(price: number, step: RoundingStep): number {
  assertRupiah(price, "price", true);
  if (!ROUNDING_STEPS.includes(step)) throw new RangeError(`rounding step must be one of ${ROUNDING_STEPS.join(", ")}`);
  return Math.ceil(price / step) * step;
}

/** A percent as typed ("20", "12,5") in basis points; null when it is not a percentage between 0 and 1000. */
export function percentToBps(input: string): number | null {
  const s = input.trim().replace(",", ".");
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(s)) return null;
  const bps = Math.round(Number(s) * 100);
  return bps <= 100_000 ? bps : null;
}

/**
 * The selling price for one product or variant: dropship price plus the markup (a percent markup's fraction of
 * a rupiah goes up), raised to the supplier's minimum selling price if it has one, then rounded up to the step.
 * Rounding always goes up, so the result is ≥ the minimum and ≥ the dropship price.
 */
export function sellingPrice(dropshipPrice: number, rule: MarkupRule, step: RoundingStep, minSellingPrice?: number | null): number {
  assertRupiah(dropshipPrice, "dropship price");
  let raw: number;
  if (rule.kind === "percent") {
    if (!Number.isSafeInteger(rule.bps) || rule.bps < 0) throw new RangeError(`markup percent must be ≥ 0, got ${rule.bps} bps`);
    raw = dropshipPrice + Math.ceil((dropshipPrice * rule.bps) / 10_000);
  } else {
    assertRupiah(rule.amount, "fixed markup", true);
    raw = dropshipPrice + rule.amount;
  }
  if (minSellingPrice != null) {
    assertRupiah(minSellingPrice, "minimum selling price");
    raw = Math.max(raw, minSellingPrice);
  }
  const price = roundUpTo(raw, step);
  if (price > MAX_PRICE) throw new RangeError(`selling price ${price} is above the maximum`);
  return price;
}

/** What the dropshipper earns on one unit before commission. */
export function marginOf(sellingPrice: number, dropshipPrice: number): number {
  return sellingPrice - dropshipPrice;
}

export type RepriceOutcome =
  | { action: "keep"; margin: number; previousMargin: number }
  | { action: "unlist"; margin: number; previousMargin: number; reason: "negative_margin" | "below_minimum" };

/**
 * The supplier changed its dropship price (or its minimum): the listing keeps its selling price and shows the new
 * margin, or is unlisted (with a notice) when selling at that price would lose money or break the new minimum.
 */
export function repriceOnSupplierChange(listing: { sellingPrice: number; dropshipPrice: number }, next: { dropshipPrice: number; minSellingPrice?: number | null }): RepriceOutcome {
  const previousMargin = marginOf(listing.sellingPrice, listing.dropshipPrice);
  const margin = marginOf(listing.sellingPrice, next.dropshipPrice);
  if (margin < 0) return { action: "unlist", margin, previousMargin, reason: "negative_margin" };
  if (next.minSellingPrice != null && listing.sellingPrice < next.minSellingPrice) return { action: "unlist", margin, previousMargin, reason: "below_minimum" };
  return { action: "keep", margin, previousMargin };
}

/**
 * A supplier's offer for one of its products: a dropship price above Rp0, at most the supplier's own selling price
 * (a reseller paying more than the public price is a typing slip, e.g. "120.000" for "12.000"), and a minimum selling
 * price, when set, not below the dropship price.
 */
export function checkOffer(offer: { dropshipPrice: number; minSellingPrice?: number | null }, ownPrice: number): "ok" | "invalid" | "above_own_price" {
  if (!Number.isSafeInteger(offer.dropshipPrice) || offer.dropshipPrice <= 0) return "invalid";
  if (offer.minSellingPrice != null && (!Number.isSafeInteger(offer.minSellingPrice) || offer.minSellingPrice < offer.dropshipPrice)) return "invalid";
  if (offer.dropshipPrice > ownPrice) return "above_own_price";
  return "ok";
}

/** A dropshipper's own price for a listing: allowed only at or above the minimum and not below the dropship price. */
export function checkOwnPrice(price: number, offer: { dropshipPrice: number; minSellingPrice?: number | null }): "ok" | "below_cost" | "below_minimum" {
  assertRupiah(price, "selling price");
  if (price < offer.dropshipPrice) return "below_cost";
  if (offer.minSellingPrice != null && price < offer.minSellingPrice) return "below_minimum";
  return "ok";
}
