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
