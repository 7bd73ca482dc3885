/**
 * A seller's statement: every ledger line on their available balance, oldest first, with a running balance, and
 * a summary per month (Asia/Jakarta). Pure: rows come from the ledger (models/ledger.server.ts sellerLedgerRows).
 * Amounts are from the seller's side: money in is positive (release, failed payout back), money out negative.
 */
import { apportion } from "~/domain/dropship/settlement";

export type StatementKind = "release" | "withdrawal" | "payout_failed" | "other";

export interface LedgerRow {
  entryId: string;
  at: Date;
  idempotencyKey: string;
  description: string;
  orderNumber: string | null;
  /** Change of the seller's available balance (positive: in). */
  amount: number;
  /** The order the entry moved money for, as the ledger and the order row tell it; null when none. */
  order: ReleaseFacts | null;
}

/** What a release line needs to say how the seller's part was made up. */
export interface ReleaseFacts {
  goodsTotal: number;
  shippingCost: number;
  /** The buyer's service fee: the platform's, never part of a seller's funds. */
  feeTotal: number;
  /** Escrow the release entry moved (goods + shipping + fee, less what was refunded before). */
  escrowReleased: number;
  /** PPh 22 withheld from this seller in the entry. */
  withheld: number;
  /** A dropship order: the supplier's dropship prices × quantities, and whether this seller is its supplier. */
  dropship: { cost: number; asSupplier: boolean } | null;
}

export interface StatementLine extends LedgerRow {
  kind: StatementKind;
  balance: number;
  /**
   * For a release, the seller's part of the order's released funds (goods + shipping less refunds; on a dropship
   * order, the supplier's dropship price + shipping or the dropshipper's margin), what the platform took from it
   * (commission) and PPh 22 withheld: gross − platform − withheld = amount. Zero on other lines.
   */
  gross: number;
  platform: number;
  withheld: number;
}

export function kindOf(idempotencyKey: string): StatementKind {
  if (idempotencyKey.startsWith("escrow-release:")) return "release";
  if (idempotencyKey.startsWith("withdrawal:")) return "withdrawal";
  if (idempotencyKey.startsWith("payout-failed:")) return "payout_failed";
  return "other";
}

/**
 * The seller's funds in a release, before commission and withholding. A refund made before the release came out
 * of the seller's part (never the buyer's fee), and on a dropship order out of supplier and dropshipper in
 * proportion to their parts, as the release split it (domain/dropship/settlement.ts).
 */
export function releasedFundsOf(order: ReleaseFacts): number {
  const funds = order.escrowReleased - order.feeTotal;
  if (!order.dropship) return funds;
  const supplierPart = order.dropship.cost + order.shippingCost;
  const dropshipperPart = order.goodsTotal - order.dropship.cost;
  const [supplierBack, dropshipperBack] = apportion(order.goodsTotal + order.shippingCost - funds, [supplierPart, dropshipperPart]);
  return order.dropship.asSupplier ? supplierPart - supplierBack : dropshipperPart - dropshipperBack;
}

/**
 * The seller's part of what escrow holds for an order: what a release now would give them before commission. All
 * of it but the buyer's service fee, which goes to the platform (a partial refund never comes out of the fee; a
 * full refund leaves nothing); on a dropship order only this side's part, as the release will split it.
 */
export function heldForSeller(order: Omit<ReleaseFacts, "escrowReleased" | "withheld"> & { held: number }): number {
  return Math.max(0, releasedFundsOf({ ...order, escrowReleased: order.held, withheld: 0 }));
}

/** Oldest first with the balance after each line. */
export function runningStatement(rows: readonly LedgerRow[]): StatementLine[] {
  const sorted = [...rows].sort((a, b) => a.at.getTime() - b.at.getTime() || a.entryId.localeCompare(b.entryId));
  let balance = 0;
  return sorted.map((r) => {
    balance += r.amount;
    const kind = kindOf(r.idempotencyKey);
    if (kind !== "release" || !r.order) return { ...r, kind, balance, gross: 0, platform: 0, withheld: 0 };
    const gross = releasedFundsOf(r.order);
    const withheld = r.order.withheld;
    return { ...r, kind, balance, gross, platform: gross - withheld - r.amount, withheld };
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
