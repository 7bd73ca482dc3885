import { DomainError } from "~/domain/errors";
import { effectiveStock, sourceAvailable } from "~/domain/dropship/listing";
import { itemKeyOf } from "~/domain/orders/numbers";
import { inOrderTx } from "~/models/order.server";
import { photoUrl } from "./catalog.server";
import {
  countCartItems,
  deleteCart,
  deleteCartItems,
  ensureCart,
  findCart,
  findCartItem,
  findOwnedCartItem,
  findProductForCart,
  findProductTitle,
  listCartItems,
  updateCartItemQuantity,
  upsertCartItem,
  type CartItemRow,
  type CartOwner,
} from "~/models/cart.server";

export type { CartOwner };

/** Why a line cannot be bought as it is; shown next to it, and refused at checkout. */
export type LineProblem = "unavailable" | "out_of_stock" | "not_enough_stock" | "below_min_order" | "own_shop" | "price_changed";

function currentOf(row: CartItemRow) {
  return {
    price: row.variant?.priceRupiah ?? row.product.priceRupiah,
    // A dropship listing holds no stock: the supplier's is read through.
    stock: row.variant ? row.variant.stock : effectiveStock(row.product, row.product.dropshipListing),
    weightGrams: row.variant?.weightGrams ?? row.product.weightGrams,
  };
}

export function lineProblems(row: CartItemRow, viewerId: string | null): LineProblem[] {
  const { price, stock } = currentOf(row);
  const problems: LineProblem[] = [];
  if (row.product.status !== "active" || row.product.shop.status !== "approved" || !sourceAvailable(row.product.dropshipListing) || (row.product.variantType1 && !row.variant)) problems.push("unavailable");
  else if (stock <= 0) problems.push("out_of_stock");
  else if (row.quantity > stock) problems.push("not_enough_stock");
  if (row.quantity < row.product.minOrder) problems.push("below_min_order");
  if (viewerId && row.product.shop.ownerId === viewerId) problems.push("own_shop");
  if (price !== row.priceSeen) problems.push("price_changed");
  return problems;
}

/** A dropship listing's supplier: who ships it (the parcel's origin), its product and the dropship price. */
function fulfilmentOf(row: CartItemRow) {
  const listing = row.product.dropshipListing;
  if (!listing) return null;
  const source = listing.sourceProduct;
  return { shopId: listing.supplierShopId, provinceCode: source.shop.provinceCode, regencyCode: source.shop.regencyCode, sourceProductId: source.id, dropshipPrice: source.dropshipOffer?.dropshipPrice ?? null };
}

export function toCartLine(row: CartItemRow, viewerId: string | null) {
  const current = currentOf(row);
  const variantLabel = row.variant ? [row.variant.option1, row.variant.option2].filter(Boolean).join(" / ") : null;
  return {
    itemKey: row.itemKey,
    productId: row.productId,
    variantId: row.variantId,
    slug: row.product.slug,
    title: row.product.title,
    variantLabel,
    quantity: row.quantity,
    unitPrice: current.price,
    priceSeen: row.priceSeen,
    stock: current.stock,
    minOrder: row.product.minOrder,
    weightGrams: current.weightGrams,
    photo: row.product.photos[0] ? photoUrl(row.product.photos[0].keySmall) : null,
    problems: lineProblems(row, viewerId),
    fulfilment: fulfilmentOf(row),
  };
}
export type CartLine = ReturnType<typeof toCartLine>;

/** The cart grouped by shop, in the order the shops were first added. */
export async function loadCart(owner: CartOwner, viewerId: string | null) {
  const rows = await listCartItems(owner);
  const groups = new Map<string, { shop: { id: string; name: string; slug: string; provinceCode: string | null; regencyCode: string | null }; lines: CartLine[] }>();
  for (const row of rows) {
    const s = row.product.shop;
    const group = groups.get(s.id) ?? { shop: { id: s.id, name: s.name, slug: s.slug, provinceCode: s.provinceCode, regencyCode: s.regencyCode }, lines: [] };
    group.lines.push(toCartLine(row, viewerId));
    groups.set(s.id, group);
  }
  const shops = [...groups.values()];
  const lines = shops.flatMap((g) => g.lines);
  // count: product lines (the header badge); units: pieces, which the totals line counts ("3 barang" for 3 of one shirt).
  return { shops, count: lines.length, units: lines.reduce((sum, l) => sum + l.quantity, 0), goodsTotal: lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0) };
}

export function cartCount(owner: CartOwner) {
  return countCartItems(owner);
}

/**
 * "+ Keranjang" / "Beli Sekarang": adds to the line of this product variant. The quantity in the cart must
 * respect the minimum order and the stock; sellers cannot buy from their own shop.
 */
export async function addToCart(owner: CartOwner, viewerId: string | null, input: { productId: string; variantId: string | null; quantity: number }) {
  return inOrderTx(async (tx) => {
    const product = await findProductForCart(tx, input.productId);
    if (!product || product.status !== "active" || product.shop.status !== "approved" || !sourceAvailable(product.dropshipListing)) throw new DomainError("not_found", "cart.error.unavailable");
    if (viewerId && product.shop.ownerId === viewerId) throw new DomainError("forbidden", "cart.error.ownShop");
    const hasVariants = Boolean(product.variantType1) && product.variants.length > 0;
    const variant = input.variantId ? product.variants.find((v) => v.id === input.variantId) : undefined;
    if (hasVariants && !variant) throw new DomainError("validation", "cart.error.chooseVariant");
    if (!hasVariants && input.variantId) throw new DomainError("validation", "cart.error.unavailable");
    const price = variant?.priceRupiah ?? product.priceRupiah;
    const stock = variant ? variant.stock : effectiveStock(product, product.dropshipListing);
    const cartId = await ensureCart(tx, owner);
    const itemKey = itemKeyOf(product.id, variant?.id);
    const existing = await findCartItem(tx, cartId, itemKey);
    const quantity = (existing?.quantity ?? 0) + input.quantity;
    if (quantity < product.minOrder) throw new DomainError("validation", "cart.error.minOrder", { min: product.minOrder });
    if (stock <= 0) throw new DomainError("conflict", "cart.error.outOfStock");
    if (quantity > stock) throw new DomainError("conflict", "cart.error.notEnoughStock", { stock });
    await upsertCartItem(tx, cartId, { itemKey, productId: product.id, variantId: variant?.id ?? null, quantity, priceSeen: price });
    return { itemKey, quantity };
  });
}

export async function changeQuantity(owner: CartOwner, itemKey: string, quantity: number) {
  if (!(await updateCartItemQuantity(owner, itemKey, quantity))) throw new DomainError("not_found", "cart.error.unavailable");
}

/** Removes a line; returns what it held, so the page can offer to put it back ("Batalkan"). */
export async function removeFromCart(owner: CartOwner, itemKey: string) {
  return inOrderTx(async (tx) => {
    const line = await findOwnedCartItem(tx, owner, itemKey);
    await deleteCartItems(tx, owner, [itemKey]);
    return line ? { productId: line.productId, variantId: line.variantId ?? "", quantity: line.quantity } : null;
  });
}

/**
 * The note after "Hapus": which product went, while it is not back in the cart. The line comes from the page's
 * address, so it names only a product that exists; adding it back goes through addToCart's checks.
 */
export async function removedLineNote(cart: Awaited<ReturnType<typeof loadCart>>, line: { productId: string; variantId: string; quantity: number }) {
  const key = itemKeyOf(line.productId, line.variantId || null);
  if (cart.shops.some((g) => g.lines.some((l) => l.itemKey === key))) return null;
  const product = await findProductTitle(line.productId);
  return product ? { ...line, title: product.title } : null;
}

/**
 * At sign-in, the anonymous cart joins the buyer's: the same product variant adds up, capped at the stock;
 * lines from the buyer's own shop are dropped. The anonymous cart is then deleted.
 */
export async function mergeAnonymousCart(userId: string, anonTokenHash: string) {
  const anon = await findCart({ anonTokenHash });
  if (!anon) return { merged: 0 };
  const rows = await listCartItems({ anonTokenHash });
  return inOrderTx(async (tx) => {
    const cartId = await ensureCart(tx, { userId });
    let merged = 0;
    for (const row of rows) {
      if (row.product.shop.ownerId === userId) continue;
      const { stock, price } = currentOf(row);
      const existing = await findCartItem(tx, cartId, row.itemKey);
      const wanted = (existing?.quantity ?? 0) + row.quantity;
      const quantity = stock > 0 ? Math.min(wanted, stock) : wanted;
      await upsertCartItem(tx, cartId, { itemKey: row.itemKey, productId: row.productId, variantId: row.variantId, quantity, priceSeen: existing ? existing.priceSeen : row.priceSeen === price ? price : row.priceSeen });
      merged++;
    }
    await deleteCart(tx, anon.id);
    return { merged };
  });
}
