/**
 * Changing the payout bank account of a verified shop, as a table (like verification.ts): the seller asks (typing the
 * password again, with a photo of the new bank book), an admin approves or rejects with a reason, or the seller
 * cancels first. While a change is pending the shop's withdrawals are on hold, and only an approved change moves the
 * new account into the KYC profile, so money never goes to an account nobody reviewed.
 */
import type { Actor } from "./verification";

export const BANK_CHANGE_STATUSES = ["pending", "approved", "rejected", "cancelled"] as const;
export type BankChangeStatus = (typeof BANK_CHANGE_STATUSES)[number];
export type BankChangeEvent = "approve" | "reject" | "cancel";

/**
 * The document kind of the new bank book while its change waits. Not one of the shop's verified documents (the
 * verification review and onboarding keep showing the reviewed bank book); on approval it becomes the next
 * version of `bank_book`.
 */
export const BANK_CHANGE_DOCUMENT_KIND = "bank_book_change";

const MOVES: Record<BankChangeEvent, { to: BankChangeStatus; by: Actor; needsReason: boolean }> = {
  approve: { to: "approved", by: "admin", needsReason: false },
  // The seller is told why, and must be able to act on it (a blurry photo, a name that is not theirs).
  reject: { to: "rejected", by: "admin", needsReason: true },
  cancel: { to: "cancelled", by: "seller", needsReason: false },
};

export type BankChangeTransitionError = "bankChange.errors.decided" | "bankChange.errors.forbidden" | "bankChange.errors.reasonRequired";

/** Every move starts from `pending`: a decided or cancelled change is final. */
export function bankChangeTransition(
  state: string,
  event: BankChangeEvent,
  actor: Actor,
  reason?: string | null,
): { ok: true; to: BankChangeStatus } | { ok: false; error: BankChangeTransitionError } {
  const move = MOVES[event];
  if (move.by !== actor) return { ok: false, error: "bankChange.errors.forbidden" };
  if (state !== "pending") return { ok: false, error: "bankChange.errors.decided" };
  if (move.needsReason && !reason?.trim()) return { ok: false, error: "bankChange.errors.reasonRequired" };
  return { ok: true, to: move.to };
}

export type BankChangeRefusal = "bankChange.errors.shopNotVerified" | "bankChange.errors.pending" | "bankChange.errors.withdrawalOpen";

/**
 * Why the seller cannot ask for a change now, or null. A withdrawal in progress was requested to the old account
 * (its bank and holder are on the withdrawal): the change waits until it is paid or failed, so one payout never
 * mixes the old bank with the new number.
 */
export function bankChangeRefusal(s: { shopStatus: string; hasPendingChange: boolean; hasOpenWithdrawal: boolean }): BankChangeRefusal | null {
  if (s.shopStatus !== "approved") return "bankChange.errors.shopNotVerified";
  if (s.hasPendingChange) return "bankChange.errors.pending";
  if (s.hasOpenWithdrawal) return "bankChange.errors.withdrawalOpen";
  return null;
}

export function isBankChangeStatus(v: unknown): v is BankChangeStatus {
  return typeof v === "string" && (BANK_CHANGE_STATUSES as readonly string[]).includes(v);
}
