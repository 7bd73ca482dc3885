/**
 * Order states and every move between them, in one table.
 *
 *   awaiting_payment ─pay→ paid ─accept→ processing ─ship→ shipped ─deliver→ delivered ─confirm_receipt→ received
 *   awaiting_payment ─expire→ expired            (stock back; a payment that settles later is refunded)
 *   awaiting_payment ─cancel→ cancelled          (before payment: stock back, nothing to refund)
 *   paid | processing ─cancel→ cancelled         (seller, admin or the late-shipping job: stock back + refund)
 *   cancelled | expired ─refund→ refunded         (the gateway confirmed the refund)
 *   shipped ─confirm_receipt→ received            (the buyer may confirm before tracking says delivered; the job
 *                                                  after AUTO_COMPLETE_DAYS_AFTER_SHIPPING); received releases escrow
 *
 * `transition` validates a move (state, event, actor) and says what must happen with it (effects); the
 * service applies it in one transaction and records who, when and why.
 */
import { DomainError } from "../errors";

export const ORDER_STATES = ["awaiting_payment", "paid", "processing", "shipped", "delivered", "received", "expired", "cancelled", "refunded"] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const ORDER_EVENTS = ["pay", "expire", "accept", "ship", "deliver", "confirm_receipt", "cancel", "refund"] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

export const ACTOR_ROLES = ["buyer", "seller", "admin", "system"] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export type OrderEffect =
  | "commit_stock" // held reservations become sales
  | "release_stock" // held or committed stock goes back to the product
  | "request_refund" // money was paid: refund it through the gateway
  | "release_escrow" // the order is complete: its escrow goes to the seller less commission (exactly once)
  | "notify_seller"
  | "notify_buyer";

interface Move {
  from: OrderState;
  event: OrderEvent;
  to: OrderState;
  actors: readonly ActorRole[];
  effects: readonly OrderEffect[];
  /** A reason must be given (cancellations). */
  needsReason?: boolean;
}

export const ORDER_TRANSITIONS: readonly Move[] = [
  { from: "awaiting_payment", event: "pay", to: "paid", actors: ["system"], effects: ["commit_stock", "notify_seller", "notify_buyer"] },
  { from: "awaiting_payment", event: "expire", to: "expired", actors: ["system"], effects: ["release_stock", "notify_buyer"] },
  { from: "awaiting_payment", event: "cancel", to: "cancelled", actors: ["buyer", "admin", "system"], effects: ["release_stock"], needsReason: true },
  { from: "paid", event: "accept", to: "processing", actors: ["seller", "admin"], effects: ["notify_buyer"] },
  { from: "paid", event: "cancel", to: "cancelled", actors: ["seller", "admin", "system"], effects: ["release_stock", "request_refund", "notify_buyer", "notify_seller"], needsReason: true },
  { from: "processing", event: "ship", to: "shipped", actors: ["seller", "admin"], effects: ["notify_buyer"] },
  { from: "processing", event: "cancel", to: "cancelled", actors: ["seller", "admin", "system"], effects: ["release_stock", "request_refund", "notify_buyer", "notify_seller"], needsReason: true },
  { from: "shipped", event: "deliver", to: "delivered", actors: ["system", "admin"], effects: ["notify_buyer"] },
  // The buyer confirms ("Pesanan Diterima"), or the auto-complete job when nobody complained in time.
  { from: "shipped", event: "confirm_receipt", to: "received", actors: ["buyer", "admin", "system"], effects: ["release_escrow", "notify_seller"] },
  { from: "delivered", event: "confirm_receipt", to: "received", actors: ["buyer", "admin", "system"], effects: ["release_escrow", "notify_seller"] },
  { from: "cancelled", event: "refund", to: "refunded", actors: ["system", "admin"], effects: ["notify_buyer"] },
  // A payment that settles after its order expired (or was cancelled unpaid) is refunded, never kept.
  { from: "expired", event: "refund", to: "refunded", actors: ["system", "admin"], effects: ["notify_buyer"] },
];

export interface TransitionResult {
  from: OrderState;
  to: OrderState;
  event: OrderEvent;
  effects: readonly OrderEffect[];
}

export function isOrderState(value: string): value is OrderState {
  return (ORDER_STATES as readonly string[]).includes(value);
}

export function findMove(from: OrderState, event: OrderEvent): Move | undefined {
  return ORDER_TRANSITIONS.find((m) => m.from === from && m.event === event);
}

/** Validates one move. Throws DomainError("invalid_transition") for a move the table does not allow, "forbidden" for the wrong actor. */
export function transition(state: string, event: OrderEvent, actor: ActorRole, reason?: string | null): TransitionResult {
  if (!isOrderState(state)) throw new DomainError("invalid_transition", "order_state_unknown", { state });
  const move = findMove(state, event);
  if (!move) throw new DomainError("invalid_transition", "order_transition_refused", { from: state, event });
  if (!move.actors.includes(actor)) throw new DomainError("forbidden", "order_transition_actor_refused", { event, actor });
  if (move.needsReason && !reason?.trim()) throw new DomainError("validation", "order_reason_required", { event });
  return { from: state, to: move.to, event, effects: move.effects };
}

export function canTransition(state: string, event: OrderEvent, actor: ActorRole): boolean {
  return isOrderState(state) && Boolean(findMove(state, event)?.actors.includes(actor));
}

/** The states where the buyer's money sits in escrow for this order (paid and not yet released or refunded). */
export const ESCROW_STATES: readonly OrderState[] = ["paid", "processing", "shipped", "delivered", "received"];

/** No move leaves these. */
export const FINAL_STATES: readonly OrderState[] = ORDER_STATES.filter((s) => !ORDER_TRANSITIONS.some((m) => m.from === s));
