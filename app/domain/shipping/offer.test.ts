import { describe, expect, it } from "vitest";
import { offeredQuotes } from "./offer";
import { sampleQuotes } from "./tariffs";

const codes = (weightGrams: number, dims: { lengthCm?: number; widthCm?: number; heightCm?: number } = {}) =>
  offeredQuotes(sampleQuotes({ originProvince: "32", destinationProvince: "35", weightGrams, ...dims })).map((q) => q.serviceCode);

describe("which shipping services a buyer is offered", () => {
  it("offers no cargo service for a 250 g scarf", () => {
    const offered = codes(250);
    expect(offered.length).toBeGreaterThan(0);
    expect(offered).not.toContain("jnt-cargo");
    expect(offered).not.toContain("idx-cargo");
  });

  it("offers cargo for a heavy parcel where it is the cheaper way", () => {
    const offered = offeredQuotes(sampleQuotes({ originProvince: "32", destinationProvince: "35", weightGrams: 40_000 }));
    const cargo = offered.filter((q) => q.kind === "cargo");
    expect(cargo.length).toBeGreaterThan(0);
    const cheapestOther = Math.min(...offered.filter((q) => q.kind !== "cargo").map((q) => q.priceRupiah));
    for (const q of cargo) expect(q.priceRupiah).toBeLessThanOrEqual(cheapestOther);
    expect(cargo[0].minimumKg).toBe(10);
  });

  it("keeps every quote when only cargo could quote", () => {
    const onlyCargo = sampleQuotes({ originProvince: "32", destinationProvince: "35", weightGrams: 500, serviceCodes: ["jnt-cargo"] });
    expect(offeredQuotes(onlyCargo).map((q) => q.serviceCode)).toEqual(["jnt-cargo"]);
  });
});
