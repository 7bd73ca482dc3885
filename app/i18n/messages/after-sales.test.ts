import { describe, expect, it } from "vitest";
import { CHAIN_ACTIONS, CHAIN_STATES } from "~/domain/dropship/after-sales";
import { afterSalesMessages } from "./after-sales";

describe("afterSalesMessages", () => {
  it("has the same keys in Indonesian and English, none empty", () => {
    expect(Object.keys(afterSalesMessages.en).sort()).toEqual(Object.keys(afterSalesMessages.id).sort());
    for (const text of [...Object.values(afterSalesMessages.id), ...Object.values(afterSalesMessages.en)]) expect(text.trim()).not.toBe("");
  });

  it("names every complaint state and every step on the timeline", () => {
    const keys = new Set(Object.keys(afterSalesMessages.id));
    for (const s of CHAIN_STATES) expect(keys.has(`complaint.state.${s}`), s).toBe(true);
    for (const a of CHAIN_ACTIONS) expect(keys.has(`orders.event.complaint_${a}`), a).toBe(true);
  });
});
