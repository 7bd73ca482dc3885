/**
 * The embedded Midtrans sandbox: the gateway side of the Midtrans HTTP API, served by the portal under
 * /sandbox/midtrans and reached by the portal only over HTTP (app/infra/payments/gateway.server.ts).
 * It keeps its own tables (sandbox_*), signs notifications with the server key, delivers each at least once with
 * exponential backoff until a 2xx, sometimes twice (MIDTRANS_SANDBOX_DUPLICATE_RATE), and expires unpaid
 * transactions. Everything here is disabled unless MIDTRANS_ENV=embedded.
 */
import { randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import {
  formatGrossAmount,
  parseMidtransTime,
  signNotification,
  statusCodeFor,
  type MidtransStatus,
  type PaymentType,
  type TransactionStatus,
} from "~/domain/payments/midtrans";
import { env } from "~/infra/env.server";
import { logger } from "~/infra/logger.server";
import { deliverNotificationRound } from "~/infra/notification-delivery.server";
import { startPollingLoop } from "~/infra/polling-loop.server";
import { midtransConfig, midtransServerKey } from "~/infra/payments/gateway.server";
import {
  claimDueNotifications,
  findSandboxTransaction,
  findSandboxTransactionByToken,
  insertSandboxNotifications,
  insertSandboxRefund,
  insertSandboxTransaction,
  listExpiredPendingOrderIds,
  listSandboxNotifications,
  recordNotificationAttempt,
  updateSandboxTransaction,
  withLockedSandboxTransaction,
  type SandboxTransaction,
} from "~/models/sandbox-midtrans.server";
import type { Tx } from "~/infra/db.server";

export const SANDBOX_METHODS = [
  { code: "bca", kind: "va", label: "BCA Virtual Account", paymentType: "bank_transfer", prefix: "12345" },
  { code: "bni", kind: "va", label: "BNI Virtual Account", paymentType: "bank_transfer", prefix: "988" },
  { code: "bri", kind: "va", label: "BRI Virtual Account", paymentType: "bank_transfer", prefix: "26215" },
  { code: "mandiri", kind: "va", label: "Mandiri Bill Payment", paymentType: "echannel", prefix: "70012" },
  { code: "permata", kind: "va", label: "Permata Virtual Account", paymentType: "bank_transfer", prefix: "8778" },
  { code: "qris", kind: "qris", label: "QRIS", paymentType: "qris", prefix: "" },
  { code: "gopay", kind: "ewallet", label: "GoPay", paymentType: "gopay", prefix: "" },
  { code: "shopeepay", kind: "ewallet", label: "ShopeePay", paymentType: "shopeepay", prefix: "" },
] as const satisfies readonly { code: string; kind: string; label: string; paymentType: PaymentType; prefix: string }[];
export type SandboxMethodCode = (typeof SANDBOX_METHODS)[number]["code"];

/** A JSON answer of the sandbox API: HTTP status and body, as the real gateway would send them. */
export interface SandboxReply {
  status: number;
  body: Record<string, unknown>;
}

export function sandboxEnabled(): boolean {
  return env().MIDTRANS_ENV === "embedded";
}

export function requireSandbox() {
  if (!sandboxEnabled()) throw new Response("Not Found", { status: 404 });
}

/** HTTP Basic with the server key as user and an empty password, as Midtrans requires. */
export function isAuthorized(authorization: string | null): boolean {
  if (!authorization?.startsWith("Basic ")) return false;
  const given = Buffer.from(authorization.slice(6).trim(), "base64");
  const expected = Buffer.from(`${midtransServerKey()}:`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const unauthorized: SandboxReply = { status: 401, body: { status_code: "401", error_messages: ["Access denied due to unauthorized transaction, please check client or server key"] } };

const SnapRequest = z.object({
  transaction_details: z.object({
    order_id: z.string().min(1).max(50).regex(/^[A-Za-z0-9._~-]+$/),
    gross_amount: z.number().int().positive(),
  }),
  customer_details: z.object({ first_name: z.string().optional(), email: z.string().optional(), phone: z.string().optional() }).partial().optional(),
  item_details: z.array(z.object({ id: z.string().optional(), name: z.string(), price: z.number().int(), quantity: z.number().int().positive() })).optional(),
  expiry: z.object({ start_time: z.string().optional(), unit: z.string(), duration: z.number().int().positive() }).optional(),
  callbacks: z.object({ finish: z.string().optional() }).optional(),
});

function expiryMs(expiry: { unit: string; duration: number } | undefined): number {
  if (!expiry) return 24 * 3600_000;
  const unit = expiry.unit.replace(/s$/, "");
  const ms = unit === "minute" ? 60_000 : unit === "hour" ? 3600_000 : unit === "day" ? 86_400_000 : 60_000;
  return expiry.duration * ms;
}

/** POST /snap/v1/transactions */
export async function snapCreate(input: { authorization: string | null; body: unknown; overrideNotification: string | null; publicBase: string; now: Date }): Promise<SandboxReply> {
  if (!isAuthorized(input.authorization)) return unauthorized;
  const parsed = SnapRequest.safeParse(input.body);
  if (!parsed.success) {
    return { status: 400, body: { error_messages: parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`) } };
  }
  const req = parsed.data;
  // Like Snap: the window counts from expiry.start_time when given, else from now.
  const start = req.expiry?.start_time === undefined ? input.now : parseMidtransTime(req.expiry.start_time);
  if (!start) return { status: 400, body: { error_messages: ["expiry.start_time format is invalid, use yyyy-MM-dd HH:mm:ss Z"] } };
  if (req.item_details?.length) {
    const sum = req.item_details.reduce((s, i) => s + i.price * i.quantity, 0);
    if (sum !== req.transaction_details.gross_amount) {
      return { status: 400, body: { error_messages: ["transaction_details.gross_amount is not equal to the sum of item_details"] } };
    }
  }
  if (await findSandboxTransaction(req.transaction_details.order_id)) {
    return { status: 400, body: { error_messages: ["transaction_details.order_id sudah digunakan"] } };
  }
  const token = randomUUID();
  // X-Override-Notification may list several URLs separated by commas; the sandbox notifies the first.
  const notificationUrl = input.overrideNotification?.split(",")[0]?.trim() || midtransConfig().notificationUrl || null;
  try {
    await insertSandboxTransaction({
      orderId: req.transaction_details.order_id,
      token,
      grossAmount: req.transaction_details.gross_amount,
      customer: req.customer_details ?? {},
      items: req.item_details ?? [],
      finishUrl: req.callbacks?.finish ?? null,
      notificationUrl,
      expiresAt: new Date(start.getTime() + expiryMs(req.expiry)),
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return { status: 400, body: { error_messages: ["transaction_details.order_id sudah digunakan"] } };
    throw error;
  }
  return { status: 201, body: { token, redirect_url: `${input.publicBase}/sandbox/midtrans/pay/${token}` } };
}

/** Jakarta wall-clock time as Midtrans writes it: "2026-12-01 21:04:05". */
function midtransTime(d: Date): string {
  return new Date(d.getTime() + 7 * 3600_000).toISOString().replace("T", " ").slice(0, 19);
}

function methodOf(code: string | null) {
  return SANDBOX_METHODS.find((m) => m.code === code);
}

/** The status body (same fields as a notification, unsigned). */
export function statusBody(t: SandboxTransaction, overrideStatus?: TransactionStatus): MidtransStatus {
  const status = (overrideStatus ?? t.status) as TransactionStatus;
  const method = methodOf(t.bank);
  const body: MidtransStatus = {
    status_code: statusCodeFor(status),
    status_message: "Success, transaction is found",
    transaction_id: t.transactionId,
    order_id: t.orderId,
    gross_amount: formatGrossAmount(t.grossAmount),
    currency: "IDR",
    payment_type: method?.paymentType ?? "bank_transfer",
    transaction_time: midtransTime(t.createdAt),
    transaction_status: status,
    fraud_status: "accept",
  };
  if (t.settledAt) body.settlement_time = midtransTime(t.settledAt);
  if (method?.kind === "va" && t.vaNumber) body.va_numbers = [{ bank: method.code, va_number: t.vaNumber }];
  if (t.refunds.length) {
    body.refund_amount = formatGrossAmount(t.refundedAmount);
    body.refunds = t.refunds.map((r) => ({ refund_key: r.refundKey, refund_amount: formatGrossAmount(r.amount), reason: r.reason, created_at: midtransTime(r.createdAt) }));
  }
  return body;
}

/** A Snap token without a chosen payment method is not a transaction yet: the status API does not know it. */
function knownToStatusApi(t: SandboxTransaction) {
  return t.bank !== null || t.status !== "pending";
}

/** GET /v2/{order_id}/status */
export async function sandboxStatus(input: { authorization: string | null; orderId: string }): Promise<SandboxReply> {
  if (!isAuthorized(input.authorization)) return unauthorized;
  const t = await findSandboxTransaction(input.orderId);
  if (!t || !knownToStatusApi(t)) return { status: 404, body: { status_code: "404", status_message: "Transaction doesn't exist." } };
  return { status: 200, body: statusBody(t) as unknown as Record<string, unknown> };
}

const RefundRequest = z.object({
  refund_key: z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/).optional(),
  amount: z.number().int().positive().optional(),
  reason: z.string().max(255).optional(),
});

/** POST /v2/{order_id}/refund: idempotent by refund_key (the same key twice refunds once). */
export async function sandboxRefund(input: { authorization: string | null; orderId: string; body: unknown; now: Date }): Promise<SandboxReply> {
  if (!isAuthorized(input.authorization)) return unauthorized;
  const parsed = RefundRequest.safeParse(input.body);
  if (!parsed.success) return { status: 400, body: { status_code: "400", status_message: parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ") } };
  const refundKey = parsed.data.refund_key ?? randomUUID();
  const reply = await withLockedSandboxTransaction(input.orderId, async (tx, t) => {
    const existing = t.refunds.find((r) => r.refundKey === refundKey);
    if (existing) return refundReply(t, existing.refundKey, existing.amount);
    if (t.status !== "settlement" && t.status !== "partial_refund") {
      return { status: 412, body: { status_code: "412", status_message: "Transaction status cannot be updated." } } satisfies SandboxReply;
    }
    const amount = parsed.data.amount ?? t.grossAmount - t.refundedAmount;
    if (amount > t.grossAmount - t.refundedAmount) {
      return { status: 412, body: { status_code: "412", status_message: "Refund amount exceeds the refundable amount." } } satisfies SandboxReply;
    }
    await insertSandboxRefund(tx, { orderId: t.orderId, refundKey, amount, reason: parsed.data.reason ?? "" });
    const refunded = t.refundedAmount + amount;
    const updated = await updateSandboxTransaction(tx, t.orderId, { refundedAmount: refunded, status: refunded === t.grossAmount ? "refund" : "partial_refund" });
    await enqueueNotification(tx, updated);
    return refundReply(updated, refundKey, amount);
  });
  return reply ?? { status: 404, body: { status_code: "404", status_message: "Transaction doesn't exist." } };
}

function refundReply(t: SandboxTransaction, refundKey: string, amount: number): SandboxReply {
  return {
    status: 200,
    body: {
      ...statusBody(t),
      status_code: "200",
      status_message: "Success, refund request is approved",
      refund_key: refundKey,
      refund_amount: formatGrossAmount(amount),
      refund_chargeback_id: `${t.transactionId.slice(0, 8)}-${refundKey}`,
    },
  };
}

/** Queues the signed notification of the transaction's current state (sometimes twice, like the real one). */
async function enqueueNotification(tx: Tx, t: SandboxTransaction, opts: { status?: TransactionStatus; copies?: number; at?: Date } = {}) {
  if (!t.notificationUrl) return;
  const body = signNotification(statusBody(t, opts.status), midtransServerKey()) as unknown as Record<string, unknown>;
  const copies = opts.copies ?? (Math.random() < env().MIDTRANS_SANDBOX_DUPLICATE_RATE ? 2 : 1);
  await insertSandboxNotifications(
    tx,
    Array.from({ length: copies }, (_, i) => ({ orderId: t.orderId, url: t.notificationUrl!, body, nextAttemptAt: new Date((opts.at ?? new Date()).getTime() + i * 300) })),
  );
  kickDelivery();
}

// ---- The payment page ----

export async function paymentPage(token: string, now: Date) {
  const t = await findSandboxTransactionByToken(token);
  if (!t) return null;
  const expired = t.status === "pending" && t.expiresAt <= now;
  return {
    orderId: t.orderId,
    grossAmount: t.grossAmount,
    status: expired ? "expire" : t.status,
    method: t.bank,
    vaNumber: t.vaNumber,
    qrString: t.bank === "qris" ? qrisPayload(t) : null,
    expiresAt: t.expiresAt.toISOString(),
    finishUrl: t.finishUrl ? finishUrlWith(t.finishUrl, t) : null,
    items: t.items as { name: string; price: number; quantity: number }[],
  };
}

/** Midtrans appends order_id, status_code and transaction_status to the finish URL. */
function finishUrlWith(url: string, t: SandboxTransaction) {
  try {
    const u = new URL(url);
    u.searchParams.set("order_id", t.orderId);
    u.searchParams.set("status_code", statusCodeFor(t.status as TransactionStatus));
    u.searchParams.set("transaction_status", t.status);
    return u.toString();
  } catch {
    return url;
  }
}

/** Not a real EMVCo QRIS payload: a recognisable sandbox string the QR encodes. */
function qrisPayload(t: SandboxTransaction) {
  return `LAPAK-SANDBOX-QRIS|${t.orderId}|${t.grossAmount}|${t.transactionId}`;
}

function vaNumberFor(prefix: string, orderId: string) {
  let digits = "";
  for (const ch of orderId) digits += (ch.charCodeAt(0) % 10).toString();
  const tail = (digits + String(randomInt(10 ** 9)).padStart(9, "0")).slice(-11);
  return (prefix + tail).slice(0, 18);
}

export type PageResult = { ok: true } | { ok: false; error: "not_found" | "expired" | "already_paid" | "no_method" | "bad_method" };

/** The payer picks a method: a VA number is issued and a `pending` notification is sent. */
export async function chooseMethod(token: string, methodCode: string, now: Date): Promise<PageResult> {
  const method = methodOf(methodCode);
  if (!method) return { ok: false, error: "bad_method" };
  const found = await findSandboxTransactionByToken(token);
  if (!found) return { ok: false, error: "not_found" };
  const result = await withLockedSandboxTransaction(found.orderId, async (tx, t): Promise<PageResult> => {
    if (t.status !== "pending") return { ok: false, error: "already_paid" };
    if (t.expiresAt <= now) return { ok: false, error: "expired" };
    const updated = await updateSandboxTransaction(tx, t.orderId, { bank: method.code, vaNumber: method.kind === "va" ? vaNumberFor(method.prefix, t.orderId) : null });
    await enqueueNotification(tx, updated);
    return { ok: true };
  });
  return result ?? { ok: false, error: "not_found" };
}

/** "Bayar": the transaction settles and a `settlement` notification is sent. */
export async function payNow(token: string, now: Date): Promise<PageResult> {
  const found = await findSandboxTransactionByToken(token);
  if (!found) return { ok: false, error: "not_found" };
  const result = await withLockedSandboxTransaction(found.orderId, async (tx, t): Promise<PageResult> => {
    if (t.status !== "pending") return { ok: false, error: "already_paid" };
    if (t.expiresAt <= now) return { ok: false, error: "expired" };
    if (!t.bank) return { ok: false, error: "no_method" };
    const updated = await updateSandboxTransaction(tx, t.orderId, { status: "settlement", settledAt: now });
    await enqueueNotification(tx, updated);
    return { ok: true };
  });
  return result ?? { ok: false, error: "not_found" };
}

/** Pending transactions past their Snap expiry become `expire` and notify. */
export async function expireOverdueTransactions(now: Date): Promise<number> {
  let n = 0;
  for (const orderId of await listExpiredPendingOrderIds(now)) {
    const done = await withLockedSandboxTransaction(orderId, async (tx, t) => {
      if (t.status !== "pending" || t.expiresAt > now) return false;
      const updated = await updateSandboxTransaction(tx, orderId, { status: "expire" });
      await enqueueNotification(tx, updated);
      return true;
    });
    if (done) n++;
  }
  return n;
}

// ---- Delivery: at least once, exponential backoff until a 2xx ----

export const DELIVERY = { baseDelayMs: 1000, maxDelayMs: 10 * 60_000, maxAttempts: 20, leaseMs: 30_000, timeoutMs: 10_000 };

/** Delay before attempt n+1 after n failed attempts: base · 2^(n-1), capped. */
export function backoffMs(failedAttempts: number, base = DELIVERY.baseDelayMs, max = DELIVERY.maxDelayMs) {
  return Math.min(max, base * 2 ** Math.max(0, failedAttempts - 1));
}

/** Sends every due notification once; returns how many were delivered and how many failed this round. */
export async function deliverDueNotifications(now = new Date(), take = 50): Promise<{ delivered: number; failed: number }> {
  const rows = await claimDueNotifications(now, take, DELIVERY.leaseMs);
  return deliverNotificationRound(rows, {
    timeoutMs: DELIVERY.timeoutMs,
    maxAttempts: DELIVERY.maxAttempts,
    backoff: (attempts) => backoffMs(attempts),
    request: (row) => ({
      headers: { "Content-Type": "application/json", Accept: "application/json", "User-Agent": "Lapak-Midtrans-Sandbox/1.0" },
      body: JSON.stringify(row.body),
    }),
    record: recordNotificationAttempt,
  });
}

let loop: ReturnType<typeof startPollingLoop> | undefined;
function kickDelivery() {
  loop?.kick();
}

/** The sandbox's background loop: delivers due notifications and expires overdue transactions. */
export function startSandboxWorker(opts: { pollMs?: number } = {}) {
  if (!sandboxEnabled()) return { stop: async () => undefined };
  let first = true;
  const started = startPollingLoop(
    "midtrans sandbox worker",
    async () => {
      if (first) await expireOverdueTransactions(new Date());
      const { delivered, failed } = await deliverDueNotifications(new Date());
      first = delivered + failed === 0;
      return !first;
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

// ---- Test hooks (embedded only, server key required) ----

const Hook = z.discriminatedUnion("hook", [
  // Send a notification with this status now (without changing the sandbox's state unless apply=true).
  z.object({ hook: z.literal("notify"), order_id: z.string(), transaction_status: z.enum(["pending", "settlement", "capture", "expire", "cancel", "deny", "refund", "partial_refund"]), copies: z.number().int().min(1).max(100).optional(), apply: z.boolean().optional(), bad_signature: z.boolean().optional(), gross_amount: z.string().optional() }),
  // Send again every notification sent so far for the order, optionally in reverse order.
  z.object({ hook: z.literal("replay"), order_id: z.string(), reverse: z.boolean().optional() }),
  // Move the Snap expiry to now.
  z.object({ hook: z.literal("expire"), order_id: z.string() }),
  // Run one delivery round now.
  z.object({ hook: z.literal("deliver") }),
]);

export async function runTestHook(input: { authorization: string | null; hook: string; body: unknown; now: Date }): Promise<SandboxReply> {
  if (!isAuthorized(input.authorization)) return unauthorized;
  const parsed = Hook.safeParse({ ...(input.body as object), hook: input.hook });
  if (!parsed.success) return { status: 400, body: { error_messages: parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`) } };
  const h = parsed.data;
  if (h.hook === "deliver") {
    await expireOverdueTransactions(input.now);
    return { status: 200, body: await deliverDueNotifications(input.now) };
  }
  if (h.hook === "replay") {
    const sent = await listSandboxNotifications(h.order_id);
    const order = h.reverse ? [...sent].reverse() : sent;
    const done = await withLockedSandboxTransaction(h.order_id, async (tx) => {
      await insertSandboxNotifications(tx, order.map((n, i) => ({ orderId: n.orderId, url: n.url, body: n.body as object, nextAttemptAt: new Date(input.now.getTime() + i * 200) })));
      return order.length;
    });
    kickDelivery();
    return done === null ? { status: 404, body: { status_code: "404" } } : { status: 200, body: { replayed: done } };
  }
  if (h.hook === "expire") {
    const done = await withLockedSandboxTransaction(h.order_id, (tx, t) => updateSandboxTransaction(tx, t.orderId, { expiresAt: input.now }));
    if (!done) return { status: 404, body: { status_code: "404" } };
    const n = await expireOverdueTransactions(input.now);
    return { status: 200, body: { expired: n } };
  }
  const done = await withLockedSandboxTransaction(h.order_id, async (tx, t) => {
    let row = t;
    if (h.apply) {
      row = await updateSandboxTransaction(tx, t.orderId, {
        status: h.transaction_status,
        bank: t.bank ?? "bca",
        vaNumber: t.vaNumber ?? vaNumberFor("12345", t.orderId),
        settledAt: h.transaction_status === "settlement" ? (t.settledAt ?? input.now) : t.settledAt,
      });
    }
    if (!row.notificationUrl) return 0;
    const status = statusBody(row, h.transaction_status);
    if (h.gross_amount) status.gross_amount = h.gross_amount;
    const body = signNotification(status, midtransServerKey()) as unknown as Record<string, unknown>;
    if (h.bad_signature) body.signature_key = "0".repeat(128);
    const copies = h.copies ?? 1;
    await insertSandboxNotifications(tx, Array.from({ length: copies }, () => ({ orderId: row.orderId, url: row.notificationUrl!, body })));
    return copies;
  });
  kickDelivery();
  return done === null ? { status: 404, body: { status_code: "404" } } : { status: 200, body: { queued: done } };
}

export { listSandboxNotifications };

export function replyResponse(reply: SandboxReply): Response {
  return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}

/** Reads a JSON body; a malformed one becomes `null` (the schema then refuses it with a 400). */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return null;
  }
}
