/**
 * Daily reconciliation: the ledger's provider clearing (payments settled) and payout clearing (payouts completed)
 * of one Jakarta day against each provider's settlement report, by reference and amount. Every difference is
 * stored once per provider, day and reference for an admin to resolve, with what each side says.
 * The embedded sandboxes serve their reports over HTTP; with a real provider the day's CSV export is imported
 * with `reconcileReport`.
 */
import { DomainError } from "~/domain/errors";
import { jakartaDay, parseSettlementCsv, reconcile } from "~/domain/payouts/reconcile";
import { midtransConfig } from "~/infra/payments/gateway.server";
import { irisConfig } from "~/infra/payouts/iris.server";
import { insertDifferences, ledgerRowsBetween, listDifferences, markDifferenceResolved } from "~/models/reconciliation.server";

export type ReconProvider = "midtrans" | "iris";

async function fetchReport(provider: ReconProvider, date: string): Promise<string> {
  const [base, key] = provider === "iris" ? [irisConfig().baseUrl, irisConfig().creatorKey] : [midtransConfig().apiUrl, midtransConfig().serverKey];
  const res = await fetch(`${base}/reports/settlement.csv?date=${date}`, { headers: { Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` }, signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new Error(`${provider} settlement report ${date}: HTTP ${res.status}`);
  return res.text();
}

/** Compares one provider's report text for a day with the ledger and stores the differences. */
export async function reconcileReport(provider: ReconProvider, date: string, csv: string) {
  const { from, to } = jakartaDay(date);
  const [ledger, report] =
    provider === "iris"
      ? [await ledgerRowsBetween("payouts", from, to), parseSettlementCsv(csv, "reference_no", "amount", (r) => r.status === "completed")]
      : [await ledgerRowsBetween("settlements", from, to), parseSettlementCsv(csv, "order_id", "gross_amount", (r) => r.transaction_status === "settlement")];
  const differences = reconcile(ledger, report);
  await insertDifferences(provider, new Date(`${date}T00:00:00Z`), differences);
  return { provider, date, ledgerRows: ledger.length, reportRows: report.length, differences };
}

/** The daily job: yesterday (Jakarta) for both providers, unless a date is given. */
export async function runDailyReconciliation(date = jakartaYesterday(new Date())) {
  const out = [];
  for (const provider of ["midtrans", "iris"] as const) out.push(await reconcileReport(provider, date, await fetchReport(provider, date)));
  return out;
}

export function jakartaYesterday(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
}

export async function reconciliationDifferences(admin: { isAdmin: boolean }, opts: { open?: boolean } = {}) {
  if (!admin.isAdmin) throw new DomainError("forbidden", "payout.errors.adminOnly");
  return listDifferences(opts);
}

export async function resolveDifference(admin: { id: string; isAdmin: boolean }, id: string, note: string, now = new Date()) {
  if (!admin.isAdmin) throw new DomainError("forbidden", "payout.errors.adminOnly");
  const { count } = await markDifferenceResolved(id, admin.id, note.slice(0, 500), now);
  if (!count) throw new DomainError("conflict", "reconciliation.errors.resolved");
}
