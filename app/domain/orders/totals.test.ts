import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { sampleQuotes, sampleRateProvider } from "../shipping/tariffs";
import { changedPrices, checkoutTotals, goodsTotal, MAX_PAYMENT_RUPIAH, orderTotals, parcelWeightGrams, pickQuote, quoteShopParcel } from "./totals";

const gamis = { unitPrice: 150_000, quantity: 2, weightGrams: 600 };
const kopi = { unitPrice: 45_500, quantity: 3, weightGrams: 250 };

describe("totals", () => {
  it("adds goods as price × quantity and the order total as goods + shipping + fee", () => {
    expect(goodsTotal([gamis, kopi])).toBe(436_500);
    expect(orderTotals([gamis, kopi], 18_000, 1_000)).toEqual({ goodsTotal: 436_500, shippingCost: 18_000, feeTotal: 1_000, total: 455_500 });
  });

  it("sums the orders of a checkout into the one payment", () => {
    const a = orderTotals([gamis], 9_000, 1_000);
    const b = orderTotals([kopi], 26_000, 1_000);
    expect(checkoutTotals([a, b])).toEqual({ goodsTotal: 436_500, shippingCost: 35_000, feeTotal: 2_000, total: 473_500 });
  });

  it("refuses a basket over the payment limit instead of overflowing", () => {
    expect(() => orderTotals([{ unitPrice: 1_000_000_000, quantity: 2, weightGrams: 1 }], 10_000, 0)).toThrow(DomainError);
    const half = orderTotals([{ unitPrice: MAX_PAYMENT_RUPIAH / 2, quantity: 1, weightGrams: 1 }], 0, 0);
    expect(() => checkoutTotals([half, half, half])).toThrow(DomainError);
  });

  it("refuses fractions and negative amounts", () => {
    expect(() => goodsTotal([{ unitPrice: 10.5, quantity: 1, weightGrams: 1 }])).toThrow(RangeError);
    expect(() => goodsTotal([{ unitPrice: 10, quantity: 0, weightGrams: 1 }])).toThrow(RangeError);
    expect(() => orderTotals([gamis], -1, 0)).toThrow(RangeError);
  });
});

describe("shipping per shop", () => {
  it("weighs the whole parcel: 2 × 600 g + 3 × 250 g = 1,950 g", () => {
    expect(parcelWeightGrams([gamis, kopi])).toBe(1_950);
  });

  it("charges the billable weight of the parcel once, not each item's minimum kilogram", async () => {
    const route = { originProvince: "32", destinationProvince: "35" };
    const parcel = await quoteShopParcel(sampleRateProvider, route, [gamis, kopi]);
    const jne = pickQuote(parcel, "jne-reg");
    // 1,950 g → 2 kg for JNE (0.95 kg over a kilogram is beyond its 0.3 kg tolerance).
    expect(jne.billableKg).toBe(2);
    expect(jne).toEqual(sampleQuotes({ ...route, weightGrams: 1_950 }).find((q) => q.serviceCode === "jne-reg"));
    const itemByItem = [gamis, kopi].reduce((sum, l) => sum + sampleQuotes({ ...route, weightGrams: l.weightGrams }).find((q) => q.serviceCode === "jne-reg")!.priceRupiah * l.quantity, 0);
    expect(jne.priceRupiah).toBeLessThan(itemByItem);
  });

  it("refuses a service that is not offered for the parcel", async () => {
    const quotes = await quoteShopParcel(sampleRateProvider, { originProvince: "32", destinationProvince: "32" }, [gamis]);
    expect(() => pickQuote(quotes, "kurir-fiktif")).toThrow(DomainError);
  });
});

describe("price changes", () => {
  it("lists only the lines whose price moved", () => {
    expect(changedPrices([{ key: "a", seen: 100, current: 100 }, { key: "b", seen: 100, current: 120 }])).toEqual([{ key: "b", seen: 100, current: 120 }]);
  });
});
