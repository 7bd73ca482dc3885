// Product rules: states, who may move them, variants and the price and stock shown on listings.
export const PRODUCT_STATUSES = ["draft", "active", "inactive", "blocked"] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];
export type ProductCondition = "new" | "used";

export const PRODUCT_LIMITS = {
  titleMin: 5,
  titleMax: 120,
  descriptionMax: 5000,
  priceMin: 100,
  priceMax: 1_000_000_000,
  stockMax: 999_999,
  weightMin: 1,
  weightMax: 50_000,
  dimensionMax: 500,
  photosMin: 1,
  photosMax: 9,
  variantTypesMax: 2,
  optionsPerTypeMax: 20,
} as const;

export type ProductMove = "activate" | "deactivate" | "block" | "unblock";

export type ProductMoveError = "product_shop_not_approved" | "product_needs_photo" | "product_blocked" | "product_move_invalid" | "product_reason_required";

/**
 * Sellers switch between draft/active/inactive; only an approved shop may make a product active;
 * an admin's block overrides the seller until the admin lifts it (back to inactive).
 */
export function moveProduct(
  status: ProductStatus,
  move: ProductMove,
  ctx: { actor: "seller" | "admin"; shopStatus: string; photoCount: number; reason?: string },
): { ok: true; to: ProductStatus } | { ok: false; error: ProductMoveError } {
  if (move === "block") {
    if (ctx.actor !== "admin") return { ok: false, error: "product_move_invalid" };
    if (!ctx.reason?.trim()) return { ok: false, error: "product_reason_required" };
    return status === "blocked" ? { ok: false, error: "product_move_invalid" } : { ok: true, to: "blocked" };
  }
  if (move === "unblock") {
    if (ctx.actor !== "admin" || status !== "blocked") return { ok: false, error: "product_move_invalid" };
    return { ok: true, to: "inactive" };
  }
  if (status === "blocked") return { ok: false, error: "product_blocked" };
  if (move === "activate") {
    if (ctx.shopStatus !== "approved") return { ok: false, error: "product_shop_not_approved" };
    if (ctx.photoCount < PRODUCT_LIMITS.photosMin) return { ok: false, error: "product_needs_photo" };
    return { ok: true, to: "active" };
  }
  return status === "active" ? { ok: true, to: "inactive" } : { ok: false, error: "product_move_invalid" };
}

export interface VariantInput {
  option1: string;
  option2?: string | null;
  priceRupiah: number;
  stock: number;
  sku?: string | null;
  weightGrams: number;
}

/** All combinations of up to two variant types, in the order the seller typed the options. */
export function variantCombinations(type1: string[], type2: string[] = []): { option1: string; option2: string | null }[] {
  const a = [...new Set(type1.map((o) => o.trim()).filter(Boolean))];
  const b = [...new Set(type2.map((o) => o.trim()).filter(Boolean))];
  if (b.length === 0) return a.map((option1) => ({ option1, option2: null }));
  return a.flatMap((option1) => b.map((option2) => ({ option1, option2 })));
}

/** What a listing shows: the cheapest variant's price ("mulai dari"), stock summed, heaviest weight for shipping. */
export function listingFigures(base: { priceRupiah: number; stock: number; weightGrams: number }, variants: readonly VariantInput[]) {
  if (variants.length === 0) return { priceRupiah: base.priceRupiah, stock: base.stock, weightGrams: base.weightGrams, priceFrom: false };
  const prices = variants.map((v) => v.priceRupiah);
  const min = Math.min(...prices);
  return {
    priceRupiah: min,
    stock: variants.reduce((sum, v) => sum + v.stock, 0),
    weightGrams: Math.max(...variants.map((v) => v.weightGrams)),
    priceFrom: Math.max(...prices) !== min,
  };
}

/** "Rp125.000", "125000", "125.000" → 125000; anything else → null. Thousand dots as Indonesians type them. */
export function parseRupiahInput(input: string): number | null {
  const cleaned = input.trim().replace(/^rp\.?\s*/i, "").replace(/[.\s]/g, "");
  if (!/^\d{1,13}$/.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isSafeInteger(n) ? n : null;
}
