// How the review page's audit trail and document access log name who did what: message keys, never raw
// role names or ids, so the admin page reads in the admin's language.

export type AuditRole = "seller" | "admin" | "system";

/** The i18n key naming the kind of actor; anything unknown (jobs, retention) is the system. */
export function actorRoleKey(role: string | null | undefined): string {
  // The document access log records the shop's owner as "owner": to the admin that is the seller.
  if (role === "seller" || role === "owner") return "audit.actor.seller";
  return role === "admin" ? "audit.actor.admin" : "audit.actor.system";
}

/**
 * The i18n key describing an event. The shop's creation is stored as draft → draft with reason "created";
 * it is not a status change, so it is described as what it is. A step of a bank account change (its id on the
 * event) is named by the status the change reached ("Perubahan rekening disetujui").
 */
export function auditEventKey(event: { from: string; to: string; reason: string | null; bankChange?: boolean }): {
  key: string;
  kind: "created" | "transition" | "note" | "bank_change";
} {
  if (event.bankChange) return { key: `audit.bankChange.${event.to}`, kind: "bank_change" };
  if (event.from === "draft" && event.to === "draft" && event.reason === "created") return { key: "audit.created", kind: "created" };
  if (event.from === event.to) return { key: "audit.note", kind: "note" };
  return { key: "audit.transition", kind: "transition" };
}

/** The i18n key and vars naming a logged document, e.g. "KTP (versi 2)". */
export function documentLabel(doc: { kind: string; version: number } | undefined): { key: string; vars: Record<string, string | number> } {
  if (!doc) return { key: "audit.documentUnknown", vars: {} };
  return { key: "audit.document", vars: { doc: `doc.${doc.kind}`, n: doc.version } };
}
