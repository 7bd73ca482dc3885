/**
 * What a checkout costs: goods, shipping per shop (one parcel per shop, its billable weight from the whole
 * parcel through the RateProvider), the buyer's service fee per order, and the total of the one payment.
 * Integer rupiah throughout.
 */
import { DomainError } from "../errors";
import type { Quote, RateProvider } from "../shipping/tariffs";

export interface PricedLine {
  unitPrice: number;
  quantity: number;
  /** One item, including packaging. */
  weightGrams: number;
}

export interface OrderTotals {
  goodsTotal: number;
  shippingCost: number;
  feeTotal: number;
  total: number;
}

/** Gateways and our INTEGER columns stop here; a basket above it is refused, not wrapped. */
export const MAX_PAYMENT_RUPIAH = 2_000_000_000;

function assertRupiah(n: number, name: string) {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer of rupiah, got ${n}`);
}

export function goodsTotal(lines: readonly PricedLine[]): number {
  let sum = 0;
  for (const line of lines) {
    assertRupiah(line.unitPrice, "unitPrice");
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) throw new RangeError(`quantity must be a positive integer, got ${line.quantity}`);
    sum += line.unitPrice * line.quantity;
  }
  return sum;
}

/** The parcel of one shop: every item of the order in one box. */
export function parcelWeightGrams(lines: readonly PricedLine[]): number {
  return lines.reduce((sum, line) => sum + line.weightGrams * line.quantity, 0);
}

export function orderTotals(lines: readonly PricedLine[], shippingCost: number, feeTotal: number): OrderTotals {
  assertRupiah(shippingCost, "shippingCost");
  assertRupiah(feeTotal, "feeTotal");
  const goods = goodsTotal(lines);
  const total = goods + shippingCost + feeTotal;
  if (total > MAX_PAYMENT_RUPIAH) throw new DomainError("validation", "checkout_total_too_large", { max: MAX_PAYMENT_RUPIAH });
  return { goodsTotal: goods, shippingCost, feeTotal, total };
}

/** The summary of a checkout: the sums of its orders, and the one amount the buyer pays. */
export function checkoutTotals(orders: readonly OrderTotals[]): OrderTotals {
  const sum = orders.reduce(
    (acc, o) => ({ goodsTotal: acc.goodsTotal + o.goodsTotal, shippingCost: acc.shippingCost + o.shippingCost, feeTotal: acc.feeTotal + o.feeTotal, total: acc.total + o.total }),
    { goodsTotal: 0, shippingCost: 0, feeTotal: 0, total: 0 },
  );
  if (sum.total > MAX_PAYMENT_RUPIAH) throw new DomainError("validation", "checkout_total_too_large", { max: MAX_PAYMENT_RUPIAH });
  return sum;
}

/** Courier services for one shop's parcel, cheapest first. */
export function quoteShopParcel(
  provider: RateProvider,
  route: { originProvince: string; originRegency?: string; destinationProvince: string; destinationRegency?: string },
  lines: readonly PricedLine[],
): Promise<Quote[]> {
  return provider.quote({ ...route, weightGrams: parcelWeightGrams(lines) });
}

/** The quote the buyer picked; a service that is not offered for this parcel is refused. */
export function pickQuote(quotes: readonly Quote[], serviceCode: string): Quote {
  const quote = quotes.find((q) => q.serviceCode === serviceCode);
  if (!quote) throw new DomainError("validation", "checkout_service_unavailable", { service: serviceCode });
  return quote;
}

export interface PriceCheck {
  key: string;
  /** The price the buyer saw (cart) or accepted (checkout form). */
  seen: number;
  current: number;
}

/** Lines whose price moved since the buyer saw it: to be shown and accepted, never silently charged. */
export function changedPrices(lines: readonly PriceCheck[]): PriceCheck[] {
  return lines.filter((l) => l.seen !== l.current);
}
