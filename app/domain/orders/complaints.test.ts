import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { answerDue, blocksAutoComplete, canEscalate, complaintMove } from "./complaints";

const now = new Date("2026-12-10T00:00:00Z");
const before = answerDue(now, 2);
const after = answerDue(now, -1);

function errorOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error("expected an error");
}

describe("complaint moves", () => {
  it("the seller settles an open complaint; money follows the choice", () => {
    expect(complaintMove("open", "accept_refund", "seller")).toMatchObject({ to: "resolved", money: "full_refund" });
    expect(complaintMove("open", "accept_partial", "seller")).toMatchObject({ to: "resolved", money: "partial_refund" });
    expect(complaintMove("open", "accept_return", "seller")).toMatchObject({ to: "return_requested", money: null });
    expect(complaintMove("return_requested", "return_shipped", "buyer").to).toBe("return_shipped");
    expect(complaintMove("return_shipped", "return_arrived", "seller")).toMatchObject({ to: "resolved", money: "full_refund" });
    // The return tracker reporting the parcel delivered counts as the seller's confirmation.
    expect(complaintMove("return_shipped", "return_arrived", "system")).toMatchObject({ to: "resolved", money: "full_refund" });
    expect(complaintMove("open", "reject", "seller").to).toBe("rejected");
    expect(complaintMove("escalated", "decide_reject", "admin")).toMatchObject({ to: "rejected_final", money: "release" });
  });

  it("refuses the wrong side and moves the table does not allow", () => {
    expect(errorOf(() => complaintMove("open", "accept_refund", "buyer")).code).toBe("forbidden");
    expect(errorOf(() => complaintMove("escalated", "decide_refund", "seller")).code).toBe("forbidden");
    expect(errorOf(() => complaintMove("resolved", "reject", "seller")).code).toBe("invalid_transition");
    expect(errorOf(() => complaintMove("open", "return_arrived", "seller")).code).toBe("invalid_transition");
    expect(errorOf(() => complaintMove("return_shipped", "return_arrived", "buyer")).code).toBe("forbidden");
    expect(errorOf(() => complaintMove("open", "accept_refund", "system")).code).toBe("forbidden");
  });
});

describe("deadlines", () => {
  it("the buyer asks an admin after a rejection, or when the seller did not answer in time", () => {
    expect(canEscalate({ status: "rejected", answerDueAt: before }, "buyer", now)).toBe(true);
    expect(canEscalate({ status: "rejected", answerDueAt: after }, "buyer", now)).toBe(false);
    expect(canEscalate({ status: "open", answerDueAt: before }, "buyer", now)).toBe(false);
    expect(canEscalate({ status: "open", answerDueAt: after }, "buyer", now)).toBe(true);
    expect(canEscalate({ status: "return_requested", answerDueAt: after }, "seller", now)).toBe(true);
    expect(canEscalate({ status: "return_requested", answerDueAt: before }, "seller", now)).toBe(false);
  });

  it("a complaint stops the auto-complete clock until settled; a rejection until the buyer's time to escalate ran out", () => {
    expect(blocksAutoComplete({ status: "open", answerDueAt: after }, now)).toBe(true);
    expect(blocksAutoComplete({ status: "escalated", answerDueAt: after }, now)).toBe(true);
    expect(blocksAutoComplete({ status: "rejected", answerDueAt: before }, now)).toBe(true);
    expect(blocksAutoComplete({ status: "rejected", answerDueAt: after }, now)).toBe(false);
    expect(blocksAutoComplete({ status: "resolved", answerDueAt: before }, now)).toBe(false);
  });
});
