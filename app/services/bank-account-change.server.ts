/**
 * Changing the payout bank account of a verified shop: the seller types the password again and sends the new account
 * with a photo of the new bank book; the change waits for an admin's review and withdrawals are on hold meanwhile
 * (requestWithdrawal checks for a pending change). Only on approval does the KYC profile's account change, so payouts
 * never go to an unreviewed account. Every step is written to the shop's audit trail (verification_events) and the
 * seller hears of it in the app and by mail, in the same transaction.
 */
import type { z } from "zod";
import { DomainError } from "~/domain/errors";
import { maskLast4 } from "~/domain/kyc/bank-account";
import { BANK_CHANGE_DOCUMENT_KIND, bankChangeRefusal, bankChangeTransition, type BankChangeEvent } from "~/domain/kyc/bank-change";
import { findBank } from "~/domain/kyc/banks";
import { computeFlags } from "~/domain/kyc/flags";
import { shopNameVars } from "~/domain/text";
import { localeOr, translator } from "~/i18n/i18n";
import "~/i18n/register";
import { blindIndex, decryptField, encryptField } from "~/infra/crypto.server";
import { db, type Tx } from "~/infra/db.server";
import { verifyPassword } from "~/infra/password.server";
import {
  bankAccountChangesOfShop,
  countPendingBankAccountChanges,
  findBankAccountChange,
  findChangeDocument,
  findUserNames,
  insertBankAccountChange,
  listClosedBankAccountChanges,
  listPendingBankAccountChanges,
  lockBankAccountChange,
  relabelDocument,
  updateBankAccountChange,
} from "~/models/bank-account-change.server";
import { currentDocuments, findKycProfile, findReusedDocuments, findShopIdsByHash, nextDocumentVersion, upsertKycProfile } from "~/models/kyc.server";
import { createNotification } from "~/models/notification.server";
import { enqueueMail } from "~/models/outbox.server";
import { insertVerificationEvent } from "~/models/shop.server";
import { takeThrottleHits } from "~/models/throttle.server";
import { findOpenWithdrawal, findPasswordHash, hasPendingBankChange, findPayoutAccount, findShopOfOwner, lockShop } from "~/models/withdrawal.server";
import type { BankChangeSchema } from "~/schemas/bank-change";
import { storeKycDocument, UPLOAD_LIMITS } from "./onboarding.server";

/** Typing the password is the guard against someone at an unlocked phone: a few tries, then a pause (the message says 15 minutes). */
export const PASSWORD_THROTTLE = { maxAttempts: 5, windowMinutes: 15 };

type Admin = { id: string; isAdmin: boolean };

function requireAdminUser(user: Admin) {
  if (!user.isAdmin) throw new DomainError("forbidden", "payout.errors.adminOnly");
}

const bankName = (code: string | null | undefined) => (code ? (findBank(code)?.name ?? code) : "");

async function refusalFor(shop: { id: string; status: string }, tx?: Tx) {
  // One after the other: inside a transaction the queries share its connection.
  const pending = await hasPendingBankChange(tx, shop.id);
  const open = await findOpenWithdrawal(tx, shop.id);
  return bankChangeRefusal({ shopStatus: shop.status, hasPendingChange: pending, hasOpenWithdrawal: Boolean(open) });
}

async function ownShop(user: { id: string }) {
  const shop = await findShopOfOwner(user.id);
  if (!shop) throw new DomainError("forbidden", "withdrawal.errors.noShop");
  return shop;
}

/** The seller's page: the verified account (masked), the pending change or how the last one ended, and whether a new one may be asked. */
export async function bankAccountPage(user: { id: string }) {
  const shop = await ownShop(user);
  const [profile, changes, refusal] = await Promise.all([findKycProfile(shop.id), bankAccountChangesOfShop(shop.id), refusalFor(shop)]);
  const { pending, last } = changes;
  return {
    shop: { name: shop.name, status: shop.status },
    current:
      profile?.bankCode && profile.accountLast4
        ? { bankCode: profile.bankCode, bankName: bankName(profile.bankCode), accountMasked: maskLast4(profile.accountLast4), holderName: profile.holderName ?? "" }
        : null,
    /** The name on the KTP: the holder of the new account should be the same person (a warning, as in onboarding). */
    ktpName: profile?.fullName ?? "",
    pending: pending
      ? {
          id: pending.id,
          bankName: bankName(pending.bankCode),
          accountMasked: maskLast4(pending.accountLast4),
          holderName: pending.holderName,
          createdAt: pending.createdAt.toISOString(),
          document: pending.document ? { url: `/documents/${pending.document.id}`, contentType: pending.document.contentType } : null,
        }
      : null,
    last: last
      ? {
          status: last.status,
          bankName: bankName(last.bankCode),
          accountMasked: maskLast4(last.accountLast4),
          note: last.status === "rejected" ? last.reviewNote : null,
          at: (last.reviewedAt ?? last.cancelledAt ?? last.createdAt).toISOString(),
        }
      : null,
    refusal,
    maxBytes: UPLOAD_LIMITS.maxBytes,
  };
}

/** The photo of the new bank book, through the same checks and storage as the wizard's documents. */
export async function uploadBankChangeDocument(user: { id: string }, bytes: Buffer) {
  const shop = await ownShop(user);
  const refusal = await refusalFor(shop);
  if (refusal) throw new DomainError("conflict", refusal);
  return storeKycDocument(shop.id, user.id, BANK_CHANGE_DOCUMENT_KIND, bytes);
}

export async function requestBankAccountChange(user: { id: string }, input: z.output<typeof BankChangeSchema>, now = new Date()) {
  const since = new Date(now.getTime() - PASSWORD_THROTTLE.windowMinutes * 60_000);
  // Counted before the password is checked, so parallel guesses cannot overtake the count.
  const allowed = await db().$transaction((tx) => takeThrottleHits(tx, [{ bucket: "bank-change-password", key: user.id, limit: PASSWORD_THROTTLE.maxAttempts }], since));
  if (!allowed) throw new DomainError("rate_limited", "bankChange.errors.tooManyAttempts");
  const hash = await findPasswordHash(user.id);
  if (!hash || !(await verifyPassword(hash, input.password))) throw new DomainError("validation", "bankChange.errors.password");
  const shop = await ownShop(user);
  const sealed = encryptField(input.accountNumber);
  const accountHash = blindIndex("account", `${input.bankCode}:${input.accountNumber}`);
  return db().$transaction(async (tx) => {
    await lockShop(tx, shop.id);
    // Under the shop's lock, as requestWithdrawal decides: a change and a withdrawal can never both pass.
    const refusal = await refusalFor(shop, tx);
    if (refusal) throw new DomainError("conflict", refusal);
    const doc = await findChangeDocument(tx, input.documentId);
    if (!doc || doc.shopId !== shop.id || doc.kind !== BANK_CHANGE_DOCUMENT_KIND || doc.deletedAt || doc.bankAccountChange) {
      throw new DomainError("validation", "bankChange.errors.document");
    }
    const previous = await findPayoutAccount(tx, shop.id);
    if (previous?.accountHash === accountHash) throw new DomainError("validation", "bankChange.errors.sameAccount");
    const created = await insertBankAccountChange(tx, {
      shopId: shop.id,
      pendingShopId: shop.id,
      bankCode: input.bankCode,
      accountEncrypted: sealed.value,
      accountHash,
      accountLast4: input.accountNumber.slice(-4),
      holderName: input.holderName,
      previousBankCode: previous?.bankCode ?? null,
      previousAccountEncrypted: previous?.accountEncrypted ?? null,
      previousAccountLast4: previous?.accountLast4 ?? null,
      previousHolderName: previous?.holderName ?? null,
      documentId: doc.id,
      createdAt: now,
    });
    await insertVerificationEvent(tx, { shopId: shop.id, fromStatus: "new", toStatus: "pending", actorId: user.id, actorRole: "seller", bankAccountChangeId: created.id, createdAt: now });
    // If it was not the seller who asked, the mail tells them while there is time to cancel.
    await noticeToSeller(tx, (await lockBankAccountChange(tx, created.id))!, "pending", null);
    return created;
  });
}

export async function cancelBankAccountChange(user: { id: string }, changeId: string, now = new Date()) {
  const shop = await ownShop(user);
  await db().$transaction(async (tx) => {
    const change = await lockBankAccountChange(tx, changeId);
    // Another shop's change is not found, never "forbidden": its id tells nothing.
    if (!change || change.shopId !== shop.id) throw new DomainError("not_found", "bankChange.errors.notFound");
    await applyMove(tx, change, "cancel", { id: user.id, role: "seller" }, null, now);
  });
}

/**
 * An admin decides; approval moves the new account into the shop's KYC profile and lifts the hold. Approving over open
 * flags (a holder who is not the KTP name, an account another shop uses) needs `confirmFlags`, as on the shop's review.
 */
export async function reviewBankAccountChange(admin: Admin, changeId: string, decision: "approve" | "reject", opts: { note?: string; confirmFlags?: boolean } = {}, now = new Date()) {
  requireAdminUser(admin);
  if (decision === "approve" && !opts.confirmFlags) {
    const change = await findBankAccountChange(changeId);
    const flags = change ? await flagsOf(change) : [];
    if (flags.length) throw new DomainError("validation", "review.confirmFlagsRequired", { flags: flags.map((f) => f.code).join(",") });
  }
  await db().$transaction(async (tx) => {
    const change = await lockBankAccountChange(tx, changeId);
    if (!change) throw new DomainError("not_found", "bankChange.errors.notFound");
    await applyMove(tx, change, decision, { id: admin.id, role: "admin" }, opts.note?.trim().slice(0, 500) || null, now);
  });
}

type LockedChange = NonNullable<Awaited<ReturnType<typeof lockBankAccountChange>>>;

async function applyMove(tx: Tx, change: LockedChange, event: BankChangeEvent, actor: { id: string; role: "seller" | "admin" }, reason: string | null, now: Date) {
  const move = bankChangeTransition(change.status, event, actor.role, reason);
  if (!move.ok) throw new DomainError(move.error === "bankChange.errors.reasonRequired" ? "validation" : move.error === "bankChange.errors.forbidden" ? "forbidden" : "conflict", move.error);
  if (move.to === "approved") {
    await upsertKycProfile(tx, change.shopId, {
      bankCode: change.bankCode,
      accountEncrypted: change.accountEncrypted,
      accountHash: change.accountHash,
      accountLast4: change.accountLast4,
      holderName: change.holderName,
    });
    // The reviewed bank book is now the shop's bank book: the verification review shows it next to the account.
    if (change.documentId) await relabelDocument(tx, change.documentId, "bank_book", await nextDocumentVersion(tx, change.shopId, "bank_book"));
  }
  const decided = actor.role === "admin" ? { reviewedBy: actor.id, reviewedAt: now, reviewNote: reason } : { cancelledAt: now };
  await updateBankAccountChange(tx, change.id, { status: move.to, pendingShopId: null, ...decided });
  await insertVerificationEvent(tx, {
    shopId: change.shopId,
    fromStatus: change.status,
    toStatus: move.to,
    actorId: actor.id,
    actorRole: actor.role,
    reason,
    bankAccountChangeId: change.id,
    createdAt: now,
  });
  // The seller cancelled it themselves: nothing to tell them.
  if (move.to !== "cancelled") await noticeToSeller(tx, change, move.to, reason);
}

/** The in-app notice and the mail of a step, in the step's transaction: they exist if and only if it committed. */
async function noticeToSeller(tx: Tx, change: LockedChange, step: "pending" | "approved" | "rejected", reason: string | null) {
  const owner = change.shop.owner;
  const t = translator(localeOr(owner.locale));
  const vars = {
    ...shopNameVars(change.shop.name),
    bank: bankName(change.bankCode),
    account: maskLast4(change.accountLast4),
    holder: change.holderName,
    oldBank: bankName(change.previousBankCode),
    oldAccount: change.previousAccountLast4 ? maskLast4(change.previousAccountLast4) : "—",
  };
  const body = [t(`bankChange.notice.${step}.body`, vars), reason ? `${t("notice.reason")}: ${reason}` : ""].filter(Boolean).join("\n\n");
  const title = t(`bankChange.notice.${step}.title`);
  await createNotification(tx, { userId: change.shop.ownerId, kind: `bank_change.${step}`, title, body, link: "/seller/keuangan/rekening" });
  await enqueueMail(tx, { to: owner.email, subject: title, text: `${t("mail.greeting", { name: owner.name })}\n\n${body}\n\n${t("mail.signoff")}` });
}

// ---------------------------------------------------------------------------------------------------
// The admin's side: the queue and the review page.

type FoundChange = NonNullable<Awaited<ReturnType<typeof findBankAccountChange>>>;

/** The review's automatic flags: the holder against the KTP name, the account at another shop, the photo used elsewhere. */
async function flagsOf(change: FoundChange) {
  const [sameAccount, reused] = await Promise.all([
    findShopIdsByHash("accountHash", change.accountHash),
    change.document ? findReusedDocuments(change.shopId, [change.document.sha256]) : Promise.resolve([]),
  ]);
  return computeFlags({
    nik: null,
    birthDate: null,
    sex: null,
    fullName: change.shop.kyc?.fullName ?? null,
    holderName: change.holderName,
    duplicates: { nik: [], npwp: [], account: sameAccount.filter((s) => s.shopId !== change.shopId).map((s) => s.shop.name) },
    reusedDocuments: reused.map((r) => ({ kind: r.kind, otherShop: r.shop.name })),
  });
}

function listed(c: Awaited<ReturnType<typeof listPendingBankAccountChanges>>[number]) {
  return {
    id: c.id,
    status: c.status,
    shopName: c.shop.name,
    ownerName: c.shop.kyc?.fullName ?? "",
    bankName: bankName(c.bankCode),
    accountMasked: maskLast4(c.accountLast4),
    holderName: c.holderName,
    createdAt: c.createdAt.toISOString(),
    reviewedAt: c.reviewedAt?.toISOString() ?? c.cancelledAt?.toISOString() ?? null,
    reviewerName: c.reviewer?.name ?? null,
  };
}

/** For the verification queue's link to the bank account changes (the route has checked the reviewer's permission). */
export function pendingBankChangeCount() {
  return countPendingBankAccountChanges();
}

export async function bankChangeQueue(admin: Admin) {
  requireAdminUser(admin);
  const [pending, closed] = await Promise.all([listPendingBankAccountChanges(), listClosedBankAccountChanges()]);
  return { pending: pending.map(listed), closed: closed.map(listed) };
}

/** Old and new account in full (only here, as on the verification review), the new bank book, flags and the trail. */
export async function loadBankChangeReview(admin: Admin, changeId: string) {
  requireAdminUser(admin);
  const change = await findBankAccountChange(changeId);
  if (!change) throw new DomainError("not_found", "bankChange.errors.notFound");
  const [docs, flags] = await Promise.all([currentDocuments(change.shopId), flagsOf(change)]);
  const ktpName = change.shop.kyc?.fullName ?? null;
  const names = await findUserNames([...new Set(change.events.map((e) => e.actorId).filter((x): x is string => Boolean(x)))]);
  // The bank book the old account was verified with: the shop's current one, unless this change's own became it.
  const oldBook = docs.all.find((d) => d.kind === "bank_book" && d.id !== change.documentId && !d.deletedAt);
  const asDocument = (d: { id: string; contentType: string; version: number; deletedAt: Date | null } | null | undefined) =>
    d && !d.deletedAt ? { id: d.id, url: `/documents/${d.id}`, contentType: d.contentType, version: d.version } : null;
  return {
    change: {
      id: change.id,
      status: change.status,
      createdAt: change.createdAt.toISOString(),
      reviewedAt: change.reviewedAt?.toISOString() ?? null,
      cancelledAt: change.cancelledAt?.toISOString() ?? null,
      reviewerName: change.reviewer?.name ?? null,
      reviewNote: change.reviewNote,
    },
    shop: { id: change.shop.id, name: change.shop.name, status: change.shop.status, ownerEmail: change.shop.owner.email, ktpName },
    previous: change.previousAccountEncrypted
      ? { bankName: bankName(change.previousBankCode), bankCode: change.previousBankCode ?? "", account: decryptField(change.previousAccountEncrypted), holderName: change.previousHolderName ?? "" }
      : null,
    next: { bankName: bankName(change.bankCode), bankCode: change.bankCode, account: decryptField(change.accountEncrypted), holderName: change.holderName },
    document: asDocument(change.document),
    previousDocument: asDocument(oldBook),
    flags,
    events: change.events.map((e) => ({
      id: e.id,
      to: e.toStatus,
      actorRole: e.actorRole,
      actorName: e.actorRole === "admin" ? (names.get(e.actorId ?? "") ?? null) : null,
      reason: e.reason,
      createdAt: e.createdAt.toISOString(),
    })),
    canDecide: change.status === "pending",
  };
}
