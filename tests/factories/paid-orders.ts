import { RESI_FORMATS } from "../../app/domain/shipping/resi-formats";
import { db } from "../../app/infra/db.server";
import type { PaymentGateway } from "../../app/infra/payments/gateway.server";
import { addAddress } from "../../app/services/addresses.server";
import { addToCart } from "../../app/services/cart.server";
import { checkoutPage, placeOrder } from "../../app/services/checkout.server";
import { inOrderTx, lockOrder } from "../../app/models/order.server";
import { recordDelivery } from "../../app/models/seller-order.server";
import { applyOrderTransition, SYSTEM } from "../../app/services/orders.server";
import { applySettlement } from "../../app/services/payments.server";
import { shipOrder } from "../../app/services/seller-orders.server";
import { checkoutAll } from "./buying";
import { aProduct } from "./products";
import { aSeller } from "./shops";
import { aUser } from "./users";

type Seller = Awaited<ReturnType<typeof aSeller>>;

/** A buyer with a default address in Kota Bandung. */
export async function aBuyer(name = "Budi Santoso") {
  const buyer = await aUser({ name });
  const address = await addAddress(buyer.id, {
    label: "Rumah",
    recipient: name,
    phone: "081298765432",
    provinceCode: "32",
    regencyCode: "3273",
    district: "Coblong",
    postalCode: "40132",
    street: "Jl. Dago No. 10",
    isDefault: true,
  });
  return { ...buyer, addressId: address.id };
}

/**
 * An order of one product from the seller's shop, placed through the buying services and settled as the
 * notification handler would (so stock, ledger, timeline and ship-by deadline are all real).
 */
export async function aPaidOrder(opts: { seller?: Seller; buyer?: Awaited<ReturnType<typeof aBuyer>>; paidAt?: Date; serviceCode?: string; title?: string; sender?: { name: string; phone: string } } = {}) {
  const seller = opts.seller ?? (await aSeller({ status: "approved" }));
  const buyer = opts.buyer ?? (await aBuyer());
  const product = await aProduct(seller.owner, { title: opts.title ?? "Kemeja Batik Mega Mendung", price: 150_000, weightGrams: 800 });
  await addToCart({ userId: buyer.id }, buyer.id, { productId: product.id, variantId: null, quantity: 1 });
  const page = await checkoutPage(buyer);
  const shop = page.shops.find((s) => s.shop.id === seller.shop.id)!;
  const service = opts.serviceCode ?? shop.chosenService!;
  const placed = await placeOrder(buyer, {
    addressId: buyer.addressId,
    keys: shop.lines.map((l) => l.itemKey),
    prices: Object.fromEntries(shop.lines.map((l) => [l.itemKey, l.unitPrice])),
    services: { [seller.shop.id]: service },
    notes: { [seller.shop.id]: "Tolong bungkus rapi" },
    acceptPrices: false,
    sender: opts.sender ?? null,
  });
  await applySettlement(placed.paymentId, { transaction_status: "settlement", payment_type: "bank_transfer", transaction_id: `t-${placed.paymentNumber}`, settlement_time: undefined }, "test", opts.paidAt ?? new Date());
  const order = await db().order.findUniqueOrThrow({ where: { id: placed.orders[0].id }, include: { shipment: true } });
  return { seller, buyer, order, paymentNumber: placed.paymentNumber };
}

/** A gateway that answers refunds from memory and remembers them (idempotent by refund key, like Midtrans). */
export function aFakeGateway() {
  const refunds = new Map<string, { orderId: string; amount: number; reason: string }>();
  const gateway: PaymentGateway = {
    async createTransaction(input) {
      return { token: `tok-${input.orderId}`, redirectUrl: `http://gateway.test/pay/${input.orderId}` };
    },
    async getStatus() {
      return null;
    },
    async refund(orderId, input) {
      if (!refunds.has(input.refundKey)) refunds.set(input.refundKey, { orderId, amount: input.amount, reason: input.reason });
      return { refundKey: input.refundKey, amount: refunds.get(input.refundKey)!.amount };
    },
  };
  return { gateway, refunds };
}

/**
 * A paid order the seller shipped at `shippedAt` (through the seller's service), and, with `deliveredAt`, that the
 * tracker reported delivered then. Set a fake gateway first (setPaymentGatewayForTests) when refunds may happen.
 */
export async function aShippedOrder(opts: Parameters<typeof aPaidOrder>[0] & { shippedAt?: Date; deliveredAt?: Date } = {}) {
  const paid = await aPaidOrder({ ...opts, paidAt: opts.paidAt ?? (opts.shippedAt ? new Date(opts.shippedAt.getTime() - 3_600_000) : undefined) });
  await shipOrder(paid.seller.owner.id, paid.order.orderNumber, { resi: "0123456789012345", confirmed: true }, opts.shippedAt ?? new Date());
  if (opts.deliveredAt) {
    const at = opts.deliveredAt;
    await inOrderTx(async (tx) => {
      const order = (await lockOrder(tx, paid.order.id))!;
      await applyOrderTransition(tx, order, "deliver", SYSTEM, { detail: { source: "tracking" }, now: at });
      await recordDelivery(tx, order.id, at);
    });
  }
  const order = await db().order.findUniqueOrThrow({ where: { id: paid.order.id }, include: { shipment: true, items: true } });
  return { ...paid, order };
}

/**
 * Many shipped orders for the price of one checkout: the buyer buys one of each product (one order per shop), the
 * payment settles as the notification handler would, and each shop's owner ships at `shippedAt`.
 */
export async function shippedOrdersOfOneCheckout(buyer: Awaited<ReturnType<typeof aBuyer>>, products: { id: string; ownerId: string }[], shippedAt: Date) {
  for (const p of products) await addToCart({ userId: buyer.id }, buyer.id, { productId: p.id, variantId: null, quantity: 1 });
  const placed = await checkoutAll(buyer, buyer.addressId);
  await applySettlement(placed.paymentId, { transaction_status: "settlement", payment_type: "bank_transfer", transaction_id: `t-${placed.paymentNumber}`, settlement_time: undefined }, "test", new Date(shippedAt.getTime() - 3_600_000));
  const owners = new Map(await Promise.all(products.map(async (p) => [(await db().product.findUniqueOrThrow({ where: { id: p.id } })).shopId, p.ownerId] as const)));
  const orders = await db().order.findMany({ where: { paymentId: placed.paymentId }, include: { shipment: true } });
  for (const o of orders) {
    const resi = RESI_FORMATS[o.shipment!.courierCode]?.example ?? "0123456789012345";
    await shipOrder(owners.get(o.shopId)!, o.orderNumber, { resi, confirmed: true }, shippedAt);
  }
  return db().order.findMany({ where: { paymentId: placed.paymentId }, orderBy: { orderNumber: "asc" } });
}
