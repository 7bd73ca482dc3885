/**
 * Withdrawal rules and states. Pure: the service locks the shop row, reads the balance and the open withdrawal,
 * asks `checkWithdrawal`, and applies `transition` under the withdrawal's lock.
 *
 *   requested ──batch──▶ batched ──send──▶ sent ──complete──▶ completed
 *       │                   │  └──────complete──────────────▶ completed
 *       └───────────────────┴──fail (refused by the provider)──▶ failed   (sent ──fail──▶ failed too)
 */
import { DomainError } from "../errors";

export const WITHDRAWAL_STATUSES = ["requested", "batched", "sent", "completed", "failed"] as const;
export type WithdrawalStatus = (typeof WITHDRAWAL_STATUSES)[number];
export const OPEN_WITHDRAWAL_STATUSES: readonly WithdrawalStatus[] = ["requested", "batched", "sent"];

export type WithdrawalEvent = "batch" | "send" | "complete" | "fail";

const MOVES: Record<WithdrawalStatus, Partial<Record<WithdrawalEvent, WithdrawalStatus>>> = {
  requested: { batch: "batched", fail: "failed" },
  // complete from batched: the provider's notification may arrive before "sent" is recorded (a crash, a race).
  batched: { send: "sent", complete: "completed", fail: "failed" },
  sent: { complete: "completed", fail: "failed" },
  completed: {},
  failed: {},
};

/** The next state, or null when the event does not apply (a duplicate or late notification: nothing to do). */
export function transition(status: WithdrawalStatus, event: WithdrawalEvent): WithdrawalStatus | null {
  return MOVES[status][event] ?? null;
}

export function isOpen(status: string): boolean {
  return (OPEN_WITHDRAWAL_STATUSES as readonly string[]).includes(status);
}

export interface WithdrawalCheck {
  amount: number;
  available: number;
  minimum: number;
  hasOpenWithdrawal: boolean;
  bankChangePending: boolean;
  hasBankAccount: boolean;
}

/** Throws a DomainError naming the first rule the request breaks. */
export function checkWithdrawal(c: WithdrawalCheck): void {
  if (!Number.isSafeInteger(c.amount) || c.amount <= 0) throw new DomainError("validation", "withdrawal.errors.amount");
  if (!c.hasBankAccount) throw new DomainError("conflict", "withdrawal.errors.noBank");
  if (c.bankChangePending) throw new DomainError("conflict", "withdrawal.errors.onHold");
  if (c.hasOpenWithdrawal) throw new DomainError("conflict", "withdrawal.errors.open");
  if (c.amount < c.minimum) throw new DomainError("validation", "withdrawal.errors.minimum", { minimum: c.minimum });
  if (c.amount > c.available) throw new DomainError("validation", "withdrawal.errors.overAvailable", { available: c.available });
}
