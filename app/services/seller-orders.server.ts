/**
 * The seller side of an order: list with tabs and counts, accept, cancel with a refund, labels and packing slips,
 * resi entry (checked per courier) and shipping, the late-shipping job, and tracking that moves shipped →
 * delivered. Every call takes the seller's user id and works only on that seller's shop.
 */
import { DomainError } from "~/domain/errors";
import type { PackingSlip, ShippingLabel } from "~/domain/orders/documents";
import { findProvince, findRegency } from "~/domain/regions/data";
import { checkResi } from "~/domain/shipping/resi-formats";
import { isDelivered, type TrackingStep } from "~/domain/shipping/tracking";
import { logger } from "~/infra/logger.server";
import { renderPackingSlips, renderShippingLabels } from "~/infra/pdf/labels.server";
import { trackingProvider } from "~/infra/tracking/tracking.server";
import { inOrderTx, lockOrder } from "~/models/order.server";
import {
  countLateCancellations,
  countShopOrdersByStatus,
  countShopOrdersSince,
  findShopOrder,
  findShopOrdersForDocuments,
  LATE_CANCEL_DETAIL,
  listShopOrders,
  overdueOrderIds,
  recordDelivery,
  recordShipment,
  SELLER_TABS,
  shippedOrdersToTrack,
  type SellerTab,
} from "~/models/seller-order.server";
import { shopIdOfOwner } from "~/models/shop-public.server";
import { applyOrderTransition, processRefund, refundOrder, SYSTEM, transitionOrder, type Actor } from "./orders.server";

export { SELLER_TABS, type SellerTab };

async function shopOf(ownerId: string): Promise<string> {
  const shopId = await shopIdOfOwner(ownerId);
  if (!shopId) throw new DomainError("forbidden", "seller.noShop");
  return shopId;
}

const sellerActor = (ownerId: string): Actor => ({ role: "seller", id: ownerId });

export function isSellerTab(v: unknown): v is SellerTab {
  return typeof v === "string" && v in SELLER_TABS;
}

/** The order list: one tab, a search over order number and buyer, and a count per tab. */
export async function sellerOrderList(ownerId: string, opts: { tab: SellerTab; q?: string }) {
  const shopId = await shopOf(ownerId);
  const [rows, byStatus] = await Promise.all([listShopOrders(shopId, opts), countShopOrdersByStatus(shopId, opts.q)]);
  // A seller sees goods + shipping (the buyer's service fee is the marketplace's); a supplier sees a forwarded
  // dropship order at its own amount (dropship prices + shipping), never the buyer's.
  const orders = rows.map(({ items, ...o }) => ({ ...o, items: items.map(({ title, quantity }) => ({ title, quantity })), total: o.fulfilmentShopId === shopId ? supplierTotal(o.shippingCost, items) : o.goodsTotal + o.shippingCost }));
  const counts = Object.fromEntries(
    (Object.keys(SELLER_TABS) as SellerTab[]).map((tab) => [tab, SELLER_TABS[tab].reduce((sum, s) => sum + (byStatus[s] ?? 0), 0)]),
  ) as Record<SellerTab, number>;
  return { orders, counts };
}

function supplierTotal(shippingCost: number, items: { quantity: number; dropshipUnitPrice: number | null }[]) {
  return shippingCost + items.reduce((sum, i) => sum + (i.dropshipUnitPrice ?? 0) * i.quantity, 0);
}

async function ownOrder(ownerId: string, orderNumber: string) {
  const shopId = await shopOf(ownerId);
  const order = await findShopOrder(shopId, orderNumber);
  if (!order) throw new DomainError("not_found", "order_not_found");
  return order.fulfilmentShopId === shopId ? asSupplierSees(order) : asSellerSees(order);
}

/** The seller's amount of an order: goods + shipping. The buyer's service fee is the marketplace's, not the shop's. */
function asSellerSees<O extends { shippingCost: number; goodsTotal: number; feeTotal: number; total: number }>(order: O): O {
  return { ...order, feeTotal: 0, total: order.goodsTotal + order.shippingCost };
}

/**
 * A forwarded dropship order as its supplier sees it: unit prices are its dropship prices, the totals its own
 * amount, no buyer fee and no refund amounts (which are the buyer's money). The buyer's address stays: it ships there.
 */
function asSupplierSees<O extends { shippingCost: number; goodsTotal: number; feeTotal: number; total: number; items: { unitPrice: number; quantity: number; dropshipUnitPrice: number | null }[]; refunds: unknown[] }>(order: O): O {
  const items = order.items.map((i) => ({ ...i, unitPrice: i.dropshipUnitPrice ?? 0 }));
  const goodsTotal = items.reduce((sum, i) => sum + i.unitPrice * i.quantity, 0);
  return { ...order, items, goodsTotal, feeTotal: 0, total: goodsTotal + order.shippingCost, refunds: [] };
}

function regionNames(o: { provinceCode: string; regencyCode: string }) {
  return { province: findProvince(o.provinceCode)?.name ?? o.provinceCode, city: findRegency(o.regencyCode)?.name ?? o.regencyCode };
}

/**
 * Tracking steps of a shipped order, asked of the provider on view; a parcel the provider reports delivered
 * moves the order shipped → delivered right away (the sync job does the same for orders nobody looks at).
 */
export async function trackOrder(order: { id: string; status: string; shipment: { courierCode: string; resi: string | null } | null }): Promise<TrackingStep[]> {
  if (!order.shipment?.resi || !["shipped", "delivered", "received"].includes(order.status)) return [];
  let steps: TrackingStep[] = [];
  try {
    steps = await trackingProvider().track(order.shipment.courierCode, order.shipment.resi);
  } catch (error) {
    logger.warn({ err: (error as Error).message, order: order.id }, "tracking provider failed");
    return [];
  }
  if (order.status === "shipped" && isDelivered(steps)) await markDelivered(order.id, steps.at(-1)!.at);
  return steps;
}

async function markDelivered(orderId: string, at: Date) {
  await inOrderTx(async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (!order || order.status !== "shipped") return;
    await applyOrderTransition(tx, order, "deliver", SYSTEM, { detail: { source: "tracking" } });
    await recordDelivery(tx, orderId, at);
  });
}

export async function sellerOrder(ownerId: string, orderNumber: string) {
  const order = await ownOrder(ownerId, orderNumber);
  const tracking = await trackOrder(order);
  const fresh = tracking.length && order.status === "shipped" && isDelivered(tracking) ? await ownOrder(ownerId, orderNumber) : order;
  return { order: fresh, tracking, region: regionNames(fresh) };
}

export async function acceptOrder(ownerId: string, orderNumber: string) {
  const order = await ownOrder(ownerId, orderNumber);
  return transitionOrder(order.id, "accept", sellerActor(ownerId));
}

/** Cancel with a reason: stock back, refund through the gateway (retried by the job if the gateway is down). */
export async function cancelOrderBySeller(ownerId: string, orderNumber: string, reason: string) {
  const order = await ownOrder(ownerId, orderNumber);
  return refundOrder(order.id, reason, sellerActor(ownerId));
}

export type ShipResult =
  | { status: "shipped"; resi: string }
  | { status: "confirm"; resi: string; warning: string; example?: string };

/**
 * The seller enters the resi: refused when it cannot be one for this courier, a confirmation asked when its
 * format is unusual; then (accepting a paid order on the way) the order is shipped and tracking registered.
 */
export async function shipOrder(ownerId: string, orderNumber: string, input: { resi: string; confirmed: boolean }, now = new Date()): Promise<ShipResult> {
  const order = await ownOrder(ownerId, orderNumber);
  if (!order.shipment) throw new DomainError("conflict", "order_without_shipment");
  const check = checkResi(order.shipment.courierCode, input.resi);
  if (!check.ok) throw new DomainError("validation", check.error, { example: check.example ?? "" });
  if (check.warning && !input.confirmed) return { status: "confirm", resi: check.normalized, warning: check.warning, example: check.example };
  const actor = sellerActor(ownerId);
  await inOrderTx(async (tx) => {
    const locked = await lockOrder(tx, order.id);
    if (!locked || locked.shop_id !== order.shopId) throw new DomainError("not_found", "order_not_found");
    if (locked.status === "paid") await applyOrderTransition(tx, locked, "accept", actor, { now });
    await applyOrderTransition(tx, locked, "ship", actor, { detail: { resi: check.normalized, courier: order.shipment!.courierName, warning: check.warning ?? null }, now });
    await recordShipment(tx, order.id, { resi: check.normalized, shippedAt: now });
  });
  await trackingProvider()
    .register({ courierCode: order.shipment.courierCode, resi: check.normalized, shippedAt: now })
    .catch((error) => logger.warn({ err: (error as Error).message, order: order.orderNumber }, "tracking registration failed; the sync job retries"));
  return { status: "shipped", resi: check.normalized };
}

type DocOrder = Awaited<ReturnType<typeof findShopOrdersForDocuments>>[number];

/**
 * Who the parcel says it is from: the shop, or the sender the buyer named with "Kirim sebagai dropshipper" (then
 * without the shop's city, which would give the real sender away).
 */
function sender(o: DocOrder) {
  if (isDropship(o)) return { name: o.dropshipSenderName!, phone: o.dropshipSenderPhone ?? "", city: "" };
  return { name: o.shop.name, phone: o.shop.phone ?? "", city: o.shop.regencyCode ? (findRegency(o.shop.regencyCode)?.name ?? "") : "" };
}

/** A parcel sent in someone else's name carries no prices (the recipient must not see what was paid). */
function isDropship(o: DocOrder) {
  return Boolean(o.dropshipSenderName);
}

function recipient(o: DocOrder) {
  const r = regionNames(o);
  return { name: o.recipient, phone: o.phone, street: o.street, district: o.district, city: r.city, province: r.province, postalCode: o.postalCode };
}

async function documentOrders(ownerId: string, orderNumbers: string[]) {
  const unique = [...new Set(orderNumbers.map((n) => n.trim()).filter(Boolean))].slice(0, 100);
  if (!unique.length) throw new DomainError("validation", "seller.orders.noneSelected");
  const orders = await findShopOrdersForDocuments(await shopOf(ownerId), unique);
  if (orders.length !== unique.length) throw new DomainError("not_found", "order_not_found");
  return orders;
}

/** Shipping labels as PDF: A6 (one per page) or A4 (four per sheet). */
export async function shippingLabelsPdf(ownerId: string, orderNumbers: string[], layout: "a6" | "a4") {
  const orders = await documentOrders(ownerId, orderNumbers);
  const labels: ShippingLabel[] = orders.map((o) => ({
    orderNumber: o.orderNumber,
    courierName: o.shipment?.courierName ?? "",
    serviceName: o.shipment?.serviceName ?? "",
    weightGrams: o.shipment?.weightGrams ?? o.items.reduce((s, i) => s + i.weightGrams * i.quantity, 0),
    sender: sender(o),
    recipient: recipient(o),
    note: o.note ?? undefined,
  }));
  return renderShippingLabels(labels, layout);
}

export async function packingSlipsPdf(ownerId: string, orderNumbers: string[]) {
  const orders = await documentOrders(ownerId, orderNumbers);
  const slips: PackingSlip[] = orders.map((o) => ({
    orderNumber: o.orderNumber,
    sender: sender(o),
    recipient: recipient(o),
    items: o.items.map((i) => ({ title: i.title, variant: i.variantLabel ?? undefined, quantity: i.quantity, unitPrice: isDropship(o) ? undefined : i.unitPrice })),
    showPrices: !isDropship(o),
    note: o.note ?? undefined,
  }));
  return renderPackingSlips(slips);
}

export const LATE_REASON = "Penjual tidak mengirim pesanan sebelum batas waktu";

/**
 * The late-shipping job: paid or accepted orders past their ship-by deadline are cancelled and refunded; buyer
 * and seller are told (the cancel move notifies both) and the cancellation is marked late, which counts
 * against the shop. An order the seller ships meanwhile is skipped (the move is refused under the row lock).
 */
export async function cancelLateOrders(now = new Date()): Promise<number> {
  let cancelled = 0;
  for (const id of await overdueOrderIds(now)) {
    try {
      const applied = await inOrderTx(async (tx) => {
        const order = await lockOrder(tx, id);
        if (!order || (order.status !== "paid" && order.status !== "processing")) return null;
        return applyOrderTransition(tx, order, "cancel", SYSTEM, { reason: LATE_REASON, detail: LATE_CANCEL_DETAIL, now });
      });
      if (!applied) continue;
      cancelled++;
      if (applied.refundId) await processRefund(applied.refundId).catch((error) => logger.error({ err: error, order: id }, "refund of a late order failed; the retry job sends it again"));
    } catch (error) {
      logger.warn({ err: (error as Error).message, order: id }, "late-order cancel skipped");
    }
  }
  return cancelled;
}

/**
 * The tracking job: asks the provider about every shipped order and moves delivered ones; a parcel the provider
 * does not know (its registration failed when the seller shipped) is registered again.
 */
export async function syncTracking(): Promise<number> {
  let delivered = 0;
  for (const o of await shippedOrdersToTrack()) {
    if (!o.shipment?.resi) continue;
    const parcel = { courierCode: o.shipment.courierCode, resi: o.shipment.resi };
    const steps = await trackOrder({ id: o.id, status: "shipped", shipment: parcel });
    if (!steps.length && o.shipment.shippedAt) {
      await trackingProvider()
        .register({ ...parcel, shippedAt: o.shipment.shippedAt })
        .catch((error) => logger.warn({ err: (error as Error).message, order: o.id }, "tracking registration failed again"));
    }
    if (isDelivered(steps)) delivered++;
  }
  return delivered;
}

/** Figures for the seller dashboard: orders to ship and late cancellations over the last 180 days. */
export async function sellerPerformance(ownerId: string, now = new Date()) {
  const shopId = await shopOf(ownerId);
  const since = new Date(now.getTime() - 180 * 86_400_000);
  const [late, paidOrders, byStatus] = await Promise.all([countLateCancellations(shopId, since), countShopOrdersSince(shopId, since), countShopOrdersByStatus(shopId)]);
  return {
    toShip: (byStatus.paid ?? 0) + (byStatus.processing ?? 0),
    lateCancellations: late,
    paidOrders,
    lateRatePercent: paidOrders ? Math.round((late / paidOrders) * 1000) / 10 : 0,
  };
}
