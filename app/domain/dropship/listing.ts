/**
 * A dropship listing holds no stock: what a buyer can buy is read from the supplier's product at every read
 * (product page, cart, checkout). Pure; the models select the source with `DROPSHIP_SOURCE_SELECT` (the product page with the same fields in one statement, findProductBySlug).
 */

export interface ListingSource {
  stock: number;
  status: string;
  shop: { status: string };
}

/** The stock a buyer sees: the supplier's while its product is active in an approved shop, else none. */
export function effectiveStock(own: { stock: number }, listing: { sourceProduct: ListingSource } | null | undefined): number {
  if (!listing) return own.stock;
  const s = listing.sourceProduct;
  return s.status === "active" && s.shop.status === "approved" ? Math.max(s.stock, 0) : 0;
}

/** Whether the supplier's side still sells it (the dropshipper's own status is checked as for any product). */
export function sourceAvailable(listing: { sourceProduct: ListingSource } | null | undefined): boolean {
  if (!listing) return true;
  return listing.sourceProduct.status === "active" && listing.sourceProduct.shop.status === "approved";
}
