import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { ACTOR_ROLES, canTransition, FINAL_STATES, ORDER_EVENTS, ORDER_STATES, ORDER_TRANSITIONS, transition, type OrderEvent, type OrderState } from "./order-states";

const ALLOWED: Array<[OrderState, OrderEvent, OrderState]> = [
  ["awaiting_payment", "pay", "paid"],
  ["awaiting_payment", "expire", "expired"],
  ["awaiting_payment", "cancel", "cancelled"],
  ["paid", "accept", "processing"],
  ["paid", "cancel", "cancelled"],
  ["processing", "ship", "shipped"],
  ["processing", "cancel", "cancelled"],
  ["shipped", "deliver", "delivered"],
  ["shipped", "confirm_receipt", "received"],
  ["delivered", "confirm_receipt", "received"],
  ["cancelled", "refund", "refunded"],
  ["shipped", "refund", "refunded"],
  ["delivered", "refund", "refunded"],
  ["expired", "refund", "refunded"],
];

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}

describe("order state table", () => {
  it("has exactly the documented moves", () => {
    expect(ORDER_TRANSITIONS.map((m) => [m.from, m.event, m.to])).toEqual(ALLOWED);
  });

  for (const [from, event, to] of ALLOWED) {
    const move = ORDER_TRANSITIONS.find((m) => m.from === from && m.event === event)!;
    it(`${from} --${event}--> ${to} for ${move.actors.join("/")}, refused for the other actors`, () => {
      for (const actor of ACTOR_ROLES) {
        if (move.actors.includes(actor)) {
          expect(transition(from, event, actor, "alasan").to).toBe(to);
          expect(canTransition(from, event, actor)).toBe(true);
        } else {
          expect(errorOf(() => transition(from, event, actor, "alasan")).code).toBe("forbidden");
          expect(canTransition(from, event, actor)).toBe(false);
        }
      }
    });
  }

  // Every (state, event) pair not in the table is refused, whoever asks.
  for (const from of ORDER_STATES) {
    for (const event of ORDER_EVENTS) {
      if (ALLOWED.some(([f, e]) => f === from && e === event)) continue;
      it(`refuses ${from} --${event}-->`, () => {
        for (const actor of ACTOR_ROLES) {
          const error = errorOf(() => transition(from, event, actor, "alasan"));
          expect(error.code).toBe("invalid_transition");
          expect(error.messageKey).toBe("order_transition_refused");
        }
      });
    }
  }

  it("never moves a paid order back to awaiting payment, whatever event", () => {
    for (const event of ORDER_EVENTS) {
      for (const actor of ACTOR_ROLES) {
        if (canTransition("paid", event, actor)) expect(transition("paid", event, actor, "x").to).not.toBe("awaiting_payment");
      }
    }
  });

  it("asks for a reason when cancelling", () => {
    expect(errorOf(() => transition("paid", "cancel", "seller", "  ")).messageKey).toBe("order_reason_required");
    expect(transition("paid", "cancel", "seller", "Stok habis").effects).toEqual(expect.arrayContaining(["request_refund", "release_stock"]));
  });

  it("refunds only what was paid: cancelling an unpaid order releases stock without a refund", () => {
    expect(transition("awaiting_payment", "cancel", "buyer", "Salah pilih").effects).not.toContain("request_refund");
    expect(transition("awaiting_payment", "expire", "system").effects).toContain("release_stock");
    expect(transition("awaiting_payment", "pay", "system").effects).toContain("commit_stock");
  });

  it("rejects an unknown state", () => {
    expect(errorOf(() => transition("lost", "pay", "system")).messageKey).toBe("order_state_unknown");
  });

  it("ends in received and refunded", () => {
    expect([...FINAL_STATES].sort()).toEqual(["received", "refunded"]);
  });
});
