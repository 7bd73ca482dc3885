/**
 * The admin's finance page: every account's balance and the trial balance (it sums to zero when the books are
 * right), escrow held now, the check that every completed or refunded order's escrow is at zero, platform revenue
 * per month, and the reconciliation differences waiting for an admin.
 */
import { DomainError } from "~/domain/errors";
import { escrowByOrderState, platformRevenueByMonth, trialBalance } from "~/models/ledger.server";
import { reconciliationDifferences } from "./reconciliation.server";

export async function adminFinance(admin: { isAdmin: boolean }) {
  if (!admin.isAdmin) throw new DomainError("forbidden", "payout.errors.adminOnly");
  const [accounts, escrow, months, differences] = await Promise.all([trialBalance(), escrowByOrderState(), platformRevenueByMonth(), reconciliationDifferences(admin)]);
  const sumOf = (kind: string) => accounts.filter((a) => a.kind === kind).reduce((s, a) => s + a.balance, 0);
  return {
    // Natural signs: an asset's debit and a liability's or income's credit shown as positive amounts.
    totals: {
      providerClearing: sumOf("provider_clearing"),
      escrow: -sumOf("escrow"),
      sellerAvailable: -sumOf("seller_available"),
      payoutClearing: -sumOf("payout_clearing"),
      platformRevenue: -sumOf("platform_revenue"),
      taxPayable: -sumOf("tax_payable"),
    },
    accounts,
    debit: accounts.reduce((s, a) => s + Math.max(a.balance, 0), 0),
    credit: accounts.reduce((s, a) => s + Math.max(-a.balance, 0), 0),
    escrow,
    months,
    differences: differences.map((d) => ({
      id: d.id,
      provider: d.provider,
      reportDate: d.reportDate.toISOString().slice(0, 10),
      reference: d.reference,
      kind: d.kind,
      ledgerAmount: d.ledgerAmount,
      providerAmount: d.providerAmount,
      resolvedAt: d.resolvedAt?.toISOString() ?? null,
      resolutionNote: d.resolutionNote,
    })),
  };
}
