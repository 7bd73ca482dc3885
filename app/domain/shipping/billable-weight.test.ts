import { describe, it, expect } from "vitest";
import {
  billableWeightGrams,
  volumetricExceedsActual,
  volumetricWeightGrams,
  type BillableWeightRule,
} from "./billable-weight";

const jneReg: BillableWeightRule = {
  volumetricDivisor: 6000,
  minimumGrams: 1000,
  roundingToleranceGrams: 300,
  toleranceInclusive: true,
};
const exclusive300: BillableWeightRule = { ...jneReg, toleranceInclusive: false };
const alwaysUp: BillableWeightRule = { ...jneReg, roundingToleranceGrams: 0, toleranceInclusive: false };
const cargo5000: BillableWeightRule = {
  volumetricDivisor: 5000,
  minimumGrams: 10_000,
  roundingToleranceGrams: 300,
  toleranceInclusive: true,
};
const cargo4000: BillableWeightRule = { ...cargo5000, volumetricDivisor: 4000 };

const kg = (rule: BillableWeightRule, weightGrams: number) => billableWeightGrams(rule, { weightGrams }).billableKg;

describe("billableWeightGrams: rounding to whole kilograms", () => {
  it("rounds 1300 g down to 1 kg when the 300 g tolerance is inclusive (JNE)", () => {
    expect(kg(jneReg, 1300)).toBe(1);
  });

  it("rounds 1301 g and 1310 g up to 2 kg", () => {
    expect(kg(jneReg, 1301)).toBe(2);
    expect(kg(jneReg, 1310)).toBe(2);
  });

  it("rounds 1300 g up when the boundary is exclusive (aggregator table)", () => {
    expect(kg(exclusive300, 1300)).toBe(2);
    expect(kg(exclusive300, 1299)).toBe(1);
  });

  it("keeps whole kilograms as they are, even with tolerance 0", () => {
    expect(kg(jneReg, 2000)).toBe(2);
    expect(kg(alwaysUp, 2000)).toBe(2);
    expect(kg(alwaysUp, 2001)).toBe(3);
  });

  it("charges the 1 kg minimum for 999 g, 1 g and 0 g", () => {
    expect(kg(jneReg, 999)).toBe(1);
    expect(kg(jneReg, 1)).toBe(1);
    expect(kg(jneReg, 0)).toBe(1);
  });

  it("never charges 0 kg for a light parcel under a rule without minimum", () => {
    const noMinimum = { ...jneReg, minimumGrams: 0 };
    expect(kg(noMinimum, 200)).toBe(1);
    expect(kg(noMinimum, 0)).toBe(0);
  });

  it("does not suffer float traps around 1.3 kg, 2.3 kg, 4.3 kg", () => {
    for (const whole of [1, 2, 4, 7, 19]) {
      expect(kg(jneReg, whole * 1000 + 300)).toBe(whole);
      expect(kg(jneReg, whole * 1000 + 301)).toBe(whole + 1);
    }
  });
});

describe("billableWeightGrams: volumetric weight", () => {
  it("has no volumetric weight when a dimension is missing", () => {
    const result = billableWeightGrams(jneReg, { weightGrams: 1500, lengthCm: 100, widthCm: 100 });
    expect(result).toEqual({ actualGrams: 1500, volumetricGrams: 0, billableKg: 2, usedVolumetric: false });
  });

  it("has 0 volumetric weight with a 0 cm dimension", () => {
    const result = billableWeightGrams(jneReg, { weightGrams: 500, lengthCm: 0, widthCm: 10, heightCm: 10 });
    expect(result.volumetricGrams).toBe(0);
    expect(result.billableKg).toBe(1);
  });

  it("charges 30×30×30 cm (4.5 kg volumetric) as 5 kg: 500 g over is above the 300 g tolerance", () => {
    const result = billableWeightGrams(jneReg, { weightGrams: 800, lengthCm: 30, widthCm: 30, heightCm: 30 });
    expect(result).toEqual({ actualGrams: 800, volumetricGrams: 4500, billableKg: 5, usedVolumetric: true });
  });

  it("uses the actual weight when it is above the volumetric weight", () => {
    const result = billableWeightGrams(jneReg, { weightGrams: 6200, lengthCm: 30, widthCm: 30, heightCm: 30 });
    expect(result).toEqual({ actualGrams: 6200, volumetricGrams: 4500, billableKg: 6, usedVolumetric: false });
  });

  it("applies the tolerance to the volumetric weight exactly (1.3 kg volumetric → 1 kg)", () => {
    // 26 × 30 × 10 = 7800 cm³ / 6000 = 1.3 kg exactly
    const result = billableWeightGrams(jneReg, { weightGrams: 100, lengthCm: 26, widthCm: 30, heightCm: 10 });
    expect(result.volumetricGrams).toBe(1300);
    expect(result.billableKg).toBe(1);
    expect(result.usedVolumetric).toBe(true);
  });

  it("does not round a fractional volumetric gram into the next kilogram", () => {
    // 7801 cm³ / 6000 = 1300.1666 g: over the tolerance → 2 kg, displayed as 1301 g
    const over = billableWeightGrams(jneReg, { weightGrams: 100, lengthCm: 7801, widthCm: 1, heightCm: 1 });
    expect(over.volumetricGrams).toBe(1301);
    expect(over.billableKg).toBe(2);
    // 7799 cm³ / 6000 = 1299.8333 g: exclusive tolerance still rounds down (ceil would give 1300 → 2 kg)
    const under = billableWeightGrams(exclusive300, { weightGrams: 100, lengthCm: 7799, widthCm: 1, heightCm: 1 });
    expect(under.volumetricGrams).toBe(1300);
    expect(under.billableKg).toBe(1);
  });

  it("accepts decimal centimetres (12.5 cm) without float error", () => {
    // 12.5 × 20 × 24 = 6000 cm³ = 1 kg exactly
    const result = billableWeightGrams(alwaysUp, { weightGrams: 100, lengthCm: 12.5, widthCm: 20, heightCm: 24 });
    expect(result.volumetricGrams).toBe(1000);
    expect(result.billableKg).toBe(1);
  });

  it("divisor 5000 cargo: 60×50×40 cm = 24 kg volumetric, above the 10 kg minimum", () => {
    const result = billableWeightGrams(cargo5000, { weightGrams: 15_000, lengthCm: 60, widthCm: 50, heightCm: 40 });
    expect(result).toEqual({ actualGrams: 15_000, volumetricGrams: 24_000, billableKg: 24, usedVolumetric: true });
  });

  it("divisor 5000 cargo: a small heavy parcel pays the 10 kg minimum", () => {
    const result = billableWeightGrams(cargo5000, { weightGrams: 3_000, lengthCm: 20, widthCm: 20, heightCm: 20 });
    expect(result).toEqual({ actualGrams: 3_000, volumetricGrams: 1_600, billableKg: 10, usedVolumetric: false });
  });

  it("divisor 4000 cargo: 50×40×30 cm = 15 kg (vs 12 kg at 5000, 10 kg at 6000)", () => {
    const parcel = { weightGrams: 9_000, lengthCm: 50, widthCm: 40, heightCm: 30 };
    expect(billableWeightGrams(cargo4000, parcel)).toEqual({
      actualGrams: 9_000,
      volumetricGrams: 15_000,
      billableKg: 15,
      usedVolumetric: true,
    });
    expect(billableWeightGrams(cargo5000, parcel).billableKg).toBe(12);
    expect(billableWeightGrams({ ...cargo5000, volumetricDivisor: 6000 }, parcel).billableKg).toBe(10);
  });

  it("divisor 4000 cargo: 45×35×35 cm = 13.78 kg → 14 kg", () => {
    const result = billableWeightGrams(cargo4000, { weightGrams: 5_000, lengthCm: 45, widthCm: 35, heightCm: 35 });
    expect(result.volumetricGrams).toBe(13_782); // 55125 cm³ / 4000 = 13.78125 kg
    expect(result.billableKg).toBe(14);
  });
});

describe("billableWeightGrams: invalid input", () => {
  it("rejects negative or fractional grams and bad rules", () => {
    expect(() => kg(jneReg, -1)).toThrow(RangeError);
    expect(() => kg(jneReg, 1.5)).toThrow(RangeError);
    expect(() => kg({ ...jneReg, volumetricDivisor: 0 }, 1000)).toThrow(RangeError);
    expect(() => kg({ ...jneReg, roundingToleranceGrams: 1000 }, 1000)).toThrow(RangeError);
    expect(() => billableWeightGrams(jneReg, { weightGrams: 1, lengthCm: -1, widthCm: 1, heightCm: 1 })).toThrow(
      RangeError,
    );
  });
});

describe("volumetricExceedsActual", () => {
  it("warns when the box weighs less than its size (divisor 6000)", () => {
    expect(volumetricExceedsActual({ weightGrams: 800, lengthCm: 30, widthCm: 30, heightCm: 30 })).toBe(true);
    expect(volumetricExceedsActual({ weightGrams: 4500, lengthCm: 30, widthCm: 30, heightCm: 30 })).toBe(false);
    expect(volumetricExceedsActual({ weightGrams: 4499, lengthCm: 30, widthCm: 30, heightCm: 30 })).toBe(true);
  });

  it("does not warn without all three dimensions", () => {
    expect(volumetricExceedsActual({ weightGrams: 1, lengthCm: 100, widthCm: 100 })).toBe(false);
  });

  it("takes another divisor", () => {
    // 20×20×20 = 8000 cm³: 1.33 kg at 6000, 2 kg at 4000
    const parcel = { weightGrams: 1500, lengthCm: 20, widthCm: 20, heightCm: 20 };
    expect(volumetricExceedsActual(parcel)).toBe(false);
    expect(volumetricExceedsActual(parcel, 4000)).toBe(true);
  });
});

describe("volumetricWeightGrams", () => {
  it("rounds up to a whole gram", () => {
    expect(volumetricWeightGrams({ lengthCm: 10, widthCm: 10, heightCm: 10 })).toBe(167); // 166.67 g
    expect(volumetricWeightGrams({ lengthCm: 30, widthCm: 30, heightCm: 30 }, 5000)).toBe(5400);
  });
});
