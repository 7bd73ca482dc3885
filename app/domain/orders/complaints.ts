/**
 * Complaints ("Ajukan Komplain") before an order completes, in one table of moves.
 *
 *   open ─accept_refund / accept_partial→ resolved        (seller; the refund follows through the gateway)
 *   open ─accept_return→ return_requested ─return_shipped (buyer, resi)→ return_shipped ─return_arrived→ resolved
 *        (return_arrived: the seller confirms the parcel, an admin decides, or the return tracker says delivered)
 *   open ─reject (seller, reason)→ rejected
 *   open | return_requested | return_shipped | rejected ─escalate→ escalated   (buyer or seller; see canEscalate)
 *   escalated ─decide_refund / decide_partial→ resolved, ─decide_reject→ rejected_final   (admin)
 *
 * A complaint stops the auto-complete clock while it is open; a rejected one stops it until the buyer's time to
 * escalate has passed. Each answer has a deadline (COMPLAINT_ANSWER_DAYS); past it, either side may ask an admin.
 */
import { DomainError } from "../errors";

export const COMPLAINT_REASONS = ["not_received", "damaged", "wrong_item", "incomplete", "not_as_described", "other"] as const;
export type ComplaintReason = (typeof COMPLAINT_REASONS)[number];

export const COMPLAINT_STATES = ["open", "return_requested", "return_shipped", "rejected", "escalated", "resolved", "rejected_final"] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

export const COMPLAINT_ACTIONS = ["accept_refund", "accept_partial", "accept_return", "return_shipped", "return_arrived", "reject", "escalate", "decide_refund", "decide_partial", "decide_reject"] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

/** "system": the tracking job, when the courier reports the return parcel delivered. */
export type ComplaintActor = "buyer" | "seller" | "admin" | "system";

/** Photos a buyer may add to one complaint. */
export const COMPLAINT_PHOTOS_MAX = 5;

/** Where a complaint photo is served (the route checks who may see it): its thumbnail and its full size. */
export function complaintPhotoUrl(id: string, size: "small" | "large") {
  return `/komplain/foto/${id}/${size}`;
}
export const complaintPhotoLinks = (id: string) => ({ id, small: complaintPhotoUrl(id, "small"), large: complaintPhotoUrl(id, "large") });

/** What the money does once the move is applied. */
export type ComplaintMoney = "full_refund" | "partial_refund" | "release" | null;

interface Move {
  from: readonly ComplaintState[];
  action: ComplaintAction;
  to: ComplaintState;
  actors: readonly ComplaintActor[];
  money: ComplaintMoney;
}

export const COMPLAINT_MOVES: readonly Move[] = [
  { from: ["open"], action: "accept_refund", to: "resolved", actors: ["seller"], money: "full_refund" },
  { from: ["open"], action: "accept_partial", to: "resolved", actors: ["seller"], money: "partial_refund" },
  { from: ["open"], action: "accept_return", to: "return_requested", actors: ["seller"], money: null },
  { from: ["return_requested"], action: "return_shipped", to: "return_shipped", actors: ["buyer"], money: null },
  { from: ["return_shipped"], action: "return_arrived", to: "resolved", actors: ["seller", "admin", "system"], money: "full_refund" },
  { from: ["open"], action: "reject", to: "rejected", actors: ["seller"], money: null },
  { from: ["open", "return_requested", "return_shipped", "rejected"], action: "escalate", to: "escalated", actors: ["buyer", "seller"], money: null },
  { from: ["escalated"], action: "decide_refund", to: "resolved", actors: ["admin"], money: "full_refund" },
  { from: ["escalated"], action: "decide_partial", to: "resolved", actors: ["admin"], money: "partial_refund" },
  { from: ["escalated"], action: "decide_reject", to: "rejected_final", actors: ["admin"], money: "release" },
];

/**
 * The move of a complaint state table (this one, or a dropship chain's) for this action from this state by this
 * actor; refused when the table has none from here, forbidden when it is another side's move.
 */
export function moveIn<M extends { from: readonly string[]; action: string; actors: readonly string[] }>(table: readonly M[], state: string, action: M["action"], actor: M["actors"][number]): M {
  const move = table.find((m) => m.action === action && m.from.includes(state));
  if (!move) throw new DomainError("invalid_transition", "complaint.refused", { state, action });
  if (!move.actors.includes(actor)) throw new DomainError("forbidden", "complaint.forbidden", { action, actor });
  return move;
}

export function complaintMove(state: string, action: ComplaintAction, actor: ComplaintActor): Move {
  return moveIn(COMPLAINT_MOVES, state, action, actor);
}

/**
 * Whether this side may ask an admin now: the buyer after a rejection (until its deadline) or when the seller let
 * the answer deadline pass; the seller when the buyer let theirs pass (the return not shipped in time).
 */
export function canEscalate(c: { status: string; answerDueAt: Date }, actor: ComplaintActor, now: Date): boolean {
  const late = now.getTime() >= c.answerDueAt.getTime();
  if (actor === "buyer") return c.status === "rejected" ? !late : (c.status === "open" || c.status === "return_shipped") && late;
  if (actor === "seller") return c.status === "return_requested" && late;
  return false;
}

/** Whether the complaint holds the order back from completing by itself. */
export function blocksAutoComplete(c: { status: string; answerDueAt: Date }, now: Date): boolean {
  if (c.status === "resolved" || c.status === "rejected_final") return false;
  if (c.status === "rejected") return now.getTime() < c.answerDueAt.getTime();
  return true;
}

const DAY_MS = 86_400_000;
export function answerDue(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}
