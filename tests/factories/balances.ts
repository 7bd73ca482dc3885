import { escrowReleasePosting } from "../../app/domain/ledger/postings";
import { db } from "../../app/infra/db.server";
import { postEntry } from "../../app/models/ledger.server";
import { aPaidOrder } from "./paid-orders";
import { aSeller } from "./shops";

type Seller = Awaited<ReturnType<typeof aSeller>>;

/**
 * A seller with money in their available balance: a paid order (through the buying services) whose escrow is
 * released with the ledger's own posting, keeping the platform's cut so that exactly `available` reaches the seller.
 * Returns what the seller may withdraw.
 */
export async function aSellerWithBalance(opts: { available?: number; seller?: Seller; account?: string } = {}) {
  const seller = opts.seller ?? (await aSeller({ status: "approved", account: opts.account }));
  const { order } = await aPaidOrder({ seller });
  const available = Math.min(opts.available ?? order.total - order.feeTotal, order.total - order.feeTotal);
  const platform = order.total - available;
  await db().$transaction((tx) =>
    postEntry(tx, escrowReleasePosting({ id: order.id, orderNumber: order.orderNumber, shopId: seller.shop.id, total: order.total, commission: platform - order.feeTotal, buyerFee: order.feeTotal })),
  );
  return { seller, order, available };
}
