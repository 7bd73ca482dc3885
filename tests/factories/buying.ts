import { db } from "../../app/infra/db.server";
import { addAddress } from "../../app/services/addresses.server";
import { addToCart } from "../../app/services/cart.server";
import { checkoutAll as checkoutAllAsShown } from "../../app/cli/bench-checkout-flow";
import { aProduct } from "./products";
import { aSeller } from "./shops";
import { aUser } from "./users";

/** A buyer with one (default) address in Kota Surabaya, Jawa Timur. */
export async function aBuyer(opts: { name?: string } = {}) {
  const user = await aUser({ name: opts.name ?? "Budi Santoso" });
  const address = await addAddress(user.id, {
    label: "Rumah",
    recipient: user.name,
    phone: "+6281234567001",
    provinceCode: "35",
    regencyCode: "3578",
    district: "Gubeng",
    postalCode: "60281",
    street: "Jl. Kertajaya No. 10",
    isDefault: true,
  });
  return { user, address };
}

/** An approved shop (Kab. Bogor, Jawa Barat) with one published product of the given stock and price. */
export async function aShopWithProduct(opts: { stock?: number; price?: number; weightGrams?: number; minOrder?: number; title?: string } = {}) {
  const seller = await aSeller({ status: "approved" });
  const product = await aProduct(seller.owner, { price: opts.price ?? 150_000, weightGrams: opts.weightGrams ?? 600, title: opts.title });
  const updated = await db().product.update({ where: { id: product.id }, data: { stock: opts.stock ?? 10, minOrder: opts.minOrder ?? 1 } });
  return { ...seller, product: updated };
}

/** Cart → checkout with the cheapest courier per shop and the prices the page shows: what "Bayar" posts. */
export function checkoutAll(buyer: { id: string }, addressId: string, opts: { acceptPrices?: boolean } = {}) {
  return checkoutAllAsShown(buyer, addressId, { acceptPrices: opts.acceptPrices ?? false });
}

export async function buyNow(buyer: { id: string }, addressId: string, productId: string, quantity = 1) {
  await addToCart({ userId: buyer.id }, buyer.id, { productId, variantId: null, quantity });
  return checkoutAll(buyer, addressId);
}
