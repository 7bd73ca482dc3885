/**
 * Release of escrow (the posting, in the completing transaction; completion itself is order-completion.server.ts),
 * exactly once: an order that completes ("Pesanan Diterima" by the buyer, an admin, or the
 * auto-complete job) moves to `received` and, in the same transaction, its escrow goes to the seller less
 * commission (and PPh 22 when withheld). Exactly once because (1) every path locks the order row and moves it
 * only from shipped/delivered, (2) the release entry has the unique idempotency key `escrow-release:<orderId>`,
 * and (3) state change and entry commit together, so a crash leaves neither.
 */
import { DomainError } from "~/domain/errors";
import { escrowReleasePosting } from "~/domain/ledger/postings";
import { commissionOf, releaseAmounts } from "~/domain/ledger/release";
import type { Tx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { postEntry } from "~/models/ledger.server";
import { commissionRatesOfOrder, escrowHeldInTx, fixCommission, markReleased, orderForRelease } from "~/models/release.server";

/** At payment: the commission rate of each line's top-level category is fixed on the order. */
export async function fixCommissionAtPayment(tx: Tx, orderId: string): Promise<number> {
  const lines = await commissionRatesOfOrder(tx, orderId);
  const commission = commissionOf(lines.map((l) => ({ goods: l.goods, rateBps: l.rate_bps })));
  await fixCommission(tx, orderId, lines, commission);
  return commission;
}

/** The PPh 22 rate for this seller, or null when nothing is withheld. */
export function withholdingRate(shop: { pph22OverThreshold: boolean }): number | null {
  const e = env();
  return e.PPH22_ENABLED === "true" && shop.pph22OverThreshold && e.PPH22_RATE_BPS > 0 ? e.PPH22_RATE_BPS : null;
}

/**
 * Releases what escrow still holds for the order (all of it, or what a partial refund left). Called in the
 * transaction that completes the order, with the order row locked. Returns false when there was nothing to do.
 */
export async function releaseEscrow(tx: Tx, orderId: string, now: Date): Promise<boolean> {
  const order = await orderForRelease(tx, orderId);
  const held = await escrowHeldInTx(tx, orderId);
  if (held <= 0) return false;
  const commission = order.commission ?? (await fixCommissionAtPayment(tx, orderId));
  const amounts = releaseAmounts({ ...order, commission }, { refunded: order.total - held, withholdingBps: withholdingRate(order.shop) });
  const posted = await postEntry(
    tx,
    escrowReleasePosting({ id: order.id, orderNumber: order.orderNumber, shopId: order.shopId, total: amounts.escrow, commission: amounts.commission, buyerFee: amounts.buyerFee, withholding: amounts.withholding, payees: amounts.payees }),
  );
  if (posted) await markReleased(tx, orderId, { at: now, commission: amounts.commission, withheld: amounts.withholding });
  return posted;
}
