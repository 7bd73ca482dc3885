import { checkoutPage, placeOrder } from "~/services/checkout.server";

/** "Bayar" as the checkout page posts it (used by the bench and the tests): every cart line at the price shown, the cheapest courier per shop. */
export async function checkoutAll(buyer: { id: string }, addressId: string, opts: { acceptPrices?: boolean } = {}) {
  const page = await checkoutPage(buyer, { addressId });
  const prices = Object.fromEntries(page.shops.flatMap((s) => s.lines.map((l) => [l.itemKey, l.unitPrice])));
  const services = Object.fromEntries(page.shops.map((s) => [s.shop.id, s.chosenService ?? ""]));
  return placeOrder(buyer, { addressId, keys: page.keys, prices, services, notes: {}, acceptPrices: opts.acceptPrices ?? true });
}
