import type { Posting } from "~/domain/ledger/postings";
import type { LedgerRow } from "~/domain/ledger/statement";
import { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/infra/db.server";

/**
 * Writes a posting in the caller's transaction. Returns false when an entry with the same idempotency key
 * exists (the event was posted already): nothing is written. The database checks the sum at COMMIT.
 */
export async function postEntry(tx: Tx, posting: Posting): Promise<boolean> {
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO journal_entries (idempotency_key, kind, reference_type, reference_id, description)
    VALUES (${posting.idempotencyKey}, ${posting.kind}, ${posting.referenceType}, ${posting.referenceId}, ${posting.description})
    ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`;
  const entryId = inserted[0]?.id;
  if (!entryId) return false;
  const accountIds = new Map<string, number>();
  for (const line of posting.lines) {
    if (accountIds.has(line.account.code)) continue;
    const rows = await tx.$queryRaw<{ id: number }[]>`
      WITH ins AS (
        INSERT INTO ledger_accounts (code, kind, shop_id) VALUES (${line.account.code}, ${line.account.kind}, ${line.account.shopId ?? null}::uuid)
        ON CONFLICT (code) DO NOTHING RETURNING id)
      SELECT id FROM ins UNION ALL SELECT id FROM ledger_accounts WHERE code = ${line.account.code} LIMIT 1`;
    accountIds.set(line.account.code, rows[0].id);
  }
  await tx.journalLine.createMany({
    data: posting.lines.map((l) => ({ entryId, accountId: accountIds.get(l.account.code)!, amount: BigInt(l.amount), orderId: l.orderId ?? null, shopId: l.shopId ?? null })),
  });
  return true;
}

/** Sum of every line of the ledger: zero whenever the books are right. */
export async function ledgerTotal(): Promise<number> {
  const rows = await db().$queryRaw<{ total: bigint | null }[]>`SELECT COALESCE(SUM(amount), 0)::bigint AS total FROM journal_lines`;
  return Number(rows[0]?.total ?? 0);
}

/** Balance per account code (debit positive). */
export async function accountBalances(): Promise<Record<string, number>> {
  const rows = await db().$queryRaw<{ code: string; balance: bigint }[]>`
    SELECT a.code, COALESCE(SUM(l.amount), 0)::bigint AS balance FROM ledger_accounts a LEFT JOIN journal_lines l ON l.account_id = a.id GROUP BY a.code`;
  return Object.fromEntries(rows.map((r) => [r.code, Number(r.balance)]));
}

/** What escrow holds for an order (positive when held): minus the sum of its escrow lines. */
export async function escrowBalanceOfOrder(orderId: string): Promise<number> {
  const rows = await db().$queryRaw<{ balance: bigint }[]>`
    SELECT COALESCE(-SUM(l.amount), 0)::bigint AS balance FROM journal_lines l JOIN ledger_accounts a ON a.id = l.account_id
    WHERE a.code = 'escrow' AND l.order_id = ${orderId}::uuid`;
  return Number(rows[0]?.balance ?? 0);
}

export function entriesOfReference(referenceType: string, referenceIds: string[]) {
  return db().journalEntry.findMany({
    where: { referenceType, referenceId: { in: referenceIds } },
    include: { lines: { include: { account: { select: { code: true, kind: true, shop: { select: { name: true } } } } } } },
    orderBy: { createdAt: "asc" },
  });
}

export interface ShopBalances {
  /** Buyers' money held for this shop's orders (paid, not yet released or refunded). */
  escrow: number;
  /** Released to the seller and not withdrawn: what they can withdraw. */
  available: number;
  /** Withdrawals confirmed paid by the payout provider. */
  paidOut: number;
  /** Withdrawals requested or sent, not yet confirmed. */
  pendingPayout: number;
}

/**
 * A shop's balances, derived from ledger lines only (lines carry shop_id). Payout postings put the shop on their
 * payout_clearing lines; a completed payout is the debit of payout_clearing by entry `payout-done:<id>`.
 * Pass the transaction to read under a lock the caller holds (withdrawals lock the shop row first).
 */
export async function balancesOfShop(shopId: string, tx?: Tx): Promise<ShopBalances> {
  const rows = await (tx ?? db()).$queryRaw<{ escrow: bigint; available: bigint; paid_out: bigint; pending: bigint }[]>`
    SELECT COALESCE(-SUM(l.amount) FILTER (WHERE a.code = 'escrow'), 0)::bigint AS escrow,
           COALESCE(-SUM(l.amount) FILTER (WHERE a.kind = 'seller_available'), 0)::bigint AS available,
           COALESCE(SUM(l.amount) FILTER (WHERE a.code = 'payout_clearing' AND e.idempotency_key LIKE 'payout-done:%'), 0)::bigint AS paid_out,
           COALESCE(-SUM(l.amount) FILTER (WHERE a.code = 'payout_clearing'), 0)::bigint AS pending
    FROM journal_lines l JOIN ledger_accounts a ON a.id = l.account_id JOIN journal_entries e ON e.id = l.entry_id
    WHERE l.shop_id = ${shopId}::uuid`;
  const r = rows[0];
  return { escrow: Number(r?.escrow ?? 0), available: Number(r?.available ?? 0), paidOut: Number(r?.paid_out ?? 0), pendingPayout: Number(r?.pending ?? 0) };
}

/** The lowest seller_available balance of any shop (0 when none is below zero): tests check it is never negative. */
export async function lowestSellerBalance(): Promise<number> {
  const rows = await db().$queryRaw<{ low: bigint | null }[]>`
    SELECT MIN(b)::bigint AS low FROM (SELECT -COALESCE(SUM(l.amount), 0) AS b FROM ledger_accounts a LEFT JOIN journal_lines l ON l.account_id = a.id WHERE a.kind = 'seller_available' GROUP BY a.id) x`;
  return Math.min(0, Number(rows[0]?.low ?? 0));
}

/** Release entries of an order (0 or 1: the idempotency key makes a second impossible). */
export async function countReleaseEntries(orderId: string): Promise<number> {
  return db().journalEntry.count({ where: { idempotencyKey: `escrow-release:${orderId}` } });
}

/** PPh 22 withheld per seller and year (WIB), from tax_payable lines. */
export async function withholdingByYear(shopId?: string) {
  const rows = await db().$queryRaw<{ shop_id: string; shop_name: string; year: number; orders: bigint; withheld: bigint }[]>`
    SELECT l.shop_id, s.name AS shop_name, EXTRACT(YEAR FROM e.created_at AT TIME ZONE 'Asia/Jakarta')::int AS year,
           COUNT(DISTINCT l.order_id)::bigint AS orders, (-SUM(l.amount))::bigint AS withheld
    FROM journal_lines l JOIN ledger_accounts a ON a.id = l.account_id JOIN journal_entries e ON e.id = l.entry_id JOIN shops s ON s.id = l.shop_id
    WHERE a.code = 'tax_payable' AND (${shopId ?? null}::uuid IS NULL OR l.shop_id = ${shopId ?? null}::uuid)
    GROUP BY l.shop_id, s.name, year ORDER BY year DESC, s.name`;
  return rows.map((r) => ({ shopId: r.shop_id, shopName: r.shop_name, year: r.year, orders: Number(r.orders), withheld: Number(r.withheld) }));
}

// A dropship order's facts for the side of `shopId` (statement lines, escrow held): what the supplier's dropship
// prices came to (the order's `o` row), and whether this shop is its supplier.
const DROPSHIP_COST = Prisma.sql`(SELECT SUM(i.dropship_unit_price::bigint * i.quantity) FROM order_items i WHERE i.order_id = o.id)::bigint AS dropship_cost`;
function dropshipFacts(r: { fulfilment_shop_id: string | null; dropship_cost: bigint | null }, shopId: string) {
  return r.fulfilment_shop_id ? { cost: Number(r.dropship_cost ?? 0), asSupplier: r.fulfilment_shop_id === shopId } : null;
}

/** Every entry that moved the shop's available balance, with the facts of its order a release line is explained by. */
export async function sellerLedgerRows(shopId: string): Promise<LedgerRow[]> {
  const code = `seller_available:${shopId}`;
  const rows = await db().$queryRaw<
    {
      entry_id: string;
      at: Date;
      key: string;
      description: string;
      order_number: string | null;
      amount: bigint;
      escrow: bigint;
      withheld: bigint;
      goods_total: number | null;
      shipping_cost: number | null;
      fee_total: number | null;
      fulfilment_shop_id: string | null;
      dropship_cost: bigint | null;
    }[]
  >`
    WITH mine AS (
      SELECT l.entry_id, SUM(-l.amount) AS amount, MIN(l.order_id::text)::uuid AS order_id
      FROM journal_lines l JOIN ledger_accounts a ON a.id = l.account_id WHERE a.code = ${code} GROUP BY l.entry_id)
    SELECT e.id AS entry_id, e.created_at AS at, e.idempotency_key AS key, e.description, o.order_number, mine.amount::bigint AS amount,
           COALESCE(SUM(l.amount) FILTER (WHERE a.code = 'escrow'), 0)::bigint AS escrow,
           COALESCE(-SUM(l.amount) FILTER (WHERE a.code = 'tax_payable' AND l.shop_id = ${shopId}::uuid), 0)::bigint AS withheld,
           o.goods_total, o.shipping_cost, o.fee_total, o.fulfilment_shop_id,
           ${DROPSHIP_COST}
    FROM mine JOIN journal_entries e ON e.id = mine.entry_id JOIN journal_lines l ON l.entry_id = e.id JOIN ledger_accounts a ON a.id = l.account_id
    LEFT JOIN orders o ON o.id = mine.order_id
    GROUP BY e.id, e.created_at, e.idempotency_key, e.description, o.id, mine.amount
    ORDER BY e.created_at, e.id`;
  return rows.map((r) => ({
    entryId: r.entry_id,
    at: r.at,
    idempotencyKey: r.key,
    description: r.description,
    orderNumber: r.order_number,
    amount: Number(r.amount),
    order:
      r.goods_total === null
        ? null
        : {
            goodsTotal: r.goods_total,
            shippingCost: r.shipping_cost ?? 0,
            feeTotal: r.fee_total ?? 0,
            escrowReleased: Number(r.escrow),
            withheld: Number(r.withheld),
            dropship: dropshipFacts(r, shopId),
          },
  }));
}

/**
 * The shop's orders with money in escrow now, and how much each. Escrow lines carry the order's shop, so a
 * supplier's dropship orders (fulfilled by this shop, sold by another) are found through the order.
 */
export async function escrowOrdersOfShop(shopId: string) {
  const rows = await db().$queryRaw<
    {
      id: string;
      order_number: string;
      status: string;
      held: bigint;
      goods_total: number;
      shipping_cost: number;
      fee_total: number;
      fulfilment_shop_id: string | null;
      dropship_cost: bigint | null;
      paid_at: Date | null;
      shipped_at: Date | null;
      delivered_at: Date | null;
    }[]
  >`
    SELECT o.id, o.order_number, o.status, x.held::bigint AS held, o.goods_total, o.shipping_cost, o.fee_total, o.fulfilment_shop_id,
           ${DROPSHIP_COST},
           o.paid_at, s.shipped_at, s.delivered_at
    FROM (SELECT l.order_id, -SUM(l.amount) AS held FROM journal_lines l JOIN ledger_accounts a ON a.id = l.account_id
          WHERE a.code = 'escrow' AND l.order_id IN (SELECT id FROM orders WHERE shop_id = ${shopId}::uuid OR fulfilment_shop_id = ${shopId}::uuid)
          GROUP BY l.order_id HAVING SUM(l.amount) <> 0) x
    JOIN orders o ON o.id = x.order_id LEFT JOIN shipments s ON s.order_id = o.id
    ORDER BY o.paid_at DESC NULLS LAST, o.order_number`;
  return rows.map((r) => ({
    orderId: r.id,
    orderNumber: r.order_number,
    status: r.status,
    held: Number(r.held),
    goodsTotal: r.goods_total,
    shippingCost: r.shipping_cost,
    feeTotal: r.fee_total,
    dropship: dropshipFacts(r, shopId),
    paidAt: r.paid_at,
    shippedAt: r.shipped_at,
    deliveredAt: r.delivered_at,
  }));
}

// ---- the admin's finance page -------------------------------------------------------------------------

/** Every account with its balance (debit positive), sellers' accounts with their shop's name. */
export async function trialBalance() {
  const rows = await db().$queryRaw<{ code: string; kind: string; shop_name: string | null; balance: bigint }[]>`
    SELECT a.code, a.kind, s.name AS shop_name, COALESCE(SUM(l.amount), 0)::bigint AS balance
    FROM ledger_accounts a LEFT JOIN shops s ON s.id = a.shop_id LEFT JOIN journal_lines l ON l.account_id = a.id
    GROUP BY a.id, a.code, a.kind, s.name ORDER BY a.kind, s.name NULLS FIRST, a.code`;
  return rows.map((r) => ({ code: r.code, kind: r.kind, shopName: r.shop_name, balance: Number(r.balance) }));
}

/**
 * Escrow by order state: how much is held now (and for how many orders), how many orders are closed (completed or
 * refunded), and which closed orders still hold money in escrow (none when the books are right).
 */
export async function escrowByOrderState() {
  const rows = await db().$queryRaw<{ order_number: string; status: string; held: bigint }[]>`
    SELECT o.order_number, o.status, COALESCE(-SUM(l.amount), 0)::bigint AS held
    FROM orders o JOIN journal_lines l ON l.order_id = o.id JOIN ledger_accounts a ON a.id = l.account_id AND a.code = 'escrow'
    GROUP BY o.id, o.order_number, o.status`;
  const closed = rows.filter((r) => r.status === "received" || r.status === "refunded");
  const held = rows.filter((r) => r.held !== 0n);
  return {
    heldNow: held.reduce((sum, r) => sum + Number(r.held), 0),
    heldOrders: held.length,
    closedOrders: closed.length,
    closedNotZero: closed.filter((r) => r.held !== 0n).map((r) => ({ orderNumber: r.order_number, status: r.status, held: Number(r.held) })),
  };
}

/**
 * Per month of release (WIB): orders released, the commission and buyer fees fixed on them, and what the ledger
 * credited to platform revenue (which must be their sum).
 */
export async function platformRevenueByMonth() {
  const rows = await db().$queryRaw<{ month: string; orders: bigint; commission: bigint; fees: bigint; revenue: bigint }[]>`
    WITH released AS (
      SELECT to_char(released_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM') AS month, COUNT(*) AS orders,
             SUM(released_commission) AS commission, SUM(fee_total) AS fees
      FROM orders WHERE released_at IS NOT NULL GROUP BY 1),
    ledger AS (
      SELECT to_char(e.created_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM') AS month, -SUM(l.amount) AS revenue
      FROM journal_lines l JOIN ledger_accounts a ON a.id = l.account_id AND a.code = 'platform_revenue' JOIN journal_entries e ON e.id = l.entry_id
      GROUP BY 1)
    SELECT COALESCE(r.month, g.month) AS month, COALESCE(r.orders, 0)::bigint AS orders, COALESCE(r.commission, 0)::bigint AS commission,
           COALESCE(r.fees, 0)::bigint AS fees, COALESCE(g.revenue, 0)::bigint AS revenue
    FROM released r FULL JOIN ledger g ON g.month = r.month ORDER BY 1 DESC`;
  return rows.map((r) => ({ month: r.month, orders: Number(r.orders), commission: Number(r.commission), fees: Number(r.fees), revenue: Number(r.revenue) }));
}
