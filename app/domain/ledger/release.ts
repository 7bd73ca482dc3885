/**
 * How much of an order's escrow goes where when it is released: commission (per line, at the rate in force when
 * the order was paid), the buyer's fee, optional PPh 22 withholding, and the seller's share, after any partial
 * refund. Pure and in integer rupiah; the service posts the result with escrowReleasePosting.
 *
 * Rules (docs/decisions/0017-release-and-complaints.md):
 *  - commission of a line = floor(goods value × rate_bps / 10 000); the order's commission is the sum of its lines;
 *  - a partial refund comes out of the seller's part (goods first, then shipping), never out of the buyer's fee;
 *    commission and withholding are then taken on the goods the seller kept: floor(full × kept / goods);
 *  - PPh 22 = floor(goods kept × rate_bps / 10 000), only when the platform withholds and the seller declared
 *    they are over the yearly threshold;
 *  - the seller gets goods + shipping − refund − commission − withholding; the platform commission + buyer fee.
 * Payees are a list so a three-way split (dropship) is an added case, not a rewrite.
 */

export const BPS = 10_000;

export interface CommissionLine {
  goods: number;
  rateBps: number;
}

function assertRupiah(n: number, name: string) {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer of rupiah, got ${n}`);
}

function assertBps(bps: number) {
  if (!Number.isInteger(bps) || bps < 0 || bps > BPS) throw new RangeError(`rate must be 0..${BPS} basis points, got ${bps}`);
}

export function percentOf(amount: number, rateBps: number): number {
  assertRupiah(amount, "amount");
  assertBps(rateBps);
  return Math.floor((amount * rateBps) / BPS);
}

/** Commission on the whole order: the sum of each line's commission at its own rate. */
export function commissionOf(lines: readonly CommissionLine[]): number {
  return lines.reduce((sum, l) => sum + percentOf(l.goods, l.rateBps), 0);
}

export interface ReleaseOrder {
  shopId: string;
  goodsTotal: number;
  shippingCost: number;
  feeTotal: number;
  /** goods + shipping + fee */
  total: number;
  /** Commission on the whole goods value, fixed at payment. */
  commission: number;
}

export interface ReleaseOptions {
  /** Already refunded to the buyer from this order's escrow (0 when none). */
  refunded?: number;
  /** PPh 22 rate when it is withheld for this seller, else null. */
  withholdingBps?: number | null;
}

export interface Payee {
  shopId: string;
  amount: number;
}

export interface ReleaseAmounts {
  /** Escrow released: total − refunded. */
  escrow: number;
  commission: number;
  buyerFee: number;
  withholding: number;
  /** What the seller(s) receive; sums with the three above to `escrow`. */
  payees: Payee[];
  /** The goods value the seller kept (base of commission and withholding). */
  keptGoods: number;
}

/** Largest partial refund: the seller's part of the order (goods + shipping); the buyer's fee is not refunded in part. */
export function maxPartialRefund(order: Pick<ReleaseOrder, "goodsTotal" | "shippingCost">): number {
  return order.goodsTotal + order.shippingCost;
}

export function releaseAmounts(order: ReleaseOrder, opts: ReleaseOptions = {}): ReleaseAmounts {
  for (const k of ["goodsTotal", "shippingCost", "feeTotal", "total", "commission"] as const) assertRupiah(order[k], k);
  if (order.goodsTotal + order.shippingCost + order.feeTotal !== order.total) throw new RangeError("goods + shipping + fee must equal the total");
  if (order.commission > order.goodsTotal) throw new RangeError("commission above the goods value");
  const refunded = opts.refunded ?? 0;
  assertRupiah(refunded, "refunded");
  if (refunded >= order.total) throw new RangeError("nothing left to release: the order was refunded in full");
  if (refunded > maxPartialRefund(order)) throw new RangeError("a partial refund cannot exceed goods + shipping");
  const keptGoods = Math.max(0, order.goodsTotal - refunded);
  const keptShipping = order.shippingCost - Math.max(0, refunded - order.goodsTotal);
  const commission = keptGoods === order.goodsTotal ? order.commission : order.goodsTotal === 0 ? 0 : Math.floor((order.commission * keptGoods) / order.goodsTotal);
  const withholding = opts.withholdingBps ? percentOf(keptGoods, opts.withholdingBps) : 0;
  const seller = keptGoods + keptShipping - commission - withholding;
  if (seller < 0) throw new RangeError("the seller's share would be negative");
  const escrow = order.total - refunded;
  const payees = seller > 0 ? [{ shopId: order.shopId, amount: seller }] : [];
  const result = { escrow, commission, buyerFee: order.feeTotal, withholding, payees, keptGoods };
  if (seller + commission + withholding + order.feeTotal !== escrow) throw new Error("release does not add up");
  return result;
}
