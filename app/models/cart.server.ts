import { db, type Tx } from "~/infra/db.server";
import { DROPSHIP_SOURCE_SELECT } from "./dropship.server";

export type CartOwner = { userId: string } | { anonTokenHash: string };

function whereOwner(owner: CartOwner) {
  return "userId" in owner ? { userId: owner.userId } : { anonTokenHash: owner.anonTokenHash };
}

export function findCart(owner: CartOwner) {
  return db().cart.findFirst({ where: whereOwner(owner), select: { id: true } });
}

/** Creates the cart on first use; concurrent first adds meet on the unique owner column. */
export async function ensureCart(tx: Tx, owner: CartOwner): Promise<string> {
  const data = whereOwner(owner);
  const existing = await tx.cart.findFirst({ where: data, select: { id: true } });
  if (existing) return existing.id;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO carts (user_id, anon_token_hash) VALUES (${"userId" in owner ? owner.userId : null}::uuid, ${"anonTokenHash" in owner ? owner.anonTokenHash : null})
    ON CONFLICT DO NOTHING RETURNING id`;
  if (rows[0]) return rows[0].id;
  return (await tx.cart.findFirstOrThrow({ where: data, select: { id: true } })).id;
}

const ITEM_INCLUDE = {
  product: {
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      priceRupiah: true,
      stock: true,
      minOrder: true,
      weightGrams: true,
      lengthCm: true,
      widthCm: true,
      heightCm: true,
      variantType1: true,
      shopId: true,
      shop: { select: { id: true, name: true, slug: true, status: true, ownerId: true, provinceCode: true, regencyCode: true, phone: true } },
      photos: { select: { keySmall: true }, orderBy: { position: "asc" as const }, take: 1 },
      dropshipListing: DROPSHIP_SOURCE_SELECT,
    },
  },
  variant: { select: { id: true, option1: true, option2: true, priceRupiah: true, stock: true, weightGrams: true } },
} as const;

export function listCartItems(owner: CartOwner) {
  return db().cartItem.findMany({ where: { cart: whereOwner(owner) }, include: ITEM_INCLUDE, orderBy: { createdAt: "asc" } });
}
export type CartItemRow = Awaited<ReturnType<typeof listCartItems>>[number];

export function findCartItem(tx: Tx, cartId: string, itemKey: string) {
  return tx.cartItem.findUnique({ where: { cartId_itemKey: { cartId, itemKey } } });
}

export function upsertCartItem(tx: Tx, cartId: string, item: { itemKey: string; productId: string; variantId: string | null; quantity: number; priceSeen: number }) {
  return tx.cartItem.upsert({
    where: { cartId_itemKey: { cartId, itemKey: item.itemKey } },
    create: { cartId, ...item },
    update: { quantity: item.quantity, priceSeen: item.priceSeen },
  });
}

export async function updateCartItemQuantity(owner: CartOwner, itemKey: string, quantity: number) {
  const { count } = await db().cartItem.updateMany({ where: { itemKey, cart: whereOwner(owner) }, data: { quantity } });
  return count === 1;
}

export function findProductTitle(productId: string) {
  return db().product.findUnique({ where: { id: productId }, select: { title: true } });
}

export function findOwnedCartItem(tx: Tx, owner: CartOwner, itemKey: string) {
  return tx.cartItem.findFirst({ where: { itemKey, cart: whereOwner(owner) }, select: { productId: true, variantId: true, quantity: true } });
}

export async function deleteCartItems(tx: Tx, owner: CartOwner, itemKeys: string[]) {
  await tx.cartItem.deleteMany({ where: { itemKey: { in: itemKeys }, cart: whereOwner(owner) } });
}

/** The buyer saw and accepted these prices. */
export async function markPricesSeen(tx: Tx, owner: CartOwner, prices: { itemKey: string; price: number }[]) {
  for (const p of prices) await tx.cartItem.updateMany({ where: { itemKey: p.itemKey, cart: whereOwner(owner) }, data: { priceSeen: p.price } });
}

export async function countCartItems(owner: CartOwner): Promise<number> {
  return db().cartItem.count({ where: { cart: whereOwner(owner) } });
}

export function deleteCart(tx: Tx, cartId: string) {
  return tx.cart.delete({ where: { id: cartId } });
}

export function findProductForCart(tx: Tx, productId: string) {
  return tx.product.findUnique({
    where: { id: productId },
    select: {
      id: true,
      status: true,
      priceRupiah: true,
      stock: true,
      minOrder: true,
      variantType1: true,
      shopId: true,
      shop: { select: { status: true, ownerId: true } },
      variants: { select: { id: true, priceRupiah: true, stock: true } },
      dropshipListing: DROPSHIP_SOURCE_SELECT,
    },
  });
}
