import { describe, expect, it } from "vitest";
import { orderedPriceRange } from "./price-range";

describe("price filter", () => {
  it("reads a range typed the wrong way round as the range between the two", () => {
    expect(orderedPriceRange(300_000, 100_000)).toEqual({ min: 100_000, max: 300_000 });
    expect(orderedPriceRange(100_000, 300_000)).toEqual({ min: 100_000, max: 300_000 });
    expect(orderedPriceRange(300_000, undefined)).toEqual({ min: 300_000, max: undefined });
    expect(orderedPriceRange(undefined, 5)).toEqual({ min: undefined, max: 5 });
  });
});
