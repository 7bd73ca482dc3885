import { DomainError } from "~/domain/errors";
import { paymentSettledPosting } from "~/domain/ledger/postings";
import { hasValidSignature, isPaid, isTransactionStatus, parseGrossAmount, snapExpiry, type MidtransStatus } from "~/domain/payments/midtrans";
import { appOrigin, env } from "~/infra/env.server";
import { logger } from "~/infra/logger.server";
import { midtransServerKey, paymentGateway } from "~/infra/payments/gateway.server";
import { postEntry } from "~/models/ledger.server";
import {
  duePendingPaymentIds,
  findPaymentByNumber,
  findPaymentForStart,
  findPaymentState,
  insertOrderEvent,
  insertPaymentEvent,
  lockOrdersOfPayment,
  lockProductsOfOrders,
  lockPayment,
  markPaymentClosed,
  markPaymentSettled,
  savePaymentRedirect,
  inOrderTx,
} from "~/models/order.server";
import { applyOrderTransition, processRefund, requestRefund, SYSTEM } from "./orders.server";

/**
 * Opens the gateway's payment page for a checkout's payment (Snap). Asking twice returns the same page.
 * Midtrans order_id = our payment number; one item per order so the items add up to the gross amount.
 */
export async function startPayment(buyerId: string, paymentNumber: string, now = new Date()): Promise<string> {
  const payment = await findPaymentForStart(buyerId, paymentNumber);
  if (!payment) throw new DomainError("not_found", "payment_not_found");
  if (payment.status !== "pending") throw new DomainError("invalid_transition", "payment_not_pending");
  if (payment.redirectUrl) return payment.redirectUrl;
  // The gateway's window starts when the payment was made, so its page shows the order page's deadline.
  const expiry = snapExpiry(payment.createdAt, payment.expiresAt);
  if (expiry.closesAt.getTime() - now.getTime() < 60_000) throw new DomainError("invalid_transition", "payment_not_pending");
  const { token, redirectUrl } = await paymentGateway().createTransaction({
    orderId: payment.paymentNumber,
    grossAmount: payment.grossAmount,
    customer: { name: payment.buyer.name, email: payment.buyer.email },
    items: payment.orders.map((o) => ({ id: o.orderNumber, name: `${o.orderNumber} ${o.shop.name}`, price: o.total, quantity: 1 })),
    expiryMinutes: expiry.minutes,
    expiryStart: expiry.start,
    finishUrl: `${appOrigin()}/pesanan?pembayaran=${encodeURIComponent(payment.paymentNumber)}`,
  });
  return (await savePaymentRedirect(payment.id, token, redirectUrl)).redirectUrl ?? redirectUrl;
}

export type NotificationOutcome =
  | { status: 200; outcome: "settled" | "already_settled" | "closed" | "already_closed" | "ignored"; refunds?: number }
  | { status: 400 | 401 | 404 | 409; outcome: "refused"; reason: string };

function refuse(status: 400 | 401 | 404 | 409, reason: string, body: Record<string, unknown>): NotificationOutcome {
  // Logged and answered; nothing is written for a refused notification.
  logger.warn({ reason, order_id: body.order_id, transaction_status: body.transaction_status, gross_amount: body.gross_amount }, "payment notification refused");
  return { status, outcome: "refused", reason };
}

/**
 * POST /payments/midtrans/notification. Checks the signature, the order (payment number) and the amount, then
 * asks the status API what really happened and applies that, so a forged, replayed, duplicated or reordered
 * notification can never move a payment: settlement is applied once, a later "pending" changes nothing, and an
 * "expire" after a settlement is refused by the payment's own state.
 */
export async function handleMidtransNotification(body: unknown): Promise<NotificationOutcome> {
  if (!body || typeof body !== "object") return refuse(400, "not_json_object", {});
  const n = body as Record<string, unknown>;
  if (typeof n.order_id !== "string" || typeof n.status_code !== "string" || typeof n.gross_amount !== "string" || !isTransactionStatus(n.transaction_status)) {
    return refuse(400, "malformed", n);
  }
  if (!hasValidSignature(n as never, midtransServerKey())) return refuse(401, "bad_signature", n);
  const payment = await findPaymentByNumber(n.order_id);
  if (!payment) return refuse(404, "unknown_order", n);
  if (parseGrossAmount(n.gross_amount) !== payment.grossAmount) return refuse(400, "amount_mismatch", n);

  const told = n.transaction_status;
  if (told === "pending" || told === "refund" || told === "partial_refund") {
    // Nothing to do: pending never moves a payment back, and refunds are recorded when we make them.
    return { status: 200, outcome: "ignored" };
  }
  if (payment.status === "settled") return { status: 200, outcome: "already_settled" };
  if (payment.status !== "pending" && !isPaid({ transaction_status: told, fraud_status: n.fraud_status as string | undefined })) {
    return { status: 200, outcome: "already_closed" };
  }

  const asked = await gatewayStatusOf(payment);
  // Unavailable: the 409 makes the gateway send the notification again later.
  if (asked === "unavailable") return { status: 409, outcome: "refused", reason: "status_unavailable" };
  if (asked === "unknown" || asked === "amount_mismatch") return refuse(409, asked === "unknown" ? "status_unknown" : "status_amount_mismatch", n);
  const status = asked;

  if (isPaid(status)) {
    const result = await applySettlement(payment.id, status, "notification");
    return { status: 200, outcome: result.applied ? "settled" : "already_settled", refunds: result.refunds };
  }
  if (["expire", "cancel", "deny", "failure"].includes(status.transaction_status)) {
    const closed = await closePayment(payment.id, status.transaction_status === "expire" ? "expired" : "failed", status.transaction_status, "notification");
    return { status: 200, outcome: closed ? "closed" : "already_closed" };
  }
  // The notification said settlement but the gateway says otherwise (still pending): not believed, and the 409 makes
  // the gateway try again later. A card capture held for fraud review ("challenge") is neither: nothing to do yet.
  if (isPaid({ transaction_status: told, fraud_status: n.fraud_status as string | undefined })) return refuse(409, "settlement_not_confirmed", n);
  return { status: 200, outcome: "ignored" };
}

/**
 * The buyer is back from the payment page (its finish link): ask the gateway now instead of waiting for its
 * notification, so "Pembayaran berhasil" is followed by an order that says paid. Only the buyer's own pending
 * payment, only what the status API confirms (as the notification path does), and never an error for the page:
 * if the gateway cannot be asked, the notification still settles it.
 */
export async function checkReturnedPayment(buyerId: string, paymentNumber: string): Promise<void> {
  const payment = await findPaymentByNumber(paymentNumber);
  if (!payment || payment.buyerId !== buyerId || payment.status !== "pending") return;
  const status = await gatewayStatusOf(payment);
  if (typeof status === "object" && isPaid(status)) await applySettlement(payment.id, status, "buyer_return");
}

/**
 * What the gateway's status API says of a payment, only when it is about this payment and its amount: the one
 * answer a notification or a buyer's return may act on. A failed call is logged and reported as "unavailable".
 */
async function gatewayStatusOf(payment: { paymentNumber: string; grossAmount: number }): Promise<MidtransStatus | "unavailable" | "unknown" | "amount_mismatch"> {
  let status: MidtransStatus | null;
  try {
    status = await paymentGateway().getStatus(payment.paymentNumber);
  } catch (error) {
    logger.warn({ order_id: payment.paymentNumber, err: (error as Error).message }, "payment status check failed");
    return "unavailable";
  }
  if (!status || status.order_id !== payment.paymentNumber) return "unknown";
  return parseGrossAmount(status.gross_amount) === payment.grossAmount ? status : "amount_mismatch";
}

/**
 * Money reached the gateway for this payment. Under the payment's row lock: mark it settled once, post the
 * ledger entry (provider clearing vs escrow per order), and move each order: awaiting payment → paid; an order
 * that expired or was cancelled meanwhile gets its money refunded (never kept, never lost).
 */
export async function applySettlement(paymentId: string, status: Pick<MidtransStatus, "transaction_status" | "payment_type" | "transaction_id" | "settlement_time">, source: string, now = new Date()) {
  const outcome = await inOrderTx(async (tx) => {
    const payment = await lockPayment(tx, paymentId);
    if (!payment) throw new DomainError("not_found", "payment_not_found");
    if (payment.status === "settled") return { applied: false, refundIds: [] as string[] };
    await markPaymentSettled(tx, paymentId, { settledAt: now, paymentType: status.payment_type ?? null, transactionId: status.transaction_id ?? null });
    await insertPaymentEvent(tx, { paymentId, source, transactionStatus: status.transaction_status, detail: { payment_type: status.payment_type, transaction_id: status.transaction_id, was: payment.status } });
    const orders = await lockOrdersOfPayment(tx, paymentId);
    await lockProductsOfOrders(tx, orders.filter((o) => o.status === "awaiting_payment").map((o) => o.id));
    await postEntry(tx, paymentSettledPosting({ id: payment.id, paymentNumber: payment.payment_number, grossAmount: payment.gross_amount, orders: orders.map((o) => ({ id: o.id, shopId: o.shop_id, total: o.total })) }));
    const refundIds: string[] = [];
    for (const order of orders) {
      if (order.status === "awaiting_payment") {
        await applyOrderTransition(tx, order, "pay", SYSTEM, { detail: { payment: payment.payment_number, payment_type: status.payment_type }, now });
      } else {
        await insertOrderEvent(tx, { orderId: order.id, event: "late_payment", fromStatus: order.status, toStatus: order.status, actorRole: "system", reason: "payment_after_close" });
        const refundId = await requestRefund(tx, order, "Pembayaran diterima setelah pesanan kedaluwarsa atau dibatalkan");
        if (refundId) refundIds.push(refundId);
      }
    }
    return { applied: true, refundIds };
  });
  for (const id of outcome.refundIds) await processRefund(id).catch((error) => logger.error({ err: error, refund: id }, "refund after late payment failed; the job will retry"));
  return { applied: outcome.applied, refunds: outcome.refundIds.length };
}

/** The gateway says the payment will not come (expire, cancel, deny): close it and expire its unpaid orders. */
export async function closePayment(paymentId: string, to: "expired" | "failed", transactionStatus: string, source: string, now = new Date()): Promise<boolean> {
  return inOrderTx(async (tx) => {
    const payment = await lockPayment(tx, paymentId);
    if (!payment || payment.status !== "pending") return false;
    await markPaymentClosed(tx, paymentId, to);
    await insertPaymentEvent(tx, { paymentId, source, transactionStatus });
    const orders = await lockOrdersOfPayment(tx, paymentId);
    await lockProductsOfOrders(tx, orders.filter((o) => o.status === "awaiting_payment").map((o) => o.id));
    for (const order of orders) {
      if (order.status === "awaiting_payment") await applyOrderTransition(tx, order, "expire", SYSTEM, { reason: transactionStatus, now });
    }
    return true;
  });
}

/** The scheduled job: unpaid payments past their deadline expire and give their stock back. */
export async function expireUnpaidPayments(now = new Date(), limit = 500): Promise<number> {
  let expired = 0;
  for (const id of await duePendingPaymentIds(now, limit)) {
    if (await expirePaymentIfDue(id, now)) expired++;
  }
  return expired;
}

/** One payment: the row lock orders this against a settlement arriving at the same moment. */
export async function expirePaymentIfDue(paymentId: string, now = new Date()): Promise<boolean> {
  const payment = await findPaymentState(paymentId);
  if (!payment || payment.status !== "pending" || payment.expiresAt > now) return false;
  return closePayment(paymentId, "expired", "expire", "expiry_job", now);
}

export function paymentExpiryHours(): number {
  return env().PAYMENT_EXPIRY_HOURS;
}
