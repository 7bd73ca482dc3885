import { describe, expect, it } from "vitest";
import { commissionOf, maxPartialRefund, percentOf, releaseAmounts, type ReleaseOrder } from "./release";

// Kemeja 150.000 + ongkir 18.000 + biaya layanan 1.000, commission 5 % = 7.500.
const order: ReleaseOrder = { shopId: "s1", goodsTotal: 150_000, shippingCost: 18_000, feeTotal: 1_000, total: 169_000, commission: 7_500 };

describe("commission", () => {
  it("is taken per line at its own rate, rounded down to the rupiah", () => {
    expect(commissionOf([{ goods: 150_000, rateBps: 500 }])).toBe(7_500);
    expect(commissionOf([{ goods: 99_999, rateBps: 250 }, { goods: 10_001, rateBps: 1_000 }])).toBe(2_499 + 1_000);
    expect(commissionOf([])).toBe(0);
    expect(percentOf(33, 50)).toBe(0);
  });

  it("refuses rates outside 0..100 % and non-integer money", () => {
    expect(() => percentOf(1000, 10_001)).toThrow(RangeError);
    expect(() => percentOf(10.5, 100)).toThrow(RangeError);
    expect(() => percentOf(-1, 100)).toThrow(RangeError);
  });
});

describe("release amounts", () => {
  it("full release: seller gets goods + shipping − commission, platform commission + fee", () => {
    const r = releaseAmounts(order);
    expect(r).toEqual({ escrow: 169_000, commission: 7_500, buyerFee: 1_000, withholding: 0, payees: [{ shopId: "s1", amount: 160_500 }], keptGoods: 150_000 });
  });

  it("PPh 22 at 0.5 % of the goods is withheld only when asked", () => {
    const r = releaseAmounts(order, { withholdingBps: 50 });
    expect(r.withholding).toBe(750);
    expect(r.payees[0].amount).toBe(160_500 - 750);
    expect(releaseAmounts(order, { withholdingBps: null }).withholding).toBe(0);
  });

  it("partial refund: the rest is released with commission and withholding on the goods the seller kept", () => {
    const r = releaseAmounts(order, { refunded: 50_000, withholdingBps: 50 });
    expect(r.escrow).toBe(119_000);
    expect(r.keptGoods).toBe(100_000);
    expect(r.commission).toBe(5_000); // 7.500 × 100.000 / 150.000
    expect(r.withholding).toBe(500);
    expect(r.payees).toEqual([{ shopId: "s1", amount: 100_000 + 18_000 - 5_000 - 500 }]);
    expect(r.payees[0].amount + r.commission + r.withholding + r.buyerFee).toBe(r.escrow);
  });

  it("a refund beyond the goods comes out of shipping; no commission on nothing kept", () => {
    const r = releaseAmounts(order, { refunded: 160_000 });
    expect(r.keptGoods).toBe(0);
    expect(r.commission).toBe(0);
    expect(r.escrow).toBe(9_000);
    expect(r.payees).toEqual([{ shopId: "s1", amount: 8_000 }]);
    const all = releaseAmounts(order, { refunded: maxPartialRefund(order) });
    expect(all.payees).toEqual([]);
    expect(all.escrow).toBe(1_000);
  });

  it("refuses a refund above the seller's part or of everything, and inconsistent orders", () => {
    expect(() => releaseAmounts(order, { refunded: 168_001 })).toThrow(RangeError);
    expect(() => releaseAmounts(order, { refunded: 169_000 })).toThrow(RangeError);
    expect(() => releaseAmounts({ ...order, total: 1 })).toThrow(RangeError);
    expect(() => releaseAmounts({ ...order, commission: 150_001 })).toThrow(RangeError);
  });

  it("rounds down every odd rupiah in the seller's favour and still adds up", () => {
    for (const refunded of [1, 7, 33_333, 99_999, 149_999, 150_001]) {
      const r = releaseAmounts({ ...order, commission: 7_777 }, { refunded, withholdingBps: 50 });
      expect(r.payees.reduce((s, p) => s + p.amount, 0) + r.commission + r.withholding + r.buyerFee).toBe(order.total - refunded);
    }
  });
});
