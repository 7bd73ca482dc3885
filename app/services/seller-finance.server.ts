/**
 * The seller's finance page: balances (escrow per order, available, paid out), the statement with running balance,
 * the monthly summary, CSV export and the PPh 22 declaration. Every call takes the seller's user id and reads only
 * that seller's shop.
 */
import { DomainError } from "~/domain/errors";
import { autoCompleteAt } from "~/domain/orders/auto-complete";
import { heldForSeller, monthlySummary, runningStatement } from "~/domain/ledger/statement";
import { toCsv } from "~/domain/csv";
import { env } from "~/infra/env.server";
import { balancesOfShop, escrowOrdersOfShop, sellerLedgerRows, withholdingByYear } from "~/models/ledger.server";
import { pph22Declaration, setPph22Declaration } from "~/models/release.server";
import { hasPendingBankChange } from "~/models/withdrawal.server";
import { shopIdOfOwner } from "~/models/shop-public.server";
import { autoCompleteSettings } from "./order-completion.server";

async function shopOf(ownerId: string): Promise<string> {
  const shopId = await shopIdOfOwner(ownerId);
  if (!shopId) throw new DomainError("forbidden", "seller.noShop");
  return shopId;
}

export async function sellerFinance(ownerId: string) {
  const shopId = await shopOf(ownerId);
  const [balances, escrow, rows, withholding, declaration, bankChangePending] = await Promise.all([
    balancesOfShop(shopId),
    escrowOrdersOfShop(shopId),
    sellerLedgerRows(shopId),
    withholdingByYear(shopId),
    pph22Declaration(shopId),
    hasPendingBankChange(undefined, shopId),
  ]);
  const statement = runningStatement(rows);
  const settings = autoCompleteSettings();
  // What the seller will get from escrow: their part of each order's held money (never the buyer's fee).
  // A dropshipper follows its orders on the dropship page (dropshipperDashboard), not among the orders it ships.
  const held = escrow.map(({ goodsTotal, shippingCost, dropship, ...o }) => ({
    ...o,
    held: heldForSeller({ goodsTotal, shippingCost, feeTotal: o.feeTotal, dropship, held: o.held }),
    asDropshipper: dropship?.asSupplier === false,
  }));
  return {
    balances: { ...balances, escrow: held.reduce((sum, o) => sum + o.held, 0) },
    /** A payout account change waits for review: withdrawals are on hold. */
    bankChangePending,
    escrow: held.map((o) => ({ ...o, completesAt: autoCompleteAt(o, settings) })),
    statement: [...statement].reverse(),
    months: monthlySummary(statement),
    withholding,
    pph22: { enabled: env().PPH22_ENABLED === "true", rateBps: env().PPH22_RATE_BPS, declared: declaration.pph22OverThreshold, declaredAt: declaration.pph22DeclaredAt },
  };
}

export const STATEMENT_CSV_FIELDS = ["tanggal", "jenis", "no_pesanan", "keterangan", "dana_pesanan", "komisi", "pph22", "jumlah", "saldo"] as const;

/** The whole statement as CSV (oldest first), amounts in integer rupiah, dates in WIB. */
export async function sellerStatementCsv(ownerId: string): Promise<string> {
  const shopId = await shopOf(ownerId);
  const lines = runningStatement(await sellerLedgerRows(shopId));
  const wib = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");
  return toCsv(
    STATEMENT_CSV_FIELDS,
    lines.map((l) => [wib(l.at), l.kind, l.orderNumber, l.description, l.gross || null, l.platform || null, l.withheld || null, l.amount, l.balance]),
  );
}

/** The seller declares (or withdraws the declaration) that their yearly turnover is over the PPh 22 threshold. */
export async function declarePph22(ownerId: string, over: boolean, now = new Date()) {
  await setPph22Declaration(await shopOf(ownerId), over, now);
}
