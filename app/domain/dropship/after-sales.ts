/**
 * After-sales of a dropship program order: the complaint goes buyer → dropshipper → supplier → back, in one table
 * of moves. The plain complaint table (domain/orders/complaints.ts) is the model; the program order adds a hop.
 *
 *   open ─forward (dropshipper, note for the supplier)→ forwarded
 *   forwarded ─accept_refund / accept_partial (supplier, a percent)→ resolved
 *   forwarded ─accept_return (supplier)→ return_requested ─return_shipped (buyer, resi)→ return_shipped
 *   return_shipped ─return_arrived (supplier or admin)→ resolved (full refund)
 *   forwarded ─reject (supplier, reason)→ rejected
 *   open | forwarded | return_requested | return_shipped | rejected ─escalate→ escalated   (see canEscalateChain)
 *   escalated ─decide_refund / decide_partial / decide_reject→ resolved | rejected_final   (admin, the last resort)
 *
 * Every waiting state has one party whose turn it is and a deadline for it (`hopDeadline`); when that party lets
 * it pass, the others on the order may ask an admin. A rejection leaves the buyer (and the dropshipper, who
 * answers to the buyer) until the deadline to ask an admin; after it the order may complete.
 *
 * The supplier never sees the buyer's price, so it decides a partial refund as a percent of the order's goods and
 * shipping; the refund is then taken from supplier and dropshipper in proportion to what each would have received
 * (`refundShares`, the same apportioning the release uses).
 */
import { DomainError } from "../errors";
import { type ComplaintMoney, moveIn } from "../orders/complaints";
import { apportion } from "./settlement";

export const CHAIN_STATES = ["open", "forwarded", "return_requested", "return_shipped", "rejected", "escalated", "resolved", "rejected_final"] as const;
export type ChainState = (typeof CHAIN_STATES)[number];

export const CHAIN_ACTIONS = [
  "forward",
  "accept_refund",
  "accept_partial",
  "accept_return",
  "return_shipped",
  "return_arrived",
  "reject",
  "escalate",
  "decide_refund",
  "decide_partial",
  "decide_reject",
] as const;
export type ChainAction = (typeof CHAIN_ACTIONS)[number];

export type ChainActor = "buyer" | "dropshipper" | "supplier" | "admin";

interface ChainMove {
  from: readonly ChainState[];
  action: ChainAction;
  to: ChainState;
  actors: readonly ChainActor[];
  money: ComplaintMoney;
}

export const CHAIN_MOVES: readonly ChainMove[] = [
  { from: ["open"], action: "forward", to: "forwarded", actors: ["dropshipper"], money: null },
  { from: ["forwarded"], action: "accept_refund", to: "resolved", actors: ["supplier"], money: "full_refund" },
  { from: ["forwarded"], action: "accept_partial", to: "resolved", actors: ["supplier"], money: "partial_refund" },
  { from: ["forwarded"], action: "accept_return", to: "return_requested", actors: ["supplier"], money: null },
  { from: ["forwarded"], action: "reject", to: "rejected", actors: ["supplier"], money: null },
  { from: ["return_requested"], action: "return_shipped", to: "return_shipped", actors: ["buyer"], money: null },
  { from: ["return_shipped"], action: "return_arrived", to: "resolved", actors: ["supplier", "admin"], money: "full_refund" },
  { from: ["open", "forwarded", "return_requested", "return_shipped", "rejected"], action: "escalate", to: "escalated", actors: ["buyer", "dropshipper", "supplier"], money: null },
  { from: ["escalated"], action: "decide_refund", to: "resolved", actors: ["admin"], money: "full_refund" },
  { from: ["escalated"], action: "decide_partial", to: "resolved", actors: ["admin"], money: "partial_refund" },
  { from: ["escalated"], action: "decide_reject", to: "rejected_final", actors: ["admin"], money: "release" },
];

export function chainMove(state: string, action: ChainAction, actor: ChainActor): ChainMove {
  return moveIn(CHAIN_MOVES, state, action, actor);
}

/** Whose turn it is in each state (null: nobody's, the complaint is settled). */
export const TURN: Record<ChainState, ChainActor | null> = {
  open: "dropshipper",
  forwarded: "supplier",
  return_requested: "buyer",
  return_shipped: "supplier",
  // The buyer's (and the dropshipper's) time to ask an admin about the supplier's rejection.
  rejected: "buyer",
  escalated: "admin",
  resolved: null,
  rejected_final: null,
};

/** Days each party has for its hop (configured: DROPSHIP_COMPLAINT_FORWARD_DAYS, DROPSHIP_COMPLAINT_SUPPLIER_DAYS, COMPLAINT_ANSWER_DAYS). */
export interface HopDays {
  dropshipper: number;
  supplier: number;
  buyer: number;
}

const DAY_MS = 86_400_000;

/** The deadline of the hop that starts now in `state`; null when nobody waits on a deadline (admin, settled). */
export function hopDeadline(state: ChainState, now: Date, days: HopDays): Date | null {
  const turn = TURN[state];
  if (turn === null || turn === "admin") return null;
  return new Date(now.getTime() + days[turn] * DAY_MS);
}

/**
 * Whether this party may ask an admin now. Past the deadline of a hop, every party to it but the late one may; a
 * rejection may be taken to an admin by the buyer or the dropshipper until its deadline.
 */
export function canEscalateChain(c: { status: string; answerDueAt: Date }, actor: ChainActor, now: Date): boolean {
  if (actor === "admin") return false;
  const late = now.getTime() >= c.answerDueAt.getTime();
  if (c.status === "rejected") return !late && (actor === "buyer" || actor === "dropshipper");
  const turn = TURN[c.status as ChainState];
  if (!turn || turn === "admin") return false;
  // The supplier learns of a complaint only when it is forwarded to it.
  if (c.status === "open" && actor === "supplier") return false;
  return late && actor !== turn;
}

/** A partial refund the supplier decides as a whole percent (1–99) of what can be refunded (goods + shipping). */
export function partialRefundOf(maxRefund: number, percent: number): number {
  if (!Number.isInteger(percent) || percent < 1 || percent > 99) throw new DomainError("validation", "dropship.afterSales.percentInvalid");
  return Math.floor((maxRefund * percent) / 100);
}

/**
 * How a refund comes off the two shops: in proportion to what each would have received (supplier: dropship
 * cost + shipping; dropshipper: the margin). The same numbers the release subtracts (dropshipSplit).
 */
export function refundShares(refund: number, gross: { supplier: number; dropshipper: number }): { supplier: number; dropshipper: number } {
  const [supplier, dropshipper] = apportion(refund, [gross.supplier, gross.dropshipper]);
  return { supplier, dropshipper };
}

export type Audience = "buyer" | "dropshipper" | "supplier" | "admin";

/**
 * Timeline events whose `reason` is the buyer's or the dropshipper's words to each other: the buyer's complaint
 * (it may quote the price paid) and the dropshipper's answer. The supplier reads the dropshipper's note instead.
 */
const BUYER_SIDE_REASONS = new Set(["complaint_opened", "complaint_forward"]);

/**
 * One timeline event as a party may see it. Chain events are recorded as the "seller"'s (what the buyer sees:
 * one shop) with the real party in `detail.party`; the shops see which of them acted; the supplier does not read
 * the buyer-side words. Nothing else of the event is shown (amounts stay in the complaint panel, per party).
 */
export function eventFor<E extends { event: string; actorRole: string; reason: string | null; detail?: unknown }>(e: E, audience: Audience): E {
  const party = partyOf(e.detail);
  const actorRole = party && audience !== "buyer" ? party : e.actorRole;
  const reason = audience === "supplier" && BUYER_SIDE_REASONS.has(e.event) ? null : e.reason;
  return { ...e, actorRole, reason };
}

function partyOf(detail: unknown): "dropshipper" | "supplier" | null {
  if (!detail || typeof detail !== "object" || !("party" in detail)) return null;
  const p = (detail as { party: unknown }).party;
  return p === "dropshipper" || p === "supplier" ? p : null;
}

/** What the buyer is told the complaint's state is: one shop answers; the hop behind it does not show. */
export function buyerFacingState(state: string): string {
  return state === "forwarded" ? "open" : state;
}
