import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import {
  buyerFacingState,
  CHAIN_ACTIONS,
  CHAIN_MOVES,
  CHAIN_STATES,
  canEscalateChain,
  chainMove,
  eventFor,
  hopDeadline,
  partialRefundOf,
  refundShares,
  type ChainAction,
  type ChainActor,
} from "./after-sales";

const ACTORS: ChainActor[] = ["buyer", "dropshipper", "supplier", "admin"];
const now = new Date("2026-12-10T03:00:00Z");
const DAY = 86_400_000;
const future = new Date(now.getTime() + DAY);
const past = new Date(now.getTime() - 1);

function errorOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error("expected an error");
}

/** Every legal move: state, action, actor, next state, money. */
const legal: [string, ChainAction, ChainActor, string, string | null][] = [
  ["open", "forward", "dropshipper", "forwarded", null],
  ["forwarded", "accept_refund", "supplier", "resolved", "full_refund"],
  ["forwarded", "accept_partial", "supplier", "resolved", "partial_refund"],
  ["forwarded", "accept_return", "supplier", "return_requested", null],
  ["forwarded", "reject", "supplier", "rejected", null],
  ["return_requested", "return_shipped", "buyer", "return_shipped", null],
  ["return_shipped", "return_arrived", "supplier", "resolved", "full_refund"],
  ["return_shipped", "return_arrived", "admin", "resolved", "full_refund"],
  ["escalated", "decide_refund", "admin", "resolved", "full_refund"],
  ["escalated", "decide_partial", "admin", "resolved", "partial_refund"],
  ["escalated", "decide_reject", "admin", "rejected_final", "release"],
  ...["open", "forwarded", "return_requested", "return_shipped", "rejected"].flatMap((s) =>
    ["buyer", "dropshipper", "supplier"].map((a): [string, ChainAction, ChainActor, string, null] => [s, "escalate", a as ChainActor, "escalated", null]),
  ),
];

describe("the after-sales chain of a program order", () => {
  it("each legal move: who makes it, where it leads, what the money does", () => {
    for (const [from, action, actor, to, money] of legal) expect(chainMove(from, action, actor), `${from} ${action} ${actor}`).toMatchObject({ to, money });
  });

  it("every other (state, action, actor) is refused: the wrong party is forbidden, a move the table lacks is invalid", () => {
    let refused = 0;
    for (const state of CHAIN_STATES) {
      for (const action of CHAIN_ACTIONS) {
        const move = CHAIN_MOVES.find((m) => m.action === action && (m.from as readonly string[]).includes(state));
        for (const actor of ACTORS) {
          if (move?.actors.includes(actor)) continue;
          const e = errorOf(() => chainMove(state, action, actor));
          expect(e.code, `${state} ${action} ${actor}`).toBe(move ? "forbidden" : "invalid_transition");
          refused++;
        }
      }
    }
    expect(refused).toBe(CHAIN_STATES.length * CHAIN_ACTIONS.length * ACTORS.length - legal.length);
  });

  it("names a few illegal moves a reader would worry about", () => {
    // The dropshipper does not decide money: it forwards.
    expect(errorOf(() => chainMove("open", "accept_refund", "dropshipper")).code).toBe("invalid_transition");
    expect(errorOf(() => chainMove("forwarded", "accept_partial", "dropshipper")).code).toBe("forbidden");
    // The supplier cannot act before the dropshipper forwarded, nor decide twice.
    expect(errorOf(() => chainMove("open", "reject", "supplier")).code).toBe("invalid_transition");
    expect(errorOf(() => chainMove("resolved", "accept_refund", "supplier")).code).toBe("invalid_transition");
    // Settled complaints do not move; an escalated one only by the admin.
    expect(errorOf(() => chainMove("rejected_final", "escalate", "buyer")).code).toBe("invalid_transition");
    expect(errorOf(() => chainMove("escalated", "decide_refund", "supplier")).code).toBe("forbidden");
    expect(errorOf(() => chainMove("escalated", "escalate", "buyer")).code).toBe("invalid_transition");
    expect(errorOf(() => chainMove("nonsense", "forward", "dropshipper")).code).toBe("invalid_transition");
  });
});

describe("hop deadlines and asking an admin", () => {
  const days = { dropshipper: 1, supplier: 2, buyer: 3 };

  it("each hop gets the days of the party whose turn it is; the admin and settled complaints have none", () => {
    expect(hopDeadline("open", now, days)?.getTime()).toBe(now.getTime() + DAY);
    expect(hopDeadline("forwarded", now, days)?.getTime()).toBe(now.getTime() + 2 * DAY);
    expect(hopDeadline("return_shipped", now, days)?.getTime()).toBe(now.getTime() + 2 * DAY);
    expect(hopDeadline("return_requested", now, days)?.getTime()).toBe(now.getTime() + 3 * DAY);
    expect(hopDeadline("rejected", now, days)?.getTime()).toBe(now.getTime() + 3 * DAY);
    expect(hopDeadline("escalated", now, days)).toBeNull();
    expect(hopDeadline("resolved", now, days)).toBeNull();
  });

  it("past a hop's deadline the other parties may ask an admin, never the late one", () => {
    const cases: [string, ChainActor[]][] = [
      ["open", ["buyer"]],
      ["forwarded", ["buyer", "dropshipper"]],
      ["return_requested", ["dropshipper", "supplier"]],
      ["return_shipped", ["buyer", "dropshipper"]],
    ];
    for (const [status, may] of cases) {
      for (const actor of ACTORS) {
        expect(canEscalateChain({ status, answerDueAt: past }, actor, now), `${status} late ${actor}`).toBe(may.includes(actor));
        expect(canEscalateChain({ status, answerDueAt: future }, actor, now), `${status} in time ${actor}`).toBe(false);
      }
    }
  });

  it("a rejection goes to an admin by the buyer or the dropshipper, until its deadline", () => {
    for (const actor of ACTORS) {
      expect(canEscalateChain({ status: "rejected", answerDueAt: future }, actor, now)).toBe(actor === "buyer" || actor === "dropshipper");
      expect(canEscalateChain({ status: "rejected", answerDueAt: past }, actor, now)).toBe(false);
    }
    for (const status of ["escalated", "resolved", "rejected_final"]) expect(canEscalateChain({ status, answerDueAt: past }, "buyer", now)).toBe(false);
  });
});

describe("money of a program complaint", () => {
  it("the supplier's partial refund is a whole percent of goods + shipping, rounded down", () => {
    expect(partialRefundOf(113_500, 30)).toBe(34_050);
    expect(partialRefundOf(99_999, 33)).toBe(32_999);
    for (const bad of [0, 100, 12.5, -1, Number.NaN]) expect(errorOf(() => partialRefundOf(100_000, bad)).messageKey).toBe("dropship.afterSales.percentInvalid");
  });

  it("a refund comes off supplier and dropshipper in proportion to what each would have received, to the rupiah", () => {
    // Supplier: Rp87.000 + Rp9.000 shipping; dropshipper: Rp17.500 margin. 30% of Rp113.500 = Rp34.050.
    expect(refundShares(34_050, { supplier: 96_000, dropshipper: 17_500 })).toEqual({ supplier: 28_800, dropshipper: 5_250 });
    const odd = refundShares(10_001, { supplier: 2, dropshipper: 1 });
    expect(odd.supplier + odd.dropshipper).toBe(10_001);
    // Largest remainder: 6667.33 and 3333.67, the last rupiah goes to the larger remainder.
    expect(odd).toEqual({ supplier: 6_667, dropshipper: 3_334 });
  });
});

describe("who sees what on the timeline", () => {
  const forward = { event: "complaint_forward", actorRole: "seller", reason: "Kami cek ke gudang ya, Kak", detail: { party: "dropshipper", note: "Cek jahitan" } };
  const decided = { event: "complaint_accept_partial", actorRole: "seller", reason: null, detail: { party: "supplier" } };
  const opened = { event: "complaint_opened", actorRole: "buyer", reason: "Saya bayar Rp104.500 tapi jahitannya lepas", detail: { reason: "damaged" } };

  it("the buyer sees one seller and the words meant for it", () => {
    expect(eventFor(forward, "buyer")).toMatchObject({ actorRole: "seller", reason: "Kami cek ke gudang ya, Kak" });
    expect(eventFor(decided, "buyer").actorRole).toBe("seller");
  });

  it("the shops see which of them acted; the supplier never reads the buyer's or the dropshipper's words to each other", () => {
    expect(eventFor(forward, "dropshipper")).toMatchObject({ actorRole: "dropshipper", reason: "Kami cek ke gudang ya, Kak" });
    expect(eventFor(forward, "supplier")).toMatchObject({ actorRole: "dropshipper", reason: null });
    expect(eventFor(opened, "supplier").reason).toBeNull();
    expect(eventFor(opened, "dropshipper").reason).toContain("104.500");
    expect(eventFor(decided, "supplier").actorRole).toBe("supplier");
  });

  it("the buyer is told the shop is answering while the supplier decides", () => {
    expect(buyerFacingState("forwarded")).toBe("open");
    expect(buyerFacingState("return_requested")).toBe("return_requested");
  });
});
