import "~/i18n/register";
import type { Prisma } from "~/generated/prisma/client";
import { DomainError } from "~/domain/errors";
import { refundPosting } from "~/domain/ledger/postings";
import { shipByDeadline } from "~/domain/orders/ship-deadline";
import { transition, type ActorRole, type OrderEvent, type TransitionResult } from "~/domain/orders/order-states";
import { formatRupiah } from "~/i18n/format";
import { localeOr, translator } from "~/i18n/i18n";
import type { Tx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { logger } from "~/infra/logger.server";
import { paymentGateway } from "~/infra/payments/gateway.server";
import { postEntry } from "~/models/ledger.server";
import { createNotification } from "~/models/notification.server";
import {
  commitReservations,
  findBuyerOrder,
  findOrderForAdmin,
  findRefund,
  insertOrderEvent,
  insertRefund,
  listBuyerOrders,
  lockOrder,
  lockProductsOfOrders,
  lockRefund,
  markRefundDone,
  pendingRefundIds,
  recordRefundFailure,
  releaseReservations,
  searchOrdersForAdmin,
  setOrderStatus,
  setShipBy,
  type OrderRow,
  inOrderTx,
} from "~/models/order.server";
import { enqueueMail } from "~/models/outbox.server";
import { sendNotices } from "./notices.server";
import { shopIdOfOwner } from "~/models/shop-public.server";
import { fixCommissionAtPayment, releaseEscrow } from "./release.server";

export interface Actor {
  role: ActorRole;
  /** The user, or null for the system. */
  id: string | null;
}
export const SYSTEM: Actor = { role: "system", id: null };

export interface AppliedTransition extends TransitionResult {
  orderId: string;
  /** Set when the move asked for a refund: process it after the transaction commits (processRefund). */
  refundId: string | null;
}

/**
 * The one place an order changes state, in the caller's transaction, on a row the caller locked (FOR UPDATE):
 * validate with the state table, write the new state only if it is still the old one, record the timeline
 * event, and carry out the effects (stock, refund request, notifications).
 */
export async function applyOrderTransition(
  tx: Tx,
  order: OrderRow,
  event: OrderEvent,
  actor: Actor,
  opts: { reason?: string | null; detail?: Prisma.InputJsonValue; now?: Date } = {},
): Promise<AppliedTransition> {
  const now = opts.now ?? new Date();
  const move = transition(order.status, event, actor.role, opts.reason);
  if (!(await setOrderStatus(tx, order.id, move.from, move.to, event === "pay" ? { paidAt: now } : {}))) {
    throw new DomainError("conflict", "order_changed_meanwhile", { order: order.order_number });
  }
  await insertOrderEvent(tx, { orderId: order.id, event, fromStatus: move.from, toStatus: move.to, actorRole: actor.role, actorId: actor.id, reason: opts.reason?.trim() || null, detail: opts.detail });
  let refundId: string | null = null;
  for (const effect of move.effects) {
    if (effect === "commit_stock") await commitReservations(tx, order.id);
    if (effect === "release_stock") await releaseReservations(tx, order.id, now);
    if (effect === "request_refund") refundId = await requestRefund(tx, order, opts.reason ?? event);
    if (effect === "release_escrow") await releaseEscrow(tx, order.id, now);
  }
  // The commission rate in force at payment time is fixed on the order.
  if (event === "pay") await fixCommissionAtPayment(tx, order.id);
  // The seller's ship-by deadline starts with the payment (working days in WIB; see ship-deadline.ts).
  if (event === "pay") await setShipBy(tx, order.id, shipByDeadline(now, env().SHIP_BY_WORKING_DAYS));
  await notify(tx, order, move);
  order.status = move.to;
  return { ...move, orderId: order.id, refundId };
}

/** Asks for the order's money back, all of it unless told (a complaint's partial refund) (one refund per order; the same key at the gateway refunds once). */
export async function requestRefund(tx: Tx, order: OrderRow, reason: string, amount = order.total): Promise<string | null> {
  const id = await insertRefund(tx, { orderId: order.id, paymentId: order.payment_id, refundKey: `RF-${order.order_number}`, amount, reason: reason.slice(0, 250) });
  if (id) await insertOrderEvent(tx, { orderId: order.id, event: "refund_requested", fromStatus: order.status, toStatus: order.status, actorRole: "system", reason, detail: { amount } });
  return id;
}

async function notify(tx: Tx, order: OrderRow, move: TransitionResult) {
  const link = `/pesanan/${order.order_number}`;
  const vars = { order: order.order_number, total: formatRupiah(order.total) };
  if (move.effects.includes("notify_buyer")) {
    await sendNotices(tx, [{ userId: order.buyer_id, kind: `order.${move.to}`, link, write: (t) => ({ title: t(`order.notice.buyer.${move.to}`, vars), body: t("order.notice.body", vars) }) }]);
  }
  if (move.effects.includes("notify_seller")) {
    // A dropship order is forwarded to its supplier: the supplier is told (and mailed) like a seller, and so is the dropshipper.
    // The supplier never sees the buyer's price: its notice carries its own amount (dropship prices + shipping).
    if (order.fulfilment_shop_id) await notifySeller(tx, order.fulfilment_shop_id, order, move, { ...vars, total: formatRupiah(await supplierAmount(tx, order.id)) });
    // The seller's order total, as their order page shows it: goods + shipping, without the buyer's service fee.
    await notifySeller(tx, order.shop_id, order, move, { ...vars, total: formatRupiah(order.total - order.fee_total) });
  }
}

async function supplierAmount(tx: Tx, orderId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ amount: bigint }[]>`
    SELECT o.shipping_cost + COALESCE(sum(i.dropship_unit_price * i.quantity), 0) AS amount
    FROM orders o LEFT JOIN order_items i ON i.order_id = o.id WHERE o.id = ${orderId}::uuid GROUP BY o.id`;
  return Number(row?.amount ?? 0);
}

async function notifySeller(tx: Tx, shopId: string, order: OrderRow, move: TransitionResult, vars: { order: string; total: string }) {
  {
    const shop = await tx.shop.findUniqueOrThrow({ where: { id: shopId }, select: { ownerId: true, name: true, owner: { select: { email: true, name: true, locale: true } } } });
    // In the owner's language: the notice and the mail.
    const t = translator(localeOr(shop.owner.locale));
    const title = t(`order.notice.seller.${move.to}`, vars);
    await createNotification(tx, { userId: shop.ownerId, kind: `order.${move.to}`, title, body: t("order.notice.body", vars), link: `/seller/pesanan/${order.order_number}` });
    if (move.to === "paid") await enqueueMail(tx, { to: shop.owner.email, subject: title, text: `${t("mail.greeting", { name: shop.owner.name })}\n\n${t("order.mail.paid", vars)}\n\n${t("mail.signoff")}` });
  }
}

/**
 * A state change asked for by a person (seller accepts, ships, cancels; buyer confirms; admin) or a job.
 * Checks that the person may act on this order, then applies the move; a requested refund is sent after commit.
 */
export async function transitionOrder(orderId: string, event: OrderEvent, actor: Actor, reason?: string | null, detail?: Prisma.InputJsonValue) {
  const ownShopId = actor.role === "seller" && actor.id ? await shopIdOfOwner(actor.id) : null;
  const applied = await inOrderTx(async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (!order) throw new DomainError("not_found", "order_not_found");
    if (actor.role === "buyer" && order.buyer_id !== actor.id) throw new DomainError("not_found", "order_not_found");
    // A dropship program order is the supplier's to accept, ship or cancel; the dropshipper only follows it.
    if (actor.role === "seller" && (order.fulfilment_shop_id ?? order.shop_id) !== ownShopId) throw new DomainError("not_found", "order_not_found");
    if (event === "cancel") await lockProductsOfOrders(tx, [order.id]);
    return applyOrderTransition(tx, order, event, actor, { reason, detail });
  });
  if (applied.refundId) await processRefund(applied.refundId);
  return applied;
}

/** Cancels a paid order and refunds it through the gateway (seller, admin or the late-shipping job). */
export function refundOrder(orderId: string, reason: string, actor: Actor) {
  return transitionOrder(orderId, "cancel", actor, reason);
}

/**
 * Sends one refund to the gateway and, once it answered, records it: refund done, ledger entry (escrow of the
 * order back out of provider clearing), order → refunded. Safe to run twice or concurrently: the gateway refunds
 * a refund_key once, the refund row is locked, and the ledger entry has its own idempotency key.
 * A gateway failure leaves the refund pending for the retry job.
 */
export async function processRefund(refundId: string, now = new Date()): Promise<"done" | "already" | "failed"> {
  const refund = await findRefund(refundId);
  if (!refund) throw new DomainError("not_found", "refund_not_found");
  if (refund.status === "done") return "already";
  try {
    await paymentGateway().refund(refund.payment_number, { refundKey: refund.refund_key, amount: refund.amount, reason: refund.reason });
  } catch (error) {
    logger.warn({ refund: refund.refund_key, err: (error as Error).message }, "refund failed at the gateway; will retry");
    await recordRefundFailure(refundId, (error as Error).message);
    return "failed";
  }
  return inOrderTx(async (tx) => {
    // The order first, then its refund: the order's lock comes first on every path that takes both.
    const order = await lockOrder(tx, refund.order_id);
    const locked = await lockRefund(tx, refundId);
    if (!locked || locked.status === "done") return "already" as const;
    await markRefundDone(tx, refundId, now);
    await postEntry(tx, refundPosting({ id: refund.id, refundKey: refund.refund_key, orderId: refund.order_id, shopId: refund.shop_id, amount: refund.amount }));
    const detail = { refundKey: refund.refund_key, amount: refund.amount };
    if (order && (order.status === "cancelled" || order.status === "expired")) {
      await applyOrderTransition(tx, order, "refund", SYSTEM, { detail, now });
    } else if (order && (order.status === "shipped" || order.status === "delivered")) {
      // A complaint's refund: all of it ends the order; part of it completes the order and releases the rest.
      await applyOrderTransition(tx, order, refund.amount >= order.total ? "refund" : "confirm_receipt", SYSTEM, { detail: { ...detail, source: "complaint" }, now });
    }
    return "done" as const;
  });
}

/** The retry job: every refund still pending. */
export async function processPendingRefunds(limit = 100) {
  let done = 0;
  for (const id of await pendingRefundIds(limit)) if ((await processRefund(id)) === "done") done++;
  return done;
}

// ---- buyer and admin views ------------------------------------------------------------------------

export function buyerOrders(buyerId: string, status?: string) {
  return listBuyerOrders(buyerId, { status });
}

export async function buyerOrder(buyerId: string, orderNumber: string) {
  const order = await findBuyerOrder(buyerId, orderNumber);
  if (!order) throw new DomainError("not_found", "order_not_found");
  return order;
}

/** The buyer cancels an order that is not paid yet; the stock goes back. */
export async function cancelUnpaidOrder(buyerId: string, orderNumber: string, reason: string) {
  const order = await buyerOrder(buyerId, orderNumber);
  return transitionOrder(order.id, "cancel", { role: "buyer", id: buyerId }, reason);
}

export function adminOrderSearch(q: string) {
  return searchOrdersForAdmin(q);
}

export async function adminOrder(orderNumber: string) {
  const order = await findOrderForAdmin(orderNumber);
  if (!order) throw new DomainError("not_found", "order_not_found");
  return order;
}
