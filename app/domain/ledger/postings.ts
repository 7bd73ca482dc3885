/**
 * Ledger postings: which accounts move, by how much, for each money event. Pure: the service writes the
 * entry and its lines in the same transaction as the state change, and the database checks that every
 * entry sums to zero and that nothing posted is ever changed.
 *
 * Sign: debit positive, credit negative (integer rupiah).
 * Accounts:
 *   provider_clearing          asset: money the gateway holds for us (settled, not yet paid out to our bank)
 *   escrow                     liability: buyers' money held per order (line dimension order_id)
 *   seller_available:<shopId>  liability: released to a seller, not yet paid out      (next issue)
 *   platform_revenue           income: commission and buyer fees                        (next issue)
 *   payout_clearing            liability: payouts sent to the payout provider, not yet confirmed (next issue)
 *   tax_payable                liability: PPh 22 withheld from sellers at release, owed to the tax office
 * Balance of escrow for an order = −(sum of its escrow lines): what the buyer paid and is still held.
 */

export const ACCOUNT_KINDS = ["provider_clearing", "escrow", "seller_available", "platform_revenue", "payout_clearing", "tax_payable"] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export interface AccountRef {
  code: string;
  kind: AccountKind;
  shopId?: string;
}

export const PROVIDER_CLEARING: AccountRef = { code: "provider_clearing", kind: "provider_clearing" };
export const ESCROW: AccountRef = { code: "escrow", kind: "escrow" };
export const PLATFORM_REVENUE: AccountRef = { code: "platform_revenue", kind: "platform_revenue" };
export const PAYOUT_CLEARING: AccountRef = { code: "payout_clearing", kind: "payout_clearing" };
export const TAX_PAYABLE: AccountRef = { code: "tax_payable", kind: "tax_payable" };
export function sellerAvailable(shopId: string): AccountRef {
  return { code: `seller_available:${shopId}`, kind: "seller_available", shopId };
}

export interface PostingLine {
  account: AccountRef;
  amount: number;
  orderId?: string;
  shopId?: string;
}

export const POSTING_KINDS = ["payment_settled", "refund", "escrow_release", "payout"] as const;

export interface Posting {
  /** Unique in the database: posting the same event twice writes one entry. */
  idempotencyKey: string;
  kind: (typeof POSTING_KINDS)[number];
  referenceType: "payment" | "refund" | "order" | "payout";
  referenceId: string;
  description: string;
  lines: PostingLine[];
}

function assertAmount(n: number, name: string) {
  if (!Number.isSafeInteger(n) || n <= 0) throw new RangeError(`${name} must be a positive integer of rupiah, got ${n}`);
}

/** Checks what the database checks too, so a wrong posting fails in a unit test before it reaches COMMIT. */
export function assertBalanced(posting: Posting): Posting {
  if (posting.lines.length < 2) throw new RangeError(`posting ${posting.idempotencyKey} needs at least two lines`);
  const sum = posting.lines.reduce((s, l) => s + l.amount, 0);
  if (sum !== 0) throw new RangeError(`posting ${posting.idempotencyKey} does not balance: ${sum}`);
  for (const l of posting.lines) if (!Number.isSafeInteger(l.amount) || l.amount === 0) throw new RangeError(`line amount must be a non-zero integer, got ${l.amount}`);
  return posting;
}

/**
 * A payment settled at the gateway: the whole amount is now at the provider (debit provider_clearing) and is
 * owed per order, held in escrow (one credit line per order). One entry per payment.
 */
export function paymentSettledPosting(payment: { id: string; paymentNumber: string; grossAmount: number; orders: readonly { id: string; shopId: string; total: number }[] }): Posting {
  assertAmount(payment.grossAmount, "grossAmount");
  for (const o of payment.orders) assertAmount(o.total, "order total");
  return assertBalanced({
    idempotencyKey: `payment-settled:${payment.id}`,
    kind: "payment_settled",
    referenceType: "payment",
    referenceId: payment.id,
    description: `Pembayaran ${payment.paymentNumber} lunas`,
    lines: [
      { account: PROVIDER_CLEARING, amount: payment.grossAmount },
      ...payment.orders.map((o) => ({ account: ESCROW, amount: -o.total, orderId: o.id, shopId: o.shopId })),
    ],
  });
}

/** A refund of one order went out through the gateway: the order's escrow goes back out of provider clearing. */
export function refundPosting(refund: { id: string; refundKey: string; orderId: string; shopId: string; amount: number }): Posting {
  assertAmount(refund.amount, "refund amount");
  return assertBalanced({
    idempotencyKey: `refund:${refund.refundKey}`,
    kind: "refund",
    referenceType: "refund",
    referenceId: refund.id,
    description: `Pengembalian dana ${refund.refundKey}`,
    lines: [
      { account: ESCROW, amount: refund.amount, orderId: refund.orderId, shopId: refund.shopId },
      { account: PROVIDER_CLEARING, amount: -refund.amount },
    ],
  });
}

/**
 * Release after receipt (or after a partial refund, of what is left): the order's escrow goes to the seller's
 * available balance (one line per payee; dropship adds payees), the commission and the buyer's fee to platform
 * revenue, and PPh 22 withheld to tax_payable. `total` is the escrow released. Exactly once per order.
 */
export function escrowReleasePosting(order: {
  id: string;
  orderNumber: string;
  shopId: string;
  total: number;
  commission: number;
  buyerFee: number;
  withholding?: number;
  payees?: readonly { shopId: string; amount: number }[];
}): Posting {
  assertAmount(order.total, "order total");
  const withholding = order.withholding ?? 0;
  const platform = order.commission + order.buyerFee;
  if (!Number.isSafeInteger(platform) || platform < 0 || !Number.isSafeInteger(withholding) || withholding < 0 || platform + withholding > order.total) {
    throw new RangeError("commission, fee and withholding must be below the order total");
  }
  const payees = order.payees ?? [{ shopId: order.shopId, amount: order.total - platform - withholding }];
  const lines: PostingLine[] = [{ account: ESCROW, amount: order.total, orderId: order.id, shopId: order.shopId }];
  for (const p of payees) if (p.amount !== 0) lines.push({ account: sellerAvailable(p.shopId), amount: -p.amount, orderId: order.id, shopId: p.shopId });
  if (platform > 0) lines.push({ account: PLATFORM_REVENUE, amount: -platform, orderId: order.id, shopId: order.shopId });
  if (withholding > 0) lines.push({ account: TAX_PAYABLE, amount: -withholding, orderId: order.id, shopId: order.shopId });
  return assertBalanced({ idempotencyKey: `escrow-release:${order.id}`, kind: "escrow_release", referenceType: "order", referenceId: order.id, description: `Dana pesanan ${order.orderNumber} diteruskan`, lines });
}

/** A seller asked to withdraw: the amount leaves their available balance and waits in payout clearing. */
export function withdrawalRequestedPosting(w: { id: string; number: string; shopId: string; amount: number }): Posting {
  assertAmount(w.amount, "withdrawal amount");
  return assertBalanced({
    idempotencyKey: `withdrawal:${w.id}`,
    kind: "payout",
    referenceType: "payout",
    referenceId: w.id,
    description: `Penarikan dana ${w.number}`,
    lines: [
      { account: sellerAvailable(w.shopId), amount: w.amount, shopId: w.shopId },
      { account: PAYOUT_CLEARING, amount: -w.amount, shopId: w.shopId },
    ],
  });
}

/** The payout provider paid the seller's bank: the money has left the provider's balance. */
export function payoutCompletedPosting(w: { id: string; number: string; shopId: string; amount: number; providerReference: string }): Posting {
  assertAmount(w.amount, "payout amount");
  return assertBalanced({
    idempotencyKey: `payout-done:${w.id}`,
    kind: "payout",
    referenceType: "payout",
    referenceId: w.id,
    description: `Penarikan dana ${w.number} terkirim (${w.providerReference})`,
    lines: [
      { account: PAYOUT_CLEARING, amount: w.amount, shopId: w.shopId },
      { account: PROVIDER_CLEARING, amount: -w.amount },
    ],
  });
}

/** The payout failed (or was rejected): the money goes back to the seller's available balance. */
export function payoutFailedPosting(w: { id: string; number: string; shopId: string; amount: number; reason: string }): Posting {
  assertAmount(w.amount, "payout amount");
  return assertBalanced({
    idempotencyKey: `payout-failed:${w.id}`,
    kind: "payout",
    referenceType: "payout",
    referenceId: w.id,
    description: `Penarikan dana ${w.number} gagal: ${w.reason}`.slice(0, 500),
    lines: [
      { account: PAYOUT_CLEARING, amount: w.amount, shopId: w.shopId },
      { account: sellerAvailable(w.shopId), amount: -w.amount, shopId: w.shopId },
    ],
  });
}
