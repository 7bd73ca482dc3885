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
import { dropshipSplit } from "~/domain/dropship/settlement";
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
  const refunded = order.total - held;
  // A dropship order pays two shops (no PPh 22 withheld on it yet): the split replaces the single payee.
  const amounts = releaseAmounts({ ...order, commission }, { refunded, withholdingBps: order.fulfilmentShopId ? null : withholdingRate(order.shop) });
  const payees = order.fulfilmentShopId ? dropshipPayees({ ...order, fulfilmentShopId: order.fulfilmentShopId }, amounts.commission, refunded) : amounts.payees;
  const posted = await postEntry(
    tx,
    escrowReleasePosting({ id: order.id, orderNumber: order.orderNumber, shopId: order.shopId, total: amounts.escrow, commission: amounts.commission, buyerFee: amounts.buyerFee, withholding: amounts.withholding, payees }),
  );
  if (posted) await markReleased(tx, orderId, { at: now, commission: amounts.commission, withheld: amounts.withholding });
  return posted;
}

/**
 * The three-way split of a dropship order (supplier: dropship price + shipping; dropshipper: margin; the
 * commission off the side `DROPSHIP_COMMISSION_SIDE` names), what a partial refund took coming off both in
 * proportion. The platform's part (commission + fee) is the release's own.
 */
function dropshipPayees(
  order: { shopId: string; fulfilmentShopId: string; goodsTotal: number; shippingCost: number; feeTotal: number; items: { quantity: number; dropshipUnitPrice: number | null }[] },
  commission: number,
  refunded: number,
) {
  const split = dropshipSplit({
    goodsTotal: order.goodsTotal,
    shippingCost: order.shippingCost,
    feeTotal: order.feeTotal,
    dropshipCost: order.items.reduce((sum, i) => sum + (i.dropshipUnitPrice ?? 0) * i.quantity, 0),
    commission,
    commissionSide: env().DROPSHIP_COMMISSION_SIDE,
    refunded,
  });
  return [
    { shopId: order.fulfilmentShopId, amount: split.supplier },
    { shopId: order.shopId, amount: split.dropshipper },
  ];
}
