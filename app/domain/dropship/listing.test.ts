import { describe, expect, it } from "vitest";
import { effectiveStock, sourceAvailable } from "./listing";

const source = (stock: number, status = "active", shopStatus = "approved") => ({ sourceProduct: { stock, status, shop: { status: shopStatus } } });

describe("a listing's stock is the supplier's", () => {
  it("reads the source's stock, never its own", () => {
    expect(effectiveStock({ stock: 0 }, source(7))).toBe(7);
    expect(effectiveStock({ stock: 99 }, source(0))).toBe(0);
    expect(effectiveStock({ stock: 5 }, null)).toBe(5);
  });

  it("is zero and unavailable when the supplier's product or shop stops selling", () => {
    expect(effectiveStock({ stock: 0 }, source(7, "inactive"))).toBe(0);
    expect(effectiveStock({ stock: 0 }, source(7, "active", "suspended"))).toBe(0);
    expect(sourceAvailable(source(7, "blocked"))).toBe(false);
    expect(sourceAvailable(source(7))).toBe(true);
    expect(sourceAvailable(undefined)).toBe(true);
  });
});
