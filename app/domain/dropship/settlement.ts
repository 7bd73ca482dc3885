/**
 * The money of a dropship order: who gets what when the escrow is released (supplier: dropship price + shipping;
 * dropshipper: the margin; platform: commission + the buyer's fee) and how a refund is taken back from supplier
 * and dropshipper in proportion. Pure; the postings reuse the ledger's accounts and its release idempotency key
 * (`escrow-release:<orderId>`), so an order is released once whether it is a plain or a dropship order.
 */
import { assertBalanced, PROVIDER_CLEARING, sellerAvailable, type Posting, type PostingLine } from "~/domain/ledger/postings";

/** Which side the platform's commission is taken from (configured: `DROPSHIP_COMMISSION_SIDE`). */
export type CommissionSide = "supplier" | "dropshipper";

export interface DropshipOrderMoney {
  /** What the buyer paid for the goods (the dropshipper's selling prices × quantities). */
  goodsTotal: number;
  /** Shipping the buyer paid: the supplier ships, so it is the supplier's. */
  shippingCost: number;
  /** The buyer's service fee: the platform's. */
  feeTotal: number;
  /** The supplier's dropship prices × quantities, as they were when the order was made. */
  dropshipCost: number;
  /** The platform's commission on what is released (computed by the release's rate rule). */
  commission: number;
  commissionSide: CommissionSide;
  /** Already refunded out of this order's escrow before the release (a partial refund). */
  refunded?: number;
}

export interface DropshipSplit {
  supplier: number;
  dropshipper: number;
  platform: number;
  /** What each side had before commission and refund: the weights of a later refund. */
  supplierGross: number;
  dropshipperGross: number;
}

function assertRupiah(n: number, name: string) {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer of rupiah, got ${n}`);
}

/**
 * Splits `amount` over the weights in proportion, in whole rupiah that add up exactly (largest remainder; ties
 * to the earlier weight). No part exceeds its weight when amount ≤ the sum of the weights.
 */
export function apportion(amount: number, weights: readonly number[]): number[] {
  assertRupiah(amount, "amount");
  weights.forEach((w, i) => assertRupiah(w, `weight ${i}`));
  const total = weights.reduce((s, w) => s + w, 0);
  if (amount === 0) return weights.map(() => 0);
  if (total === 0) throw new RangeError("cannot apportion over zero weights");
  // BigInt: amount × weight can pass 2^53 for large orders.
  const parts = weights.map((w) => {
    const num = BigInt(amount) * BigInt(w);
    return { floor: Number(num / BigInt(total)), rest: num % BigInt(total) };
  });
  let left = amount - parts.reduce((s, p) => s + p.floor, 0);
  const order = parts.map((p, i) => i).sort((a, b) => (parts[b].rest > parts[a].rest ? 1 : parts[b].rest < parts[a].rest ? -1 : a - b));
  const out = parts.map((p) => p.floor);
  for (const i of order) {
    if (left === 0) break;
    out[i]++;
    left--;
  }
  return out;
}

/**
 * The release split. Supplier gross = dropship cost + shipping; dropshipper gross = goods − dropship cost (the
 * margin). A partial refund made before the release comes off both in proportion to those grosses; the
 * commission comes off its configured side, and whatever that side cannot cover falls on the other. The three
 * parts always add up to what is left in escrow: goods + shipping + fee − refunded.
 */
export function dropshipSplit(m: DropshipOrderMoney): DropshipSplit {
  for (const [k, v] of Object.entries({ goodsTotal: m.goodsTotal, shippingCost: m.shippingCost, feeTotal: m.feeTotal, dropshipCost: m.dropshipCost, commission: m.commission, refunded: m.refunded ?? 0 })) assertRupiah(v, k);
  if (m.dropshipCost > m.goodsTotal) throw new RangeError("the dropship cost is above what the buyer paid for the goods: the listing should have been unlisted");
  const supplierGross = m.dropshipCost + m.shippingCost;
  const dropshipperGross = m.goodsTotal - m.dropshipCost;
  const refunded = m.refunded ?? 0;
  if (refunded > supplierGross + dropshipperGross) throw new RangeError("refunded more than goods and shipping");
  const [supplierBack, dropshipperBack] = apportion(refunded, [supplierGross, dropshipperGross]);
  let supplier = supplierGross - supplierBack;
  let dropshipper = dropshipperGross - dropshipperBack;
  if (m.commission > supplier + dropshipper) throw new RangeError("commission above what is left to release");
  if (m.commissionSide === "dropshipper") {
    const own = Math.min(m.commission, dropshipper);
    dropshipper -= own;
    supplier -= m.commission - own;
  } else {
    const own = Math.min(m.commission, supplier);
    supplier -= own;
    dropshipper -= m.commission - own;
  }
  return { supplier, dropshipper, platform: m.commission + m.feeTotal, supplierGross, dropshipperGross };
}

export interface DropshipParties {
  orderId: string;
  orderNumber: string;
  /** The shop the buyer bought from (the order's shop). */
  dropshipperShopId: string;
  supplierShopId: string;
}

/**
 * A refund after the release (the money already sits in the two available balances): taken back from supplier
 * and dropshipper in proportion to what each received, in one entry, out to the buyer through the gateway.
 * The platform keeps its commission and fee unless the caller refunds them separately.
 */
export function dropshipRefundAfterReleasePosting(p: DropshipParties, refund: { id: string; refundKey: string; amount: number }, received: { supplier: number; dropshipper: number }): Posting {
  if (!Number.isSafeInteger(refund.amount) || refund.amount <= 0) throw new RangeError("refund amount must be a positive integer of rupiah");
  if (refund.amount > received.supplier + received.dropshipper) throw new RangeError("refund above what supplier and dropshipper received");
  const [fromSupplier, fromDropshipper] = apportion(refund.amount, [received.supplier, received.dropshipper]);
  const lines: PostingLine[] = [];
  if (fromSupplier > 0) lines.push({ account: sellerAvailable(p.supplierShopId), amount: fromSupplier, orderId: p.orderId, shopId: p.supplierShopId });
  if (fromDropshipper > 0) lines.push({ account: sellerAvailable(p.dropshipperShopId), amount: fromDropshipper, orderId: p.orderId, shopId: p.dropshipperShopId });
  lines.push({ account: PROVIDER_CLEARING, amount: -refund.amount });
  return assertBalanced({
    idempotencyKey: `refund:${refund.refundKey}`,
    kind: "refund",
    referenceType: "refund",
    referenceId: refund.id,
    description: `Pengembalian dana ${refund.refundKey} (pemasok dan dropshipper)`,
    lines,
  });
}
