// The shop verification workflow as a table: which event moves which state where, and who may send it.
export const SHOP_STATUSES = ["draft", "submitted", "in_review", "approved", "changes_requested", "rejected", "suspended"] as const;
export type ShopStatus = (typeof SHOP_STATUSES)[number];

export const DOCUMENT_KINDS = ["ktp", "selfie", "npwp", "bank_book"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const REQUIRED_DOCUMENTS: readonly DocumentKind[] = ["ktp", "npwp", "bank_book"];

export type VerificationEvent = "submit" | "start_review" | "approve" | "reject" | "request_changes" | "suspend" | "reinstate";
export type Actor = "seller" | "admin";

interface Move {
  from: readonly ShopStatus[];
  to: ShopStatus;
  by: Actor;
  needsReason: boolean;
}

const MOVES: Record<VerificationEvent, Move> = {
  submit: { from: ["draft", "changes_requested"], to: "submitted", by: "seller", needsReason: false },
  start_review: { from: ["submitted"], to: "in_review", by: "admin", needsReason: false },
  // An admin may decide straight from the queue, without opening the review first.
  approve: { from: ["submitted", "in_review"], to: "approved", by: "admin", needsReason: false },
  reject: { from: ["submitted", "in_review"], to: "rejected", by: "admin", needsReason: true },
  request_changes: { from: ["submitted", "in_review"], to: "changes_requested", by: "admin", needsReason: true },
  suspend: { from: ["approved"], to: "suspended", by: "admin", needsReason: true },
  reinstate: { from: ["suspended"], to: "approved", by: "admin", needsReason: false },
};

export type TransitionError = "kyc_transition_invalid" | "kyc_transition_forbidden" | "kyc_reason_required";

export function transition(state: ShopStatus, event: VerificationEvent, actor: Actor, reason?: string | null): { ok: true; to: ShopStatus } | { ok: false; error: TransitionError } {
  const move = MOVES[event];
  if (move.by !== actor) return { ok: false, error: "kyc_transition_forbidden" };
  if (!move.from.includes(state)) return { ok: false, error: "kyc_transition_invalid" };
  if (move.needsReason && !reason?.trim()) return { ok: false, error: "kyc_reason_required" };
  return { ok: true, to: move.to };
}

export function allowedEvents(state: ShopStatus, actor: Actor): VerificationEvent[] {
  return (Object.keys(MOVES) as VerificationEvent[]).filter((e) => MOVES[e].by === actor && MOVES[e].from.includes(state));
}

/** The seller may edit data and upload documents only while the shop is a draft or changes were asked for. */
export function sellerCanEdit(state: ShopStatus): boolean {
  return state === "draft" || state === "changes_requested";
}

/** Only approved shops publish products and receive payouts. */
export function canSell(state: ShopStatus): boolean {
  return state === "approved";
}

export function isShopStatus(v: unknown): v is ShopStatus {
  return typeof v === "string" && (SHOP_STATUSES as readonly string[]).includes(v);
}

/** Reasons an admin picks per document, plus free text. */
export const DOCUMENT_REASON_CODES = ["blurry", "cropped", "glare", "expired", "mismatch", "not_original", "wrong_document", "other"] as const;
export type DocumentReasonCode = (typeof DOCUMENT_REASON_CODES)[number];
export interface DocumentReason {
  document: DocumentKind;
  code: DocumentReasonCode;
  note?: string;
}

/**
 * Which documents the seller may replace: in changes_requested, only those named in the request.
 * In a draft, all of them.
 */
export function replaceableDocuments(state: ShopStatus, requested: readonly DocumentReason[]): DocumentKind[] {
  if (state === "draft") return [...DOCUMENT_KINDS];
  if (state === "changes_requested") return [...new Set(requested.map((r) => r.document))];
  return [];
}
