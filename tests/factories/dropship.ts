import { db } from "../../app/infra/db.server";
import { addToCart } from "../../app/services/cart.server";
import { checkoutPage, placeOrder } from "../../app/services/checkout.server";
import { addListings, joinProgram, openProducts } from "../../app/services/dropship.server";
import { applySettlement } from "../../app/services/payments.server";
import { shipOrder } from "../../app/services/seller-orders.server";
import { aBuyer } from "./paid-orders";
import { aProduct } from "./products";
import { aSeller } from "./shops";

/**
 * A supplier that opened one product (Rp87.000 dropship price) and a dropshipper that listed it with 20% markup
 * rounded up to Rp500 (Rp104.500), through the program's services.
 */
export async function aDropshipProgram(opts: { dropshipPrice?: number } = {}) {
  const supplier = await aSeller({ status: "approved", name: "Hj. Euis Grosir" });
  const dropshipper = await aSeller({ status: "approved", name: "Rina Reseller" });
  await db().shop.update({ where: { id: dropshipper.shop.id }, data: { name: `Rina Hijab Store ${dropshipper.shop.slug.slice(-6)}`, phone: "+6285711112222" } });
  const source = await aProduct(supplier.owner, { title: "Gamis Syari Bandung", price: 120_000, weightGrams: 700 });
  await db().product.update({ where: { id: source.id }, data: { stock: 100 } });
  await openProducts(supplier.owner.id, { requiresApproval: false, offers: [{ productId: source.id, dropshipPrice: opts.dropshipPrice ?? 87_000, minSellingPrice: null }] });
  await joinProgram(dropshipper.owner.id, supplier.shop.id);
  const { added } = await addListings(dropshipper.owner.id, { supplierShopId: supplier.shop.id, productIds: [source.id], rule: { kind: "percent", bps: 2000 }, step: 500 });
  const shops = await db().shop.findMany({ where: { id: { in: [supplier.shop.id, dropshipper.shop.id] } } });
  const shopOf = (id: string) => shops.find((s) => s.id === id)!;
  return { supplier: { ...supplier, shop: shopOf(supplier.shop.id) }, dropshipper: { ...dropshipper, shop: shopOf(dropshipper.shop.id) }, source, listing: added[0] };
}
export type DropshipProgram = Awaited<ReturnType<typeof aDropshipProgram>>;

/** The buyer buys `quantity` of the program's listing from the dropshipper's shop, settled as the notification would. */
export async function aProgramOrder(program: DropshipProgram, opts: { buyer?: Awaited<ReturnType<typeof aBuyer>>; quantity?: number } = {}) {
  const buyer = opts.buyer ?? (await aBuyer());
  await addToCart({ userId: buyer.id }, buyer.id, { productId: program.listing.productId, variantId: null, quantity: opts.quantity ?? 1 });
  const page = await checkoutPage(buyer);
  const shop = page.shops.find((s) => s.shop.id === program.dropshipper.shop.id)!;
  const placed = await placeOrder(buyer, {
    addressId: buyer.addressId,
    keys: shop.lines.map((l) => l.itemKey),
    prices: Object.fromEntries(shop.lines.map((l) => [l.itemKey, l.unitPrice])),
    services: { [program.dropshipper.shop.id]: shop.chosenService! },
    notes: {},
    acceptPrices: false,
  });
  await applySettlement(
    placed.paymentId,
    { transaction_status: "settlement", payment_type: "bank_transfer", transaction_id: `t-${placed.paymentNumber}`, settlement_time: undefined },
    "test",
    new Date(),
  );
  const order = await db().order.findUniqueOrThrow({ where: { id: placed.orders[0].id }, include: { items: true, shipment: true } });
  return { buyer, order };
}

/** A program order the supplier shipped (resi entered), ready for "Pesanan Diterima" or a complaint. */
export async function aShippedProgramOrder(program: DropshipProgram, opts: Parameters<typeof aProgramOrder>[1] = {}) {
  const paid = await aProgramOrder(program, opts);
  await shipOrder(program.supplier.owner.id, paid.order.orderNumber, { resi: "0123456789012345", confirmed: true });
  const order = await db().order.findUniqueOrThrow({ where: { id: paid.order.id }, include: { items: true, shipment: true } });
  return { ...paid, order };
}
