import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertBalanced, escrowReleasePosting } from "~/domain/ledger/postings";
import { apportion, dropshipRefundAfterReleasePosting, dropshipSplit, type DropshipOrderMoney } from "./settlement";

// Two units sold at Rp105.000 (dropship price Rp87.000), shipping Rp18.000, buyer fee Rp1.000, commission 5% of goods.
const order: DropshipOrderMoney = { goodsTotal: 210_000, shippingCost: 18_000, feeTotal: 1_000, dropshipCost: 174_000, commission: 10_500, commissionSide: "supplier" };
const parties = { orderId: "o-1", orderNumber: "LPK-1", dropshipperShopId: "shop-d", supplierShopId: "shop-s" };

describe("dropship release split", () => {
  it("supplier: dropship price + shipping; dropshipper: the margin; platform: commission + fee; to the rupiah", () => {
    expect(dropshipSplit(order)).toEqual({ supplier: 181_500, dropshipper: 36_000, platform: 11_500, supplierGross: 192_000, dropshipperGross: 36_000 });
    expect(dropshipSplit({ ...order, commissionSide: "dropshipper" })).toMatchObject({ supplier: 192_000, dropshipper: 25_500, platform: 11_500 });
  });

  it("commission the configured side cannot cover falls on the other side, never below zero", () => {
    const thin = { ...order, goodsTotal: 175_000, commission: 3_000, commissionSide: "dropshipper" as const };
    expect(dropshipSplit(thin)).toMatchObject({ dropshipper: 0, supplier: 190_000, platform: 4_000 });
  });

  it("a partial refund before release comes off supplier and dropshipper in proportion to what each would have got", () => {
    const split = dropshipSplit({ ...order, refunded: 57_000 });
    // 57.000 over 192.000 : 36.000 → 48.000 and 9.000
    expect(split).toMatchObject({ supplier: 192_000 - 48_000 - 10_500, dropshipper: 36_000 - 9_000, platform: 11_500 });
    expect(split.supplier + split.dropshipper + split.platform).toBe(229_000 - 57_000);
  });

  it("one release entry with the order's escrow out and three payees in, idempotent on the release key", () => {
    const split = dropshipSplit(order);
    const posting = escrowReleasePosting({
      id: "o-1",
      orderNumber: "LPK-1",
      shopId: "shop-d",
      total: 229_000,
      commission: 10_500,
      buyerFee: 1_000,
      payees: [
        { shopId: "shop-s", amount: split.supplier },
        { shopId: "shop-d", amount: split.dropshipper },
      ],
    });
    expect(posting.idempotencyKey).toBe("escrow-release:o-1");
    expect(posting.lines.map((l) => [l.account.code, l.amount])).toEqual([
      ["escrow", 229_000],
      ["seller_available:shop-s", -181_500],
      ["seller_available:shop-d", -36_000],
      ["platform_revenue", -11_500],
    ]);
  });

  it("refuses a split that would lose money (listing sold below the dropship price)", () => {
    expect(() => dropshipSplit({ ...order, dropshipCost: 211_000 })).toThrow(RangeError);
    expect(() => dropshipSplit({ ...order, refunded: 228_001 })).toThrow(RangeError);
  });

  it("property: the three parts are never negative and add up to the escrow left, for either side", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 0, max: 3_000 }),
        fc.constantFrom("supplier" as const, "dropshipper" as const),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (cost, margin, shipping, fee, rateBps, side, refundShare) => {
          const goods = cost + margin;
          const refunded = Math.floor((goods + shipping) * refundShare * 0.5);
          const commission = Math.floor(((goods + shipping - refunded) * rateBps) / 10_000);
          const s = dropshipSplit({ goodsTotal: goods, shippingCost: shipping, feeTotal: fee, dropshipCost: cost, commission, commissionSide: side, refunded });
          expect(s.supplier).toBeGreaterThanOrEqual(0);
          expect(s.dropshipper).toBeGreaterThanOrEqual(0);
          expect(s.supplier + s.dropshipper + s.platform).toBe(goods + shipping + fee - refunded);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("proportional refund", () => {
  it("apportions in whole rupiah that add up exactly (largest remainder)", () => {
    expect(apportion(100, [181_500, 36_000])).toEqual([83, 17]);
    expect(apportion(57_000, [192_000, 36_000])).toEqual([48_000, 9_000]);
    expect(apportion(1, [1, 1])).toEqual([1, 0]);
    expect(apportion(0, [0, 0])).toEqual([0, 0]);
    expect(apportion(10, [0, 5])).toEqual([0, 10]);
    expect(() => apportion(1, [0, 0])).toThrow(RangeError);
  });

  it("property: parts add up, none above its weight, each within one rupiah of the exact share", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2_000_000_000 }), { minLength: 1, maxLength: 4 }), fc.double({ min: 0, max: 1, noNaN: true }), (weights, share) => {
        const total = weights.reduce((a, b) => a + b, 0);
        fc.pre(total > 0);
        const amount = Math.floor(total * share);
        const parts = apportion(amount, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
        parts.forEach((p, i) => {
          expect(p).toBeLessThanOrEqual(weights[i]);
          expect(Math.abs(p - (amount * weights[i]) / total)).toBeLessThan(1.000001);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("a refund after release takes both sides back in proportion in one entry out through the gateway", () => {
    const posting = dropshipRefundAfterReleasePosting(parties, { id: "r-1", refundKey: "RF-LPK-1", amount: 100_000 }, { supplier: 181_500, dropshipper: 36_000 });
    expect(assertBalanced(posting)).toBe(posting);
    expect(posting.idempotencyKey).toBe("refund:RF-LPK-1");
    const [fromSupplier, fromDropshipper] = apportion(100_000, [181_500, 36_000]);
    expect(posting.lines.map((l) => [l.account.code, l.amount])).toEqual([
      ["seller_available:shop-s", fromSupplier],
      ["seller_available:shop-d", fromDropshipper],
      ["provider_clearing", -100_000],
    ]);
    expect([fromSupplier, fromDropshipper]).toEqual([83_448, 16_552]);
    expect(() => dropshipRefundAfterReleasePosting(parties, { id: "r-2", refundKey: "RF-2", amount: 217_501 }, { supplier: 181_500, dropshipper: 36_000 })).toThrow(RangeError);
  });
});
