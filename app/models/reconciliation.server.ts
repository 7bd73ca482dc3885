// The ledger's side of reconciliation and the differences table.
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/infra/db.server";
import type { Difference, ReconRow } from "~/domain/payouts/reconcile";

/**
 * The ledger's side of each report: which entries (by idempotency key), the clearing account whose lines count, and
 * the provider's reference of the entry (the payout's reference_no, the payment's number = the gateway's order_id).
 */
const LEDGER_SIDE = {
  /** Completed payouts: the amount that left payout clearing. */
  payouts: { account: "payout_clearing", key: "payout-done:%", reference: Prisma.sql`w.provider_reference`, join: Prisma.sql`JOIN withdrawals w ON w.id::text = e.reference_id` },
  /** Settled payments: what came into provider clearing. */
  settlements: { account: "provider_clearing", key: "payment-settled:%", reference: Prisma.sql`p.payment_number`, join: Prisma.sql`JOIN payments p ON p.id::text = e.reference_id` },
} as const;

/** The ledger's rows of one report side posted in [from, to): reference and amount. */
export async function ledgerRowsBetween(side: keyof typeof LEDGER_SIDE, from: Date, to: Date): Promise<ReconRow[]> {
  const s = LEDGER_SIDE[side];
  const rows = await db().$queryRaw<{ reference: string; amount: bigint }[]>`
    SELECT ${s.reference} AS reference, SUM(l.amount)::bigint AS amount
    FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id JOIN ledger_accounts a ON a.id = l.account_id AND a.code = ${s.account}
    ${s.join}
    WHERE e.idempotency_key LIKE ${s.key} AND e.created_at >= ${from} AND e.created_at < ${to}
    GROUP BY 1`;
  return rows.map((r) => ({ reference: r.reference, amount: Number(r.amount) }));
}

export function insertDifferences(provider: string, reportDate: Date, differences: Difference[]) {
  return db().reconciliationDifference.createMany({
    data: differences.map((d) => ({ provider, reportDate, reference: d.reference, kind: d.kind, ledgerAmount: d.ledgerAmount, providerAmount: d.providerAmount })),
    skipDuplicates: true,
  });
}

export function listDifferences(opts: { open?: boolean; take?: number } = {}) {
  return db().reconciliationDifference.findMany({ where: opts.open ? { resolvedAt: null } : {}, orderBy: [{ reportDate: "desc" }, { reference: "asc" }], take: opts.take ?? 200 });
}

export function markDifferenceResolved(id: string, by: string, note: string, at: Date) {
  return db().reconciliationDifference.updateMany({ where: { id, resolvedAt: null }, data: { resolvedAt: at, resolvedBy: by, resolutionNote: note } });
}
