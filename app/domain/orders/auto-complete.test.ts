import { describe, expect, it } from "vitest";
import { autoCompleteAt, autoCompleteCutoffs, isAutoCompleteDue } from "./auto-complete";

const s = { daysAfterDelivery: 2, daysAfterShipping: 7 };
const shippedAt = new Date("2026-12-01T03:00:00Z");
const deliveredAt = new Date("2026-12-03T05:00:00Z");

describe("auto-complete deadlines", () => {
  it("delivered: N days after the tracker said delivered", () => {
    expect(autoCompleteAt({ status: "delivered", shippedAt, deliveredAt }, s)).toEqual(new Date("2026-12-05T05:00:00Z"));
    expect(isAutoCompleteDue({ status: "delivered", shippedAt, deliveredAt }, s, new Date("2026-12-05T04:59:59Z"))).toBe(false);
    expect(isAutoCompleteDue({ status: "delivered", shippedAt, deliveredAt }, s, new Date("2026-12-05T05:00:00Z"))).toBe(true);
  });

  it("shipped with no delivery ever reported: M days after shipping", () => {
    expect(autoCompleteAt({ status: "shipped", shippedAt, deliveredAt: null }, s)).toEqual(new Date("2026-12-08T03:00:00Z"));
    expect(isAutoCompleteDue({ status: "shipped", shippedAt, deliveredAt: null }, s, new Date("2026-12-08T02:00:00Z"))).toBe(false);
  });

  it("an open complaint stops the clock; other states never complete by themselves", () => {
    expect(autoCompleteAt({ status: "delivered", shippedAt, deliveredAt, complaintOpen: true }, s)).toBeNull();
    for (const status of ["paid", "processing", "received", "refunded", "cancelled"]) expect(autoCompleteAt({ status, shippedAt, deliveredAt }, s)).toBeNull();
  });

  it("cut-offs for the job's query", () => {
    const now = new Date("2026-12-10T00:00:00Z");
    expect(autoCompleteCutoffs(now, s)).toEqual({ deliveredBefore: new Date("2026-12-08T00:00:00Z"), shippedBefore: new Date("2026-12-03T00:00:00Z") });
  });
});
