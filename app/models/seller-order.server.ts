// The seller's view of orders: every query is scoped to one shop in its `where`, so a seller never reads
// another shop's orders (nor their buyers' addresses).
import type { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/infra/db.server";

/** The seller's tabs and which order states each shows (unpaid and expired orders are the buyer's business). */
export const SELLER_TABS = {
  all: ["paid", "processing", "shipped", "delivered", "received", "cancelled", "refunded"],
  paid: ["paid"],
  processing: ["processing"],
  shipped: ["shipped"],
  delivered: ["delivered"],
  received: ["received"],
  cancelled: ["cancelled", "refunded"],
} as const satisfies Record<string, readonly string[]>;
export type SellerTab = keyof typeof SELLER_TABS;

export const LATE_CANCEL_DETAIL = { late: true } as const;

/**
 * The orders a shop packs and ships: its own plain orders and the dropship orders forwarded to it as supplier. A
 * dropshipper's program orders are not here (it follows them on its dropship page; the supplier ships them).
 */
export function fulfilledBy(shopId: string): Prisma.OrderWhereInput {
  return { OR: [{ shopId, fulfilmentShopId: null }, { fulfilmentShopId: shopId }] };
}

function searchWhere(q: string | undefined): Prisma.OrderWhereInput {
  const term = q?.trim();
  if (!term) return {};
  return {
    OR: [
      { orderNumber: { contains: term, mode: "insensitive" } },
      { recipient: { contains: term, mode: "insensitive" } },
      { buyer: { name: { contains: term, mode: "insensitive" } } },
      { buyer: { email: { contains: term, mode: "insensitive" } } },
    ],
  };
}

export function listShopOrders(shopId: string, opts: { tab: SellerTab; q?: string; take?: number }) {
  return db().order.findMany({
    where: { AND: [fulfilledBy(shopId), searchWhere(opts.q)], status: { in: [...SELLER_TABS[opts.tab]] } },
    select: {
      id: true,
      orderNumber: true,
      status: true,
      goodsTotal: true,
      shippingCost: true,
      fulfilmentShopId: true,
      createdAt: true,
      paidAt: true,
      recipient: true,
      buyer: { select: { name: true } },
      items: { select: { title: true, quantity: true, dropshipUnitPrice: true } },
      shipment: { select: { shipBy: true, resi: true, courierName: true, serviceName: true } },
    },
    // Orders to act on (to accept, to ship): the oldest deadline first, what must ship soonest on top. Every other
    // list (all, shipped, done, cancelled): the newest first, as a seller looks for what just happened.
    orderBy: opts.tab === "paid" || opts.tab === "processing" ? [{ paidAt: "asc" }, { createdAt: "asc" }] : [{ paidAt: "desc" }, { createdAt: "desc" }],
    take: opts.take ?? 100,
  });
}

export async function countShopOrdersByStatus(shopId: string, q?: string): Promise<Record<string, number>> {
  const rows = await db().order.groupBy({ by: ["status"], where: { AND: [fulfilledBy(shopId), searchWhere(q)] }, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
}

export function findShopOrder(shopId: string, orderNumber: string) {
  return db().order.findFirst({
    where: { ...fulfilledBy(shopId), orderNumber, status: { in: [...SELLER_TABS.all] } },
    include: {
      items: true,
      shipment: true,
      events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      refunds: true,
      buyer: { select: { name: true } },
      shop: { select: { name: true, phone: true, regencyCode: true } },
    },
  });
}

export function findShopOrdersForDocuments(shopId: string, orderNumbers: string[]) {
  return db().order.findMany({
    where: { ...fulfilledBy(shopId), orderNumber: { in: orderNumbers }, status: { in: ["paid", "processing", "shipped"] } },
    include: { items: true, shipment: true, shop: { select: { name: true, phone: true, regencyCode: true } } },
    orderBy: { orderNumber: "asc" },
  });
}

export function recordShipment(tx: Tx, orderId: string, data: { resi: string; shippedAt: Date }) {
  return tx.shipment.update({ where: { orderId }, data });
}

export function recordDelivery(tx: Tx, orderId: string, deliveredAt: Date) {
  return tx.shipment.update({ where: { orderId }, data: { deliveredAt } });
}

/** Paid or accepted orders whose ship-by deadline passed. */
export async function overdueOrderIds(now: Date, take = 200): Promise<string[]> {
  const rows = await db().order.findMany({ where: { status: { in: ["paid", "processing"] }, shipment: { shipBy: { lt: now } } }, select: { id: true }, take, orderBy: { paidAt: "asc" } });
  return rows.map((r) => r.id);
}

export function shippedOrdersToTrack(take = 200) {
  return db().order.findMany({
    where: { status: "shipped", shipment: { resi: { not: null } } },
    select: { id: true, shipment: { select: { courierCode: true, resi: true, shippedAt: true } } },
    orderBy: { updatedAt: "asc" },
    take,
  });
}

/** Orders of the shop cancelled by the late-shipping job since `since`. */
export function countLateCancellations(shopId: string, since: Date) {
  return db().orderEvent.count({
    where: { event: "cancel", actorRole: "system", createdAt: { gte: since }, detail: { path: ["late"], equals: true }, order: fulfilledBy(shopId) },
  });
}

export function countShopOrdersSince(shopId: string, since: Date) {
  return db().order.count({ where: { ...fulfilledBy(shopId), paidAt: { gte: since } } });
}
