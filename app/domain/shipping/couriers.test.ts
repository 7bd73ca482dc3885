import { describe, it, expect } from "vitest";
import { billableWeightGrams } from "./billable-weight";
import { COURIER_SERVICES, COURIERS, findCourierService, isCourierCode, isCourierServiceCode } from "./couriers";

describe("courier services", () => {
  it("offers the services the product needs, with unique codes", () => {
    const codes = COURIER_SERVICES.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of ["jne-reg", "jne-yes", "jnt-ez", "sicepat-reg", "pos-reguler"]) {
      expect(isCourierServiceCode(code)).toBe(true);
    }
    expect(COURIER_SERVICES.some((s) => s.kind === "cargo")).toBe(true);
    expect(findCourierService("tiki-reg")).toBeUndefined();
  });

  it("lists each courier once, with its name", () => {
    expect(COURIERS.find((c) => c.code === "jne")).toEqual({ code: "jne", name: "JNE" });
    expect(new Set(COURIERS.map((c) => c.code)).size).toBe(COURIERS.length);
    expect(isCourierCode("jnt")).toBe(true);
    expect(isCourierCode("jne-reg")).toBe(false);
  });

  it("keeps the rules DOMAIN.md states", () => {
    expect(findCourierService("jne-reg")?.rule).toEqual({
      volumetricDivisor: 6000,
      minimumGrams: 1000,
      roundingToleranceGrams: 300,
      toleranceInclusive: true,
    });
    expect(findCourierService("jnt-ez")?.rule.volumetricDivisor).toBe(6000);
    expect(findCourierService("anteraja-reg")?.rule.volumetricDivisor).toBe(6000);
    expect(findCourierService("jnt-cargo")?.rule.volumetricDivisor).toBe(5000);
    expect(findCourierService("idx-cargo")?.rule.volumetricDivisor).toBe(4000);
    for (const s of COURIER_SERVICES.filter((s) => s.kind !== "cargo")) expect(s.rule.minimumGrams).toBe(1000);
  });

  it("has valid rules and delivery estimates", () => {
    for (const s of COURIER_SERVICES) {
      expect(() => billableWeightGrams(s.rule, { weightGrams: 1234 })).not.toThrow();
      expect(s.etd.minDays).toBeGreaterThanOrEqual(1);
      expect(s.etd.maxDays).toBeGreaterThanOrEqual(s.etd.minDays);
    }
  });
});
