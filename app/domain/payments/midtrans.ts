/**
 * The Midtrans HTTP API as data: the notification/status body, money as Midtrans writes it, and the
 * notification signature. Pure: no fetch, no env. Node's crypto is used for SHA-512 (server code only imports it).
 *
 * Facts (Midtrans docs, see docs/decisions/0009-midtrans-adapter.md): `gross_amount` is a string with two decimals
 * ("125000.00"); `signature_key` = SHA-512 hex of order_id + status_code + gross_amount + server key.
 */
import { createHash, timingSafeEqual } from "node:crypto";

export const TRANSACTION_STATUSES = [
  "pending",
  "settlement",
  "capture",
  "expire",
  "cancel",
  "deny",
  "refund",
  "partial_refund",
  "failure",
] as const;
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];

/** The payment_type values of the methods Lapak's checkout offers, plus card and convenience-store payments. */
export const PAYMENT_TYPES = ["bank_transfer", "echannel", "qris", "gopay", "shopeepay", "credit_card", "cstore"] as const;
export type PaymentType = (typeof PAYMENT_TYPES)[number];

export interface MidtransVaNumber {
  bank: string;
  va_number: string;
}

/** What a status response and an HTTP notification both carry (the fields Lapak reads). */
export interface MidtransStatus {
  order_id: string;
  status_code: string;
  gross_amount: string;
  transaction_status: TransactionStatus;
  payment_type: string;
  transaction_id: string;
  fraud_status?: string;
  transaction_time?: string;
  settlement_time?: string;
  va_numbers?: MidtransVaNumber[];
  currency?: string;
  status_message?: string;
  refund_amount?: string;
  refunds?: { refund_key: string; refund_amount: string; reason?: string; created_at?: string }[];
  signature_key?: string;
}

export interface MidtransNotification extends MidtransStatus {
  signature_key: string;
}

const WIB_MS = 7 * 3_600_000;

/** A moment as Midtrans writes times: "2026-12-02 17:05:09 +0700" (WIB, whole seconds). */
export function formatMidtransTime(at: Date): string {
  return `${new Date(at.getTime() + WIB_MS).toISOString().slice(0, 19).replace("T", " ")} +0700`;
}

/** "2026-12-02 17:05:09 +0700" (any ±hhmm offset) → the moment; null when it is not such a time. */
export function parseMidtransTime(s: unknown): Date | null {
  const m = typeof s === "string" ? /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) ([+-])(\d\d)(\d\d)$/.exec(s.trim()) : null;
  if (!m) return null;
  const at = Date.parse(`${m[1]}T${m[2]}${m[3]}${m[4]}:${m[5]}`);
  return Number.isNaN(at) ? null : new Date(at);
}

/**
 * The Snap page's payment window for a payment we close at `expiresAt`: counted from when the payment was made (whole
 * seconds, as Midtrans reads start_time), for the whole minutes that fit before our deadline, so the gateway shows
 * and enforces the same deadline as the order page, never a later one (at most 59 s earlier).
 */
export function snapExpiry(createdAt: Date, expiresAt: Date): { start: Date; minutes: number; closesAt: Date } {
  const start = new Date(Math.floor(createdAt.getTime() / 1000) * 1000);
  const minutes = Math.max(0, Math.floor((expiresAt.getTime() - start.getTime()) / 60_000));
  return { start, minutes, closesAt: new Date(start.getTime() + minutes * 60_000) };
}

/** Integer rupiah → "125000.00" as Midtrans writes gross_amount. */
export function formatGrossAmount(rupiah: number): string {
  if (!Number.isSafeInteger(rupiah) || rupiah < 0) throw new RangeError(`gross amount must be whole rupiah, got ${rupiah}`);
  return `${rupiah}.00`;
}

/** "125000.00" (or "125000") → 125000; null when it is not a whole, non-negative rupiah amount. */
export function parseGrossAmount(s: unknown): number | null {
  if (typeof s !== "string" && typeof s !== "number") return null;
  const text = String(s).trim();
  const m = /^(\d{1,15})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  if (m[2] && Number(m[2]) !== 0) return null; // rupiah has no cents in practice
  const value = Number(m[1]);
  return Number.isSafeInteger(value) ? value : null;
}

export function notificationSignature(input: { orderId: string; statusCode: string; grossAmount: string; serverKey: string }): string {
  return createHash("sha512").update(`${input.orderId}${input.statusCode}${input.grossAmount}${input.serverKey}`, "utf8").digest("hex");
}

/** Constant-time compare of the notification's signature_key with the one we compute. */
export function hasValidSignature(
  notification: Pick<MidtransNotification, "order_id" | "status_code" | "gross_amount"> & { signature_key?: unknown },
  serverKey: string,
): boolean {
  const given = notification.signature_key;
  if (typeof given !== "string" || !/^[0-9a-f]{128}$/i.test(given)) return false;
  if (typeof notification.order_id !== "string" || typeof notification.status_code !== "string" || typeof notification.gross_amount !== "string") {
    return false;
  }
  const expected = notificationSignature({
    orderId: notification.order_id,
    statusCode: notification.status_code,
    grossAmount: notification.gross_amount,
    serverKey,
  });
  return timingSafeEqual(Buffer.from(expected, "hex"), Buffer.from(given.toLowerCase(), "hex"));
}

/** Signs a status body as the gateway does (used by the embedded sandbox and by tests). */
export function signNotification(status: MidtransStatus, serverKey: string): MidtransNotification {
  return {
    ...status,
    signature_key: notificationSignature({
      orderId: status.order_id,
      statusCode: status.status_code,
      grossAmount: status.gross_amount,
      serverKey,
    }),
  };
}

/** Midtrans' status_code per transaction_status: 200 success, 201 pending/challenge, 202 denied/expired/cancelled. */
export function statusCodeFor(status: TransactionStatus): string {
  switch (status) {
    case "settlement":
    case "capture":
    case "refund":
    case "partial_refund":
      return "200";
    case "pending":
      return "201";
    default:
      return "202";
  }
}

/** Whether a transaction status means the money reached the gateway (capture counts only when fraud_status accept). */
export function isPaid(status: Pick<MidtransStatus, "transaction_status" | "fraud_status">): boolean {
  if (status.transaction_status === "settlement") return true;
  return status.transaction_status === "capture" && (status.fraud_status ?? "accept") === "accept";
}

export function isTransactionStatus(s: unknown): s is TransactionStatus {
  return typeof s === "string" && (TRANSACTION_STATUSES as readonly string[]).includes(s);
}
