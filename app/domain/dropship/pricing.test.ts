import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkOffer, checkOwnPrice, marginOf, percentToBps, repriceOnSupplierChange, roundUpTo, ROUNDING_STEPS, sellingPrice } from "./pricing";

describe("dropship markup and rounding", () => {
  it("20% on Rp87.000 is Rp104.400, rounded up to Rp104.500 or Rp105.000", () => {
    expect(sellingPrice(87_000, { kind: "percent", bps: 2000 }, 1)).toBe(104_400);
    expect(sellingPrice(87_000, { kind: "percent", bps: 2000 }, 500)).toBe(104_500);
    expect(sellingPrice(87_000, { kind: "percent", bps: 2000 }, 1000)).toBe(105_000);
  });

  it("a fraction of a rupiah from a percent goes up, and a price already on the step stays", () => {
    expect(sellingPrice(10_001, { kind: "percent", bps: 1250 }, 1)).toBe(11_252); // 10001 × 12.5% = 1250.125
    expect(sellingPrice(100_000, { kind: "percent", bps: 2000 }, 1000)).toBe(120_000);
    expect(roundUpTo(104_500, 500)).toBe(104_500);
    expect(roundUpTo(104_501, 500)).toBe(105_000);
    expect(roundUpTo(0, 1000)).toBe(0);
  });

  it("a fixed markup adds rupiah; zero markup sells at the dropship price", () => {
    expect(sellingPrice(45_250, { kind: "fixed", amount: 15_000 }, 500)).toBe(60_500);
    expect(sellingPrice(45_000, { kind: "fixed", amount: 0 }, 1000)).toBe(45_000);
  });

  it("never below the supplier's minimum selling price, which is then rounded up too", () => {
    expect(sellingPrice(80_000, { kind: "percent", bps: 500 }, 500, 99_000)).toBe(99_000);
    expect(sellingPrice(80_000, { kind: "percent", bps: 500 }, 1000, 99_200)).toBe(100_000);
    expect(sellingPrice(80_000, { kind: "percent", bps: 5000 }, 1000, 99_000)).toBe(120_000);
  });

  it("refuses nonsense instead of pricing it", () => {
    expect(() => sellingPrice(0, { kind: "fixed", amount: 1 }, 1)).toThrow(RangeError);
    expect(() => sellingPrice(1.5, { kind: "fixed", amount: 1 }, 1)).toThrow(RangeError);
    expect(() => sellingPrice(100, { kind: "percent", bps: -1 }, 1)).toThrow(RangeError);
    expect(() => sellingPrice(100, { kind: "fixed", amount: 1 }, 250 as never)).toThrow(RangeError);
    expect(() => sellingPrice(999_999_999, { kind: "percent", bps: 2000 }, 1)).toThrow(RangeError);
  });

  it("reads typed percentages as basis points", () => {
    expect(percentToBps("20")).toBe(2000);
    expect(percentToBps("12,5")).toBe(1250);
    expect(percentToBps(" 7.25 ")).toBe(725);
    expect(percentToBps("-3")).toBeNull();
    expect(percentToBps("abc")).toBeNull();
    expect(percentToBps("1.234")).toBeNull();
  });

  it("property: the price is on the step, ≥ dropship price + markup, ≥ the minimum, and less than one step above the larger of them", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.oneof(fc.record({ kind: fc.constant("percent" as const), bps: fc.integer({ min: 0, max: 30_000 }) }), fc.record({ kind: fc.constant("fixed" as const), amount: fc.integer({ min: 0, max: 5_000_000 }) })),
        fc.constantFrom(...ROUNDING_STEPS),
        fc.option(fc.integer({ min: 1, max: 100_000_000 }), { nil: null }),
        (cost, rule, step, min) => {
          const price = sellingPrice(cost, rule, step, min);
          const raw = rule.kind === "percent" ? cost + Math.ceil((cost * rule.bps) / 10_000) : cost + rule.amount;
          const floor = Math.max(raw, min ?? 0);
          expect(price % step).toBe(0);
          expect(price).toBeGreaterThanOrEqual(floor);
          expect(price - floor).toBeLessThan(step);
          expect(marginOf(price, cost)).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("a supplier price change", () => {
  it("keeps the listing and shows the new margin while it stays positive or zero", () => {
    expect(repriceOnSupplierChange({ sellingPrice: 105_000, dropshipPrice: 87_000 }, { dropshipPrice: 95_000 })).toEqual({ action: "keep", margin: 10_000, previousMargin: 18_000 });
    expect(repriceOnSupplierChange({ sellingPrice: 105_000, dropshipPrice: 87_000 }, { dropshipPrice: 105_000 })).toMatchObject({ action: "keep", margin: 0 });
  });

  it("unlists it when the margin would go negative or the new minimum is above the selling price", () => {
    expect(repriceOnSupplierChange({ sellingPrice: 105_000, dropshipPrice: 87_000 }, { dropshipPrice: 106_000 })).toEqual({ action: "unlist", margin: -1000, previousMargin: 18_000, reason: "negative_margin" });
    expect(repriceOnSupplierChange({ sellingPrice: 105_000, dropshipPrice: 87_000 }, { dropshipPrice: 87_000, minSellingPrice: 110_000 })).toMatchObject({ action: "unlist", reason: "below_minimum" });
  });

  it("a dropshipper's own price must cover the dropship price and the minimum", () => {
    expect(checkOwnPrice(100_000, { dropshipPrice: 87_000, minSellingPrice: 99_000 })).toBe("ok");
    expect(checkOwnPrice(86_000, { dropshipPrice: 87_000 })).toBe("below_cost");
    expect(checkOwnPrice(90_000, { dropshipPrice: 87_000, minSellingPrice: 99_000 })).toBe("below_minimum");
  });
});

describe("a supplier's offer", () => {
  it("a dropship price above Rp0 and at most the supplier's own price; a minimum not below it", () => {
    expect(checkOffer({ dropshipPrice: 87_000, minSellingPrice: 99_000 }, 120_000)).toBe("ok");
    expect(checkOffer({ dropshipPrice: 120_000 }, 120_000)).toBe("ok");
    expect(checkOffer({ dropshipPrice: 120_001 }, 120_000)).toBe("above_own_price");
    expect(checkOffer({ dropshipPrice: 0 }, 120_000)).toBe("invalid");
    expect(checkOffer({ dropshipPrice: 87_000.5 }, 120_000)).toBe("invalid");
    expect(checkOffer({ dropshipPrice: 87_000, minSellingPrice: 80_000 }, 120_000)).toBe("invalid");
  });
});
