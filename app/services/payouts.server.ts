/**
 * Payouts of withdrawals through the Iris-shaped provider, in batches under maker-checker:
 *   an admin makes a batch of requested withdrawals → the payouts are created at the provider ("queued", one
 *   reference_no each) → another admin approves the batch → the payouts are approved at the provider ("sent")
 *   → a signed notification (or the status job) says completed or failed.
 * Every state change of a withdrawal runs under its row lock and posts its ledger entry in the same transaction,
 * with an idempotency key, so duplicates, retries and a crash between any two steps apply each outcome once.
 * Work that reaches the provider is re-driven by `resumePayoutWork` (a scheduled job), so a crash between a
 * commit and the provider call is finished later.
 */
import { DomainError } from "~/domain/errors";
import { payoutCompletedPosting, payoutFailedPosting } from "~/domain/ledger/postings";
import { irisBankCode, isIrisStatus, isValidIrisSignature, outcomeOfIrisStatus, parseIrisAmount } from "~/domain/payouts/iris";
import { transition, type WithdrawalStatus } from "~/domain/payouts/withdrawal";
import { decryptField } from "~/infra/crypto.server";
import { db } from "~/infra/db.server";
import { logger } from "~/infra/logger.server";
import { irisConfig, payoutProvider, PayoutProviderError } from "~/infra/payouts/iris.server";
import { postEntry } from "~/models/ledger.server";
import {
  findBatch,
  findPayoutAccount,
  insertBatch,
  listBatches,
  listQueue,
  listSentWithdrawals,
  listUnfinishedBatches,
  lockBatch,
  lockRequestedWithdrawals,
  lockWithdrawal,
  recordPayoutNotification,
  updateBatch,
  updateWithdrawal,
} from "~/models/withdrawal.server";

export const BATCH_MAX_WITHDRAWALS = 100;

type Admin = { id: string; isAdmin: boolean };

function requireAdminUser(user: Admin) {
  if (!user.isAdmin) throw new DomainError("forbidden", "payout.errors.adminOnly");
}

export async function payoutQueuePage(admin: Admin) {
  requireAdminUser(admin);
  const [queue, batches] = await Promise.all([listQueue(), listBatches()]);
  return {
    queue: queue.map((w) => ({ id: w.id, number: w.number, shopName: w.shop.name, amount: w.amount, bankCode: w.bankCode, accountLast4: w.accountLast4, holderName: w.holderName, createdAt: w.createdAt.toISOString() })),
    batches: batches.map((b) => ({
      id: b.id,
      status: b.status,
      total: b.total,
      count: b._count.withdrawals,
      makerName: b.maker.name,
      checkerName: b.checker?.name ?? null,
      createdAt: b.createdAt.toISOString(),
      canApprove: b.status === "created" && b.createdBy !== admin.id,
    })),
  };
}

export async function batchPage(admin: Admin, batchId: string) {
  requireAdminUser(admin);
  const b = await findBatch(batchId);
  if (!b) throw new DomainError("not_found", "payout.errors.batchNotFound");
  return {
    id: b.id,
    status: b.status,
    total: b.total,
    makerName: b.maker.name,
    checkerName: b.checker?.name ?? null,
    createdAt: b.createdAt.toISOString(),
    approvedAt: b.approvedAt?.toISOString() ?? null,
    canApprove: b.status === "created" && b.createdBy !== admin.id,
    isMaker: b.createdBy === admin.id,
    withdrawals: b.withdrawals.map((w) => ({
      id: w.id,
      number: w.number,
      shopName: w.shop.name,
      amount: w.amount,
      status: w.status,
      providerReference: w.providerReference,
      failureReason: w.failureReason,
    })),
  };
}

/** The maker: takes the oldest requested withdrawals into a new batch and creates their payouts at the provider. */
export async function createBatch(admin: Admin, now = new Date()) {
  requireAdminUser(admin);
  const batch = await db().$transaction(async (tx) => {
    const withdrawals = await lockRequestedWithdrawals(tx, BATCH_MAX_WITHDRAWALS);
    if (!withdrawals.length) throw new DomainError("conflict", "payout.errors.emptyQueue");
    const created = await insertBatch(tx, { createdBy: admin.id, total: withdrawals.reduce((s, w) => s + w.amount, 0), createdAt: now });
    for (const w of withdrawals) {
      await updateWithdrawal(tx, w.id, { status: next(w.status, "batch"), batchId: created.id });
    }
    return created;
  });
  await submitBatch(batch.id, now);
  return batch;
}

function next(status: string, event: Parameters<typeof transition>[1]): WithdrawalStatus {
  const to = transition(status as WithdrawalStatus, event);
  if (!to) throw new DomainError("invalid_transition", "payout.errors.invalidTransition");
  return to;
}

/**
 * Creates at the provider the payouts of the batch's withdrawals that have no reference yet (again after a crash:
 * a payout created but never recorded stays "queued" at the provider and is never approved, so no money moves).
 * A payout the provider refuses (wrong account) fails at once and its money goes back to the seller.
 */
export async function submitBatch(batchId: string, now = new Date()) {
  const batch = await findBatch(batchId);
  if (!batch) return;
  let pending = batch.withdrawals.filter((w) => w.status === "batched" && !w.providerReference);
  for (let round = 0; pending.length && round < 2; round++) {
    const requests = [];
    for (const w of pending) {
      const account = await findPayoutAccount(undefined, w.shopId);
      requests.push({
        beneficiaryName: w.holderName,
        beneficiaryAccount: account?.accountEncrypted ? decryptField(account.accountEncrypted) : "",
        beneficiaryBank: irisBankCode(w.bankCode),
        amount: w.amount,
        notes: `Lapak ${w.number}`,
      });
    }
    try {
      const refs = await payoutProvider().createPayouts(requests);
      const duplicates = await db().$transaction(async (tx) => {
        const notRecorded: string[] = [];
        for (const [i, w] of pending.entries()) {
          // Under the row lock, and only if no other run (the job, the checker's approval) recorded a payout
          // meanwhile: that one may be approved already, and replacing its reference would lose its outcome.
          const locked = await lockWithdrawal(tx, { id: w.id });
          if (locked?.status === "batched" && !locked.providerReference) await updateWithdrawal(tx, w.id, { providerReference: refs[i].referenceNo, providerStatus: refs[i].status });
          else notRecorded.push(refs[i].referenceNo);
        }
        return notRecorded;
      });
      if (duplicates.length) await rejectDuplicatePayouts(duplicates);
      pending = [];
    } catch (error) {
      if (!(error instanceof PayoutProviderError) || error.httpStatus !== 400 || !Object.keys(error.errors).length) throw error;
      // The provider refused the request because of some payouts: fail those, send the rest again.
      const refused = new Set(Object.keys(error.errors).map(Number));
      for (const i of refused) {
        const w = pending[i];
        if (w) await applyOutcome({ id: w.id }, { outcome: "fail", reason: error.errors[String(i)].join("; "), providerStatus: "rejected" }, now, undefined, { unsubmittedOnly: true });
      }
      pending = pending.filter((_, i) => !refused.has(i));
    }
  }
}

/**
 * Payouts this run created for withdrawals another run had recorded a payout for: nothing will ever approve them,
 * so no money moves twice, but they would wait at the provider as "queued". They are rejected there; if that
 * fails, the references are logged for someone to reject in the Iris dashboard.
 */
async function rejectDuplicatePayouts(referenceNos: string[]) {
  try {
    await payoutProvider().rejectPayouts(referenceNos, "Duplikat: penarikan ini sudah punya payout lain");
    logger.info({ referenceNos }, "duplicate payouts rejected at the provider");
  } catch (error) {
    logger.warn({ referenceNos, err: error }, "duplicate payouts could not be rejected at the provider: reject them in the Iris dashboard");
  }
}

/** The checker: approves a batch made by another admin, then approves its payouts at the provider. */
export async function approveBatch(admin: Admin, batchId: string, now = new Date()) {
  requireAdminUser(admin);
  await submitBatch(batchId, now);
  await db().$transaction(async (tx) => {
    const batch = await lockBatch(tx, batchId);
    if (!batch) throw new DomainError("not_found", "payout.errors.batchNotFound");
    if (batch.createdBy === admin.id) throw new DomainError("forbidden", "payout.errors.makerCannotApprove");
    if (batch.status !== "created") throw new DomainError("conflict", "payout.errors.batchNotOpen");
    await updateBatch(tx, batchId, { status: "approved", approvedBy: admin.id, approvedAt: now });
  });
  await sendApprovedBatch(batchId, now);
}

/** Approves at the provider the payouts of an approved batch that are not sent yet (idempotent). */
export async function sendApprovedBatch(batchId: string, now = new Date()) {
  const batch = await findBatch(batchId);
  if (!batch || batch.status !== "approved") return;
  const ready = batch.withdrawals.filter((w) => w.status === "batched" && w.providerReference);
  if (!ready.length) return;
  await payoutProvider().approvePayouts(ready.map((w) => w.providerReference!));
  await db().$transaction(async (tx) => {
    for (const w of ready) {
      const locked = await lockWithdrawal(tx, { id: w.id });
      // A fast notification may have finished it already.
      if (locked?.status === "batched") await updateWithdrawal(tx, w.id, { status: "sent", sentAt: now, providerStatus: "approved" });
    }
  });
}

export type Outcome = { outcome: "complete"; providerStatus: string } | { outcome: "fail"; reason: string; providerStatus: string };

/**
 * Applies a terminal outcome once: under the withdrawal's lock, the state moves and its ledger entry is posted in
 * the same transaction. Returns false when nothing changed (already applied, or not applicable).
 */
export async function applyOutcome(
  by: { id: string } | { providerReference: string },
  o: Outcome,
  now = new Date(),
  expectedAmount?: number,
  opts: { unsubmittedOnly?: boolean } = {},
): Promise<"applied" | "duplicate" | "unknown" | "amount_mismatch"> {
  return db().$transaction(async (tx) => {
    const w = await lockWithdrawal(tx, by);
    if (!w) return "unknown";
    // A refusal of one run's request says nothing of a payout another run created meanwhile (it may be paid).
    if (opts.unsubmittedOnly && (w.status !== "batched" || w.providerReference)) return "duplicate";
    if (expectedAmount !== undefined && expectedAmount !== w.amount) return "amount_mismatch";
    const to = transition(w.status as WithdrawalStatus, o.outcome);
    if (!to) return "duplicate";
    if (o.outcome === "complete") {
      await updateWithdrawal(tx, w.id, { status: to, openShopId: null, finishedAt: now, providerStatus: o.providerStatus });
      await postEntry(tx, payoutCompletedPosting({ id: w.id, number: w.number, shopId: w.shopId, amount: w.amount, providerReference: w.providerReference ?? "-" }));
    } else {
      await updateWithdrawal(tx, w.id, { status: to, openShopId: null, finishedAt: now, providerStatus: o.providerStatus, failureReason: o.reason.slice(0, 500) });
      await postEntry(tx, payoutFailedPosting({ id: w.id, number: w.number, shopId: w.shopId, amount: w.amount, reason: o.reason }));
    }
    return "applied";
  });
}

export type NotificationResult = { status: number; outcome: "applied" | "duplicate" | "progress" | "ignored" | "refused"; reason?: string };

/**
 * An Iris payout notification: the signature (SHA-512 of the raw body + merchant key) is checked before anything
 * is read from the body; a bad one is refused with 401 and changes nothing. Every notification with a good
 * signature is recorded (payout_notifications); bad ones only go to the log.
 */
export async function handleIrisNotification(rawBody: string, signature: string | null, now = new Date()): Promise<NotificationResult> {
  const refuse = async (status: number, reason: string, ref: string | null = null, st: string | null = null): Promise<NotificationResult> => {
    await recordPayoutNotification(undefined, { referenceNo: ref, status: st, outcome: `refused:${reason}`, body: rawBody.slice(0, 4000) });
    return { status, outcome: "refused", reason };
  };
  // Not recorded: anyone can send these, and a flood of them must not write to the database. Only logged.
  if (!isValidIrisSignature(rawBody, irisConfig().merchantKey, signature)) {
    logger.warn({ bytes: rawBody.length }, "payout notification refused: bad signature");
    return { status: 401, outcome: "refused", reason: "bad_signature" };
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(rawBody) as Record<string, unknown>;
  } catch {
    return refuse(400, "malformed");
  }
  const ref = typeof body.reference_no === "string" ? body.reference_no : null;
  const amount = parseIrisAmount(body.amount);
  if (!ref || !isIrisStatus(body.status) || amount === null) return refuse(400, "malformed", ref);
  const status = body.status;
  const outcome = outcomeOfIrisStatus(status);
  if (!outcome) {
    await recordPayoutNotification(undefined, { referenceNo: ref, status, outcome: "progress", body: rawBody.slice(0, 4000) });
    return { status: 200, outcome: "progress" };
  }
  const reason = typeof body.error_message === "string" && body.error_message ? body.error_message : typeof body.error_code === "string" ? body.error_code : status;
  const result = await applyOutcome({ providerReference: ref }, outcome === "complete" ? { outcome, providerStatus: status } : { outcome, reason, providerStatus: status }, now, amount);
  // A rejected payout moved no money: one no withdrawal knows (a duplicate we rejected ourselves) needs nothing.
  if (result === "unknown" && status === "rejected") {
    await recordPayoutNotification(undefined, { referenceNo: ref, status, outcome: "ignored:unknown_rejected", body: rawBody.slice(0, 4000) });
    return { status: 200, outcome: "ignored" };
  }
  if (result === "unknown") return refuse(404, "unknown_reference", ref, status);
  if (result === "amount_mismatch") return refuse(400, "amount_mismatch", ref, status);
  await recordPayoutNotification(undefined, { referenceNo: ref, status, outcome: result, body: rawBody.slice(0, 4000) });
  return { status: 200, outcome: result };
}

/**
 * Scheduled: finishes what a crash or a lost notification left: payouts not yet created or approved at the
 * provider, and sent payouts whose outcome never arrived (asked from the provider's details API).
 */
export async function resumePayoutWork(now = new Date()) {
  let resumed = 0;
  for (const batch of await listUnfinishedBatches()) {
    try {
      await submitBatch(batch.id, now);
      if (batch.status === "approved") await sendApprovedBatch(batch.id, now);
      resumed++;
    } catch (error) {
      logger.warn({ err: error, batchId: batch.id }, "payout batch not resumed");
    }
  }
  let settled = 0;
  for (const w of await listSentWithdrawals()) {
    if (!w.providerReference) continue;
    const details = await payoutProvider().getPayout(w.providerReference);
    const outcome = details && outcomeOfIrisStatus(details.status);
    if (!details || !outcome) continue;
    const o: Outcome = outcome === "complete" ? { outcome, providerStatus: details.status } : { outcome, reason: details.errorMessage ?? details.errorCode ?? details.status, providerStatus: details.status };
    if ((await applyOutcome({ id: w.id }, o, now, details.amount)) === "applied") settled++;
  }
  return { resumed, settled };
}
