import type { Posting } from "~/domain/ledger/postings";
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
    include: { lines: { include: { account: { select: { code: true } } } } },
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
