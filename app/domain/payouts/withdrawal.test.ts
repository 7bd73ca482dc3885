import { describe, expect, it } from "vitest";
import { checkWithdrawal, isOpen, transition } from "./withdrawal";

const ok = { amount: 60_000, available: 100_000, minimum: 50_000, hasOpenWithdrawal: false, bankChangePending: false, hasBankAccount: true };

describe("checkWithdrawal", () => {
  it("accepts an amount between the minimum and the available balance", () => {
    expect(() => checkWithdrawal(ok)).not.toThrow();
    expect(() => checkWithdrawal({ ...ok, amount: 50_000 })).not.toThrow();
    expect(() => checkWithdrawal({ ...ok, amount: 100_000 })).not.toThrow();
  });
  it.each([
    [{ amount: 49_999 }, "withdrawal.errors.minimum"],
    [{ amount: 100_001 }, "withdrawal.errors.overAvailable"],
    [{ amount: 60_000.5 }, "withdrawal.errors.amount"],
    [{ amount: 0 }, "withdrawal.errors.amount"],
    [{ hasOpenWithdrawal: true }, "withdrawal.errors.open"],
    [{ bankChangePending: true }, "withdrawal.errors.onHold"],
    [{ hasBankAccount: false }, "withdrawal.errors.noBank"],
  ])("refuses %o", (change, key) => {
    expect(() => checkWithdrawal({ ...ok, ...change })).toThrow(expect.objectContaining({ messageKey: key }));
  });
});

describe("withdrawal states", () => {
  it("moves forward and never out of a final state", () => {
    expect(transition("requested", "batch")).toBe("batched");
    expect(transition("batched", "send")).toBe("sent");
    expect(transition("sent", "complete")).toBe("completed");
    expect(transition("batched", "complete")).toBe("completed");
    expect(transition("sent", "fail")).toBe("failed");
    expect(transition("completed", "fail")).toBeNull();
    expect(transition("failed", "complete")).toBeNull();
    expect(transition("requested", "complete")).toBeNull();
    expect(["requested", "batched", "sent"].every(isOpen)).toBe(true);
    expect(isOpen("completed") || isOpen("failed")).toBe(false);
  });
});
