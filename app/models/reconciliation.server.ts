// The ledger's side of reconciliation and the differences table.
import { db } from "~/infra/db.server";
import type { Difference, ReconRow } from "~/domain/payouts/reconcile";

/** Completed payouts posted that day: provider reference and the amount that left payout clearing. */
export async function ledgerPayoutsBetween(from: Date, to: Date): Promise<ReconRow[]> {
  const rows = await db().$queryRaw<{ reference: string; amount: bigint }[]>`
    SELECT w.provider_reference AS reference, SUM(l.amount)::bigint AS amount
    FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id JOIN ledger_accounts a ON a.id = l.account_id AND a.code = 'payout_clearing'
    JOIN withdrawals w ON w.id::text = e.reference_id
    WHERE e.idempotency_key LIKE 'payout-done:%' AND e.created_at >= ${from} AND e.created_at < ${to}
    GROUP BY w.provider_reference`;
  return rows.map((r) => ({ reference: r.reference, amount: Number(r.amount) }));
}

/** Payments settled that day: payment number (the gateway's order_id) and what came into provider clearing. */
export async function ledgerSettlementsBetween(from: Date, to: Date): Promise<ReconRow[]> {
  const rows = await db().$queryRaw<{ reference: string; amount: bigint }[]>`
    SELECT p.payment_number AS reference, SUM(l.amount)::bigint AS amount
    FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id JOIN ledger_accounts a ON a.id = l.account_id AND a.code = 'provider_clearing'
    JOIN payments p ON p.id::text = e.reference_id
    WHERE e.idempotency_key LIKE 'payment-settled:%' AND e.created_at >= ${from} AND e.created_at < ${to}
    GROUP BY p.payment_number`;
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
