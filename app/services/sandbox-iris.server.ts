/**
 * The embedded Iris sandbox: the provider side of the Midtrans Iris (Payouts) HTTP API under /sandbox/iris, reached
 * by the portal only over HTTP (app/infra/payouts/iris.server.ts). Creator and approver keys as HTTP Basic users;
 * a payout is created "queued", approved (or rejected) by the approver, and an approved one completes or fails at
 * once; the final status is notified, signed with Iris-Signature, at least once with backoff until a 2xx (twice at
 * IRIS_SANDBOX_DUPLICATE_RATE). Configurable failures, as Iris' own sandbox does with dummy accounts:
 *   - account numbers of fewer than 6 or more than 20 digits: refused at creation (HTTP 400, errors by index);
 *   - account numbers starting with "0000": the transfer fails, "wrong account";
 *   - banks listed in IRIS_SANDBOX_BANKS_DOWN: the transfer fails, "bank down".
 * Everything here is disabled unless IRIS_ENV=embedded.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { formatIrisAmount, irisSignature, parseIrisAmount } from "~/domain/payouts/iris";
import { env } from "~/infra/env.server";
import { deliverNotificationRound } from "~/infra/notification-delivery.server";
import { startPollingLoop } from "~/infra/polling-loop.server";
import { irisConfig, irisNotificationUrl } from "~/infra/payouts/iris.server";
import {
  claimDueIrisNotifications,
  findSandboxPayout,
  insertSandboxIrisNotifications,
  insertSandboxPayouts,
  lockSandboxPayouts,
  recordIrisNotificationAttempt,
  updateSandboxPayout,
} from "~/models/sandbox-iris.server";
import { db, type Tx } from "~/infra/db.server";
import { backoffMs, type SandboxReply } from "~/services/sandbox-midtrans.server";

export const IRIS_DELIVERY = { baseDelayMs: 1000, maxDelayMs: 10 * 60_000, maxAttempts: 20, leaseMs: 30_000, timeoutMs: 10_000 };

export const FAILURES = {
  wrongAccount: { code: "invalid_account", message: "Rekening tujuan tidak ditemukan" },
  bankDown: { code: "bank_unavailable", message: "Bank tujuan sedang gangguan" },
} as const;

export function irisSandboxEnabled(): boolean {
  return env().IRIS_ENV === "embedded";
}

export function requireIrisSandbox() {
  if (!irisSandboxEnabled()) throw new Response("Not Found", { status: 404 });
}

function keyOf(authorization: string | null): "creator" | "approver" | null {
  if (!authorization?.startsWith("Basic ")) return null;
  const given = Buffer.from(authorization.slice(6).trim(), "base64");
  const config = irisConfig();
  for (const [role, k] of [["creator", config.creatorKey], ["approver", config.approverKey]] as const) {
    const expected = Buffer.from(`${k}:`);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return role;
  }
  return null;
}

export function irisCreatorAuthorized(authorization: string | null): boolean {
  return keyOf(authorization) === "creator";
}

const unauthorized: SandboxReply = { status: 401, body: { error_message: "Unauthorized request" } };
const forbiddenRole: SandboxReply = { status: 403, body: { error_message: "You are not authorized to perform this action" } };

const CreateRequest = z.object({
  payouts: z
    .array(
      z.object({
        beneficiary_name: z.string().min(1).max(100),
        beneficiary_account: z.string(),
        beneficiary_bank: z.string().min(1).max(30),
        beneficiary_email: z.string().optional(),
        amount: z.string(),
        notes: z.string().max(100).default(""),
      }),
    )
    .min(1)
    .max(500),
});

/** POST /api/v1/payouts (creator key). All or nothing, like Iris: one bad payout refuses the request. */
export async function sandboxCreatePayouts(input: { authorization: string | null; body: unknown }): Promise<SandboxReply> {
  if (keyOf(input.authorization) !== "creator") return input.authorization && keyOf(input.authorization) ? forbiddenRole : unauthorized;
  const parsed = CreateRequest.safeParse(input.body);
  if (!parsed.success) return { status: 400, body: { error_message: "An error occurred when creating payouts", errors: { "0": parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`) } } };
  const errors: Record<string, string[]> = {};
  parsed.data.payouts.forEach((p, i) => {
    const list: string[] = [];
    if (!/^\d{6,20}$/.test(p.beneficiary_account)) list.push("Beneficiary account number is invalid");
    const amount = parseIrisAmount(p.amount);
    if (amount === null || amount < 10_000) list.push("Amount is invalid");
    if (list.length) errors[String(i)] = list;
  });
  if (Object.keys(errors).length) return { status: 400, body: { error_message: "An error occurred when creating payouts", errors } };
  const rows = parsed.data.payouts.map((p) => ({
    referenceNo: randomBytes(10).toString("hex"),
    beneficiaryName: p.beneficiary_name,
    beneficiaryAccount: p.beneficiary_account,
    beneficiaryBank: p.beneficiary_bank,
    amount: parseIrisAmount(p.amount)!,
    notes: p.notes,
  }));
  await db().$transaction((tx) => insertSandboxPayouts(tx, rows));
  return { status: 201, body: { payouts: rows.map((r) => ({ status: "queued", reference_no: r.referenceNo })) } };
}

const ReferenceNos = z.array(z.string().min(1).max(64)).min(1).max(500);
const ApproveRequest = z.object({ reference_nos: ReferenceNos, otp: z.string().optional() });
const RejectRequest = z.object({ reference_nos: ReferenceNos, reject_reason: z.string().trim().min(1).max(100) });

/**
 * The approver's actions (approve, reject): the approver key, then every named payout locked in one transaction,
 * the whole request refused when one is unknown; `decide` changes the payouts (and queues their notifications) or
 * refuses, and the delivery worker is woken after the commit.
 */
async function approverAction<T extends { reference_nos: string[] }>(
  input: { authorization: string | null; body: unknown },
  schema: z.ZodType<T>,
  badRequest: string,
  decide: (tx: Tx, rows: Payout[], data: T) => Promise<SandboxReply | null>,
): Promise<SandboxReply> {
  if (keyOf(input.authorization) !== "approver") return input.authorization && keyOf(input.authorization) ? forbiddenRole : unauthorized;
  const parsed = schema.safeParse(input.body);
  if (!parsed.success) return { status: 400, body: { error_message: badRequest } };
  const refs = [...new Set(parsed.data.reference_nos)];
  const reply = await db().$transaction(async (tx): Promise<SandboxReply> => {
    const rows = await lockSandboxPayouts(tx, refs);
    if (rows.length !== refs.length) return { status: 400, body: { error_message: "Payout not found", errors: refs.filter((r) => !rows.some((x) => x.referenceNo === r)) } };
    return (await decide(tx, rows, parsed.data)) ?? { status: 202, body: { status: "ok" } };
  });
  kickIrisDelivery();
  return reply;
}

/** POST /api/v1/payouts/approve (approver key). Approving an already approved payout changes nothing. */
export function sandboxApprovePayouts(input: { authorization: string | null; body: unknown; now: Date }): Promise<SandboxReply> {
  return approverAction(input, ApproveRequest, "reference_nos is required", async (tx, rows) => {
    const banksDown = new Set(env().IRIS_SANDBOX_BANKS_DOWN.split(",").map((b) => b.trim().toLowerCase()).filter(Boolean));
    for (const p of rows) {
      if (p.status !== "queued") continue;
      const failure = p.beneficiaryAccount.startsWith("0000") ? FAILURES.wrongAccount : banksDown.has(p.beneficiaryBank.toLowerCase()) ? FAILURES.bankDown : null;
      const updated = await updateSandboxPayout(tx, p.referenceNo, failure ? { status: "failed", errorCode: failure.code, errorMessage: failure.message, updatedAt: input.now } : { status: "completed", updatedAt: input.now });
      await enqueueNotification(tx, updated, input.now);
    }
    return null;
  });
}

/**
 * POST /api/v1/payouts/reject (approver key). Only a payout still waiting for approval can be rejected: one that is
 * approved, paid or failed refuses the whole request, and nothing changes. The rejection is notified like an outcome.
 */
export function sandboxRejectPayouts(input: { authorization: string | null; body: unknown; now: Date }): Promise<SandboxReply> {
  return approverAction(input, RejectRequest, "reference_nos and reject_reason are required", async (tx, rows, data) => {
    const settled = rows.filter((p) => p.status !== "queued" && p.status !== "rejected");
    if (settled.length) return { status: 400, body: { error_message: "Payout cannot be rejected", errors: settled.map((p) => p.referenceNo) } };
    for (const p of rows) {
      if (p.status === "rejected") continue;
      const updated = await updateSandboxPayout(tx, p.referenceNo, { status: "rejected", errorMessage: data.reject_reason, updatedAt: input.now });
      await enqueueNotification(tx, updated, input.now);
    }
    return null;
  });
}

/** GET /api/v1/payouts/{reference_no} */
export async function sandboxPayoutDetails(input: { authorization: string | null; referenceNo: string }): Promise<SandboxReply> {
  if (!keyOf(input.authorization)) return unauthorized;
  const p = await findSandboxPayout(input.referenceNo);
  if (!p) return { status: 404, body: { error_message: "Payout not found" } };
  return { status: 200, body: detailsBody(p) };
}

type Payout = NonNullable<Awaited<ReturnType<typeof findSandboxPayout>>>;

function detailsBody(p: Payout) {
  return {
    amount: formatIrisAmount(p.amount),
    beneficiary_name: p.beneficiaryName,
    beneficiary_account: p.beneficiaryAccount,
    bank: p.beneficiaryBank,
    reference_no: p.referenceNo,
    notes: p.notes,
    status: p.status,
    created_by: "lapak-creator",
    created_at: p.createdAt.toISOString(),
    updated_at: p.updatedAt.toISOString(),
    ...(p.errorCode ? { error_code: p.errorCode, error_message: p.errorMessage } : {}),
  };
}

/** The notification body, as the raw string that is signed and sent. */
export function notificationBody(p: Pick<Payout, "referenceNo" | "amount" | "status" | "updatedAt" | "errorCode" | "errorMessage">): string {
  return JSON.stringify({
    reference_no: p.referenceNo,
    amount: formatIrisAmount(p.amount),
    status: p.status,
    updated_at: p.updatedAt.toISOString(),
    ...(p.errorCode ? { error_code: p.errorCode, error_message: p.errorMessage } : {}),
  });
}

async function enqueueNotification(tx: Tx, p: Payout, now: Date) {
  const copies = Math.random() < env().IRIS_SANDBOX_DUPLICATE_RATE ? 2 : 1;
  const body = notificationBody(p);
  await insertSandboxIrisNotifications(tx, Array.from({ length: copies }, (_, i) => ({ referenceNo: p.referenceNo, url: irisNotificationUrl(), body, nextAttemptAt: new Date(now.getTime() + i * 300) })));
}

/** Sends every due notification once, signed with the merchant key. */
export async function deliverDueIrisNotifications(now = new Date(), take = 50) {
  const rows = await claimDueIrisNotifications(now, take, IRIS_DELIVERY.leaseMs);
  const merchantKey = irisConfig().merchantKey;
  return deliverNotificationRound(rows, {
    timeoutMs: IRIS_DELIVERY.timeoutMs,
    maxAttempts: IRIS_DELIVERY.maxAttempts,
    backoff: (attempts) => backoffMs(attempts, IRIS_DELIVERY.baseDelayMs, IRIS_DELIVERY.maxDelayMs),
    request: (row) => ({
      headers: { "Content-Type": "application/json", "Iris-Signature": irisSignature(row.body, merchantKey), "User-Agent": "Lapak-Iris-Sandbox/1.0" },
      body: row.body,
    }),
    record: recordIrisNotificationAttempt,
  });
}

let loop: ReturnType<typeof startPollingLoop> | undefined;
function kickIrisDelivery() {
  loop?.kick();
}

/** The sandbox's background loop: delivers due payout notifications. */
export function startIrisSandboxWorker(opts: { pollMs?: number } = {}) {
  if (!irisSandboxEnabled()) return { stop: async () => undefined };
  const started = startPollingLoop(
    "iris sandbox worker",
    async () => {
      const { delivered, failed } = await deliverDueIrisNotifications(new Date());
      return delivered + failed > 0;
    },
    opts,
  );
  loop = started;
  return {
    async stop() {
      if (loop === started) loop = undefined;
      await started.stop();
    },
  };
}
