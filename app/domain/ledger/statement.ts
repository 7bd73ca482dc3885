/**
 * A seller's statement: every ledger line on their available balance, oldest first, with a running balance, and
 * a summary per month (Asia/Jakarta). Pure: rows come from the ledger (models/ledger.server.ts sellerLedgerRows).
 * Amounts are from the seller's side: money in is positive (release, failed payout back), money out negative.
 */
export type StatementKind = "release" | "withdrawal" | "payout_failed" | "other";

export interface LedgerRow {
  entryId: string;
  at: Date;
  idempotencyKey: string;
  description: string;
  orderNumber: string | null;
  /** Change of the seller's available balance (positive: in). */
  amount: number;
  /**
   * For a release: the order's funds released (goods + shipping, less refunds; the buyer's service fee, which goes
   * to the platform in the same entry, is left out), the commission, and PPh 22 withheld.
   */
  gross: number;
  platform: number;
  withheld: number;
}

export interface StatementLine extends LedgerRow {
  kind: StatementKind;
  balance: number;
}

export function kindOf(idempotencyKey: string): StatementKind {
  if (idempotencyKey.startsWith("escrow-release:")) return "release";
  if (idempotencyKey.startsWith("withdrawal:")) return "withdrawal";
  if (idempotencyKey.startsWith("payout-failed:")) return "payout_failed";
  return "other";
}

/** Oldest first with the balance after each line. */
export function runningStatement(rows: readonly LedgerRow[]): StatementLine[] {
  const sorted = [...rows].sort((a, b) => a.at.getTime() - b.at.getTime() || a.entryId.localeCompare(b.entryId));
  let balance = 0;
  return sorted.map((r) => {
    balance += r.amount;
    return { ...r, kind: kindOf(r.idempotencyKey), balance };
  });
}

/** "2026-12" in Asia/Jakarta (WIB, UTC+7 all year). */
export function monthOf(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
}

export interface MonthSummary {
  month: string;
  orders: number;
  /** Funds released for the seller's orders (goods + shipping, less refunds). */
  gross: number;
  platform: number;
  withheld: number;
  /** Credited to the available balance by releases. */
  released: number;
  withdrawn: number;
  returned: number;
  closing: number;
}

/** Newest month first. */
export function monthlySummary(lines: readonly StatementLine[]): MonthSummary[] {
  const months = new Map<string, MonthSummary>();
  for (const l of lines) {
    const key = monthOf(l.at);
    const m = months.get(key) ?? { month: key, orders: 0, gross: 0, platform: 0, withheld: 0, released: 0, withdrawn: 0, returned: 0, closing: 0 };
    if (l.kind === "release") {
      m.orders++;
      m.gross += l.gross;
      m.platform += l.platform;
      m.withheld += l.withheld;
      m.released += l.amount;
    } else if (l.kind === "withdrawal") m.withdrawn += -l.amount;
    else if (l.kind === "payout_failed") m.returned += l.amount;
    else m.released += l.amount;
    m.closing = l.balance;
    months.set(key, m);
  }
  return [...months.values()].sort((a, b) => b.month.localeCompare(a.month));
}
