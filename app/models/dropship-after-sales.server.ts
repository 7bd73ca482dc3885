// After-sales of dropship program orders: the order as each shop on it may read it, the complaint's chain fields,
// and the shops' complaint lists. Every query names the shop it works for in its `where`.
import { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/infra/db.server";

const SHOP_CONTACT = { select: { id: true, name: true, phone: true, ownerId: true, street: true, district: true, regencyCode: true, provinceCode: true, postalCode: true } } as const;

/** The program order of this shop, as dropshipper (the order's shop) or as supplier (its fulfilment shop). */
export function findProgramOrderOfShop(shopId: string, orderNumber: string) {
  return db().order.findFirst({
    where: { orderNumber, fulfilmentShopId: { not: null }, OR: [{ shopId }, { fulfilmentShopId: shopId }] },
    include: {
      items: { select: { id: true, title: true, variantLabel: true, quantity: true, unitPrice: true, dropshipUnitPrice: true } },
      shipment: { select: { courierName: true, serviceName: true, resi: true, shipBy: true, shippedAt: true } },
      events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      complaint: true,
      shop: SHOP_CONTACT,
      fulfilmentShop: SHOP_CONTACT,
    },
  });
}

/** Who is on a program order (null for a plain order): the order's shop is the dropshipper, the fulfilment shop the supplier. */
export function programOrderParties(tx: Tx, orderId: string) {
  return tx.order.findFirst({
    where: { id: orderId, fulfilmentShopId: { not: null } },
    select: {
      orderNumber: true,
      buyerId: true,
      goodsTotal: true,
      shippingCost: true,
      items: { select: { quantity: true, dropshipUnitPrice: true } },
      shop: SHOP_CONTACT,
      fulfilmentShop: SHOP_CONTACT,
    },
  });
}

export async function isProgramOrder(orderId: string): Promise<boolean> {
  return (await db().order.count({ where: { id: orderId, fulfilmentShopId: { not: null } } })) > 0;
}

export function updateChainComplaint(
  tx: Tx,
  id: string,
  data: {
    status: string;
    answerDueAt?: Date;
    resolution?: string;
    refundAmount?: number;
    returnResi?: string;
    sellerReason?: string;
    resolvedAt?: Date;
    forwardNote?: string;
    shopAnswer?: string | null;
  },
) {
  return tx.complaint.update({ where: { id }, data });
}

/** The order's shop and address, for a plain order's return (the buyer's complaint page). */
export function findOrderShopContact(orderId: string) {
  return db().order.findUniqueOrThrow({
    where: { id: orderId },
    select: { shop: SHOP_CONTACT, fulfilmentShop: SHOP_CONTACT, goodsTotal: true, shippingCost: true, items: { select: { quantity: true, dropshipUnitPrice: true } } },
  });
}

/**
 * The unsettled complaints on a shop's program orders, as dropshipper (all) or as supplier (those forwarded to it),
 * soonest deadline first. Read from the shop's orders in transit (a complaint holds its order there), so the
 * orders' (shop, status) indexes find them.
 */
export function listProgramComplaints(shopId: string, as: "dropshipper" | "supplier", take = 50) {
  const party = as === "dropshipper" ? Prisma.sql`o.shop_id = ${shopId}::uuid AND o.fulfilment_shop_id IS NOT NULL` : Prisma.sql`o.fulfilment_shop_id = ${shopId}::uuid AND c.status <> 'open'`;
  return db().$queryRaw<{ order_number: string; status: string; reason: string; answer_due_at: Date }[]>`
    SELECT o.order_number, c.status, c.reason, c.answer_due_at
    FROM orders o JOIN complaints c ON c.order_id = o.id
    WHERE ${party} AND o.status IN ('shipped', 'delivered') AND c.status NOT IN ('resolved', 'rejected_final')
    ORDER BY c.answer_due_at LIMIT ${take}`;
}
