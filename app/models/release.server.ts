import { db, type Tx } from "~/infra/db.server";

// Release of escrow: commission rates, the rate fixed on an order at payment, what a release wrote, and the jobs'
// candidates. Ledger balances are in ledger.server.ts.

/** Each line of the order with the rate of its product's top-level category (or the default rate). */
export async function commissionRatesOfOrder(tx: Tx, orderId: string): Promise<{ id: string; goods: number; rate_bps: number }[]> {
  return tx.$queryRaw`
    WITH RECURSIVE up AS (
      SELECT oi.id AS item_id, c.id, c.parent_id FROM order_items oi
      JOIN products p ON p.id = oi.product_id JOIN categories c ON c.id = p.category_id
      WHERE oi.order_id = ${orderId}::uuid
      UNION ALL
      SELECT up.item_id, c.id, c.parent_id FROM up JOIN categories c ON c.id = up.parent_id
    )
    SELECT oi.id, (oi.unit_price * oi.quantity)::int AS goods,
           COALESCE(r.rate_bps, d.rate_bps, 0)::int AS rate_bps
    FROM order_items oi
    LEFT JOIN up ON up.item_id = oi.id AND up.parent_id IS NULL
    LEFT JOIN commission_rates r ON r.category_id = up.id
    LEFT JOIN commission_rates d ON d.code = 'default'
    WHERE oi.order_id = ${orderId}::uuid ORDER BY oi.id`;
}

export async function fixCommission(tx: Tx, orderId: string, lines: { id: string; rate_bps: number }[], commission: number) {
  for (const l of lines) await tx.orderItem.update({ where: { id: l.id }, data: { commissionBps: l.rate_bps } });
  await tx.order.update({ where: { id: orderId }, data: { commission } });
}

export function orderForRelease(tx: Tx, orderId: string) {
  return tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      orderNumber: true,
      shopId: true,
      goodsTotal: true,
      shippingCost: true,
      feeTotal: true,
      total: true,
      commission: true,
      shop: { select: { pph22OverThreshold: true } },
      // Dropship program: the supplier and its dropship prices of the day (the three-way split).
      fulfilmentShopId: true,
      items: { select: { quantity: true, dropshipUnitPrice: true } },
    },
  });
}

/** What escrow holds for the order, read in the caller's transaction (after this transaction's own postings). */
export async function escrowHeldInTx(tx: Tx, orderId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ balance: bigint }[]>`
    SELECT COALESCE(-SUM(l.amount), 0)::bigint AS balance FROM journal_lines l JOIN ledger_accounts a ON a.id = l.account_id
    WHERE a.code = 'escrow' AND l.order_id = ${orderId}::uuid`;
  return Number(rows[0]?.balance ?? 0);
}

export function markReleased(tx: Tx, orderId: string, r: { at: Date; commission: number; withheld: number }) {
  return tx.order.update({ where: { id: orderId }, data: { releasedAt: r.at, releasedCommission: r.commission, withheldTax: r.withheld } });
}

/**
 * Orders the auto-complete job should look at (delivered before one cut-off, or shipped before the other): one page
 * of them after `afterId`, by id, so that the job pages through them all.
 */
export async function autoCompleteCandidates(cut: { deliveredBefore: Date; shippedBefore: Date }, afterId: string | null, take: number): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT o.id FROM orders o JOIN shipments s ON s.order_id = o.id
    WHERE (${afterId}::uuid IS NULL OR o.id > ${afterId}::uuid)
      AND ((o.status = 'delivered' AND s.delivered_at <= ${cut.deliveredBefore})
        OR (o.status IN ('shipped', 'delivered') AND s.shipped_at <= ${cut.shippedBefore}))
    ORDER BY o.id LIMIT ${take}`;
  return rows.map((r) => r.id);
}

export function shipmentTimes(tx: Tx, orderId: string) {
  return tx.shipment.findUnique({ where: { orderId }, select: { shippedAt: true, deliveredAt: true, courierCode: true } });
}

// ---- commission rates ------------------------------------------------------------------------------

export function listCommissionRates() {
  return db().commissionRate.findMany({ orderBy: { code: "asc" } });
}

export function topLevelCategories() {
  return db().category.findMany({ where: { parentId: null, retiredAt: null }, select: { id: true, name: true, nameEn: true, slug: true }, orderBy: [{ position: "asc" }, { id: "asc" }] });
}

export function findCategoryParent(id: number) {
  return db().category.findUnique({ where: { id }, select: { id: true, parentId: true } });
}

export function upsertCommissionRate(categoryId: number | null, rateBps: number, updatedBy: string) {
  const code = categoryId === null ? "default" : `cat:${categoryId}`;
  return db().commissionRate.upsert({ where: { code }, create: { code, categoryId, rateBps, updatedBy }, update: { rateBps, updatedBy, updatedAt: new Date() } });
}

export function deleteCommissionRate(categoryId: number) {
  return db().commissionRate.deleteMany({ where: { categoryId } });
}

// ---- PPh 22 -----------------------------------------------------------------------------------------

export function setPph22Declaration(shopId: string, over: boolean, at: Date) {
  return db().shop.update({ where: { id: shopId }, data: { pph22OverThreshold: over, pph22DeclaredAt: at } });
}

export function pph22Declaration(shopId: string) {
  return db().shop.findUniqueOrThrow({ where: { id: shopId }, select: { pph22OverThreshold: true, pph22DeclaredAt: true } });
}
