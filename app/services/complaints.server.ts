/**
 * Complaints, returns and refunds before an order completes. Every step locks the order row, checks the move in
 * the complaint table (domain/orders/complaints.ts), records it on the order's timeline, and asks for the refund
 * in the same transaction; the refund is sent to the gateway after commit (processRefund), and when the gateway
 * confirms it the order is refunded (all) or completed with the rest released less commission (part).
 * Refunds come only from this order's escrow.
 */
import { DomainError } from "~/domain/errors";
import { maxPartialRefund } from "~/domain/ledger/release";
import { answerDue, canEscalate, complaintMove, COMPLAINT_REASONS, type ComplaintAction, type ComplaintActor } from "~/domain/orders/complaints";
import { env } from "~/infra/env.server";
import { logger } from "~/infra/logger.server";
import { findComplaint, insertComplaint, updateComplaint } from "~/models/complaint.server";
import { isProgramOrder } from "~/models/dropship-after-sales.server";
import { findBuyerOrder, findOrderForAdmin, inOrderTx, insertOrderEvent, lockOrder } from "~/models/order.server";
import { findShopOrder } from "~/models/seller-order.server";
import { shopIdOfOwner } from "~/models/shop-public.server";
import { chainStep, firstHopDue, tellDropshipperOfComplaint } from "./dropship-after-sales.server";
import { applyOrderTransition, processRefund, requestRefund } from "./orders.server";

export { COMPLAINT_REASONS };

const answerDays = () => env().COMPLAINT_ANSWER_DAYS;

async function orderIdFor(actor: ComplaintActor, userId: string, orderNumber: string): Promise<string> {
  if (actor === "buyer") {
    const o = await findBuyerOrder(userId, orderNumber);
    if (!o) throw new DomainError("not_found", "order_not_found");
    return o.id;
  }
  if (actor === "seller") {
    const shopId = await shopIdOfOwner(userId);
    const o = shopId ? await findShopOrder(shopId, orderNumber) : null;
    if (!o) throw new DomainError("not_found", "order_not_found");
    return o.id;
  }
  const o = await findOrderForAdmin(orderNumber);
  if (!o) throw new DomainError("not_found", "order_not_found");
  return o.id;
}

/** "Ajukan Komplain": the buyer complains about a shipped or delivered order; the auto-complete clock stops. */
export async function openComplaint(buyerId: string, orderNumber: string, input: { reason: string; description: string }, now = new Date()) {
  if (!(COMPLAINT_REASONS as readonly string[]).includes(input.reason)) throw new DomainError("validation", "complaint.reasonInvalid");
  const orderId = await orderIdFor("buyer", buyerId, orderNumber);
  return inOrderTx(async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (!order || order.buyer_id !== buyerId) throw new DomainError("not_found", "order_not_found");
    if (order.status !== "shipped" && order.status !== "delivered") throw new DomainError("invalid_transition", "complaint.notNow");
    if (await findComplaint(tx, orderId)) throw new DomainError("conflict", "complaint.exists");
    // A dropship program order's complaint goes to the dropshipper first, with that hop's deadline.
    const answerDueAt = order.fulfilment_shop_id ? firstHopDue(now) : answerDue(now, answerDays());
    const complaint = await insertComplaint(tx, { orderId, reason: input.reason, description: input.description.trim(), answerDueAt });
    await insertOrderEvent(tx, { orderId, event: "complaint_opened", fromStatus: order.status, toStatus: order.status, actorRole: "buyer", actorId: buyerId, reason: input.description.trim().slice(0, 250), detail: { reason: input.reason } });
    if (order.fulfilment_shop_id) await tellDropshipperOfComplaint(tx, order);
    return complaint;
  });
}

export interface ComplaintStep {
  action: ComplaintAction;
  /** Partial refund amount (accept_partial, decide_partial). */
  amount?: number;
  /** Reason of a rejection or decision. */
  reason?: string;
  /** Return resi (return_shipped). */
  resi?: string;
}

/**
 * One step of a complaint by the buyer, the seller or an admin. Returns the refund id when a refund was asked for
 * (already sent to the gateway before returning; a gateway failure leaves it to the retry job).
 */
export async function complaintStep(actor: ComplaintActor, userId: string, orderNumber: string, step: ComplaintStep, now = new Date()) {
  const orderId = await orderIdFor(actor, userId, orderNumber);
  // A dropship program order's complaint runs the after-sales chain (buyer → dropshipper → supplier).
  if (await isProgramOrder(orderId)) return chainStep(actor === "seller" ? "shop" : actor, userId, orderNumber, step, now);
  const refundId = await inOrderTx(async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (!order) throw new DomainError("not_found", "order_not_found");
    const complaint = await findComplaint(tx, orderId);
    if (!complaint) throw new DomainError("not_found", "complaint.notFound");
    const move = complaintMove(complaint.status, step.action, actor);
    if (step.action === "escalate" && !canEscalate(complaint, actor, now)) throw new DomainError("conflict", "complaint.escalateNotYet");
    if (step.action === "reject" && !step.reason?.trim()) throw new DomainError("validation", "complaint.reasonRequired");
    if (step.action === "return_shipped" && !step.resi?.trim()) throw new DomainError("validation", "complaint.resiRequired");
    if (order.status !== "shipped" && order.status !== "delivered") throw new DomainError("invalid_transition", "complaint.notNow");

    let refundAmount: number | undefined;
    if (move.money === "full_refund") refundAmount = order.total;
    if (move.money === "partial_refund") {
      const o = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { goodsTotal: true, shippingCost: true } });
      const max = maxPartialRefund(o);
      if (!Number.isSafeInteger(step.amount) || step.amount! <= 0 || step.amount! >= max) throw new DomainError("validation", "complaint.amountInvalid", { max });
      refundAmount = step.amount!;
    }
    await updateComplaint(tx, complaint.id, {
      status: move.to,
      ...(move.to === "resolved" || move.to === "rejected_final" ? { resolvedAt: now, resolution: move.money === "release" ? "rejected" : (move.money ?? undefined) } : {}),
      ...(refundAmount !== undefined ? { refundAmount } : {}),
      ...(step.resi ? { returnResi: step.resi.trim().toUpperCase() } : {}),
      ...(step.action === "reject" ? { sellerReason: step.reason!.trim() } : {}),
      // Each answer gets its own deadline.
      ...(["accept_return", "return_shipped", "reject", "escalate"].includes(step.action) ? { answerDueAt: answerDue(now, answerDays()) } : {}),
    });
    await insertOrderEvent(tx, {
      orderId,
      event: `complaint_${step.action}`,
      fromStatus: order.status,
      toStatus: order.status,
      actorRole: actor,
      actorId: userId,
      reason: step.reason?.trim().slice(0, 250) || null,
      detail: { complaint: move.to, ...(refundAmount !== undefined ? { amount: refundAmount } : {}), ...(step.resi ? { resi: step.resi.trim().toUpperCase() } : {}) },
    });
    if (refundAmount !== undefined) return requestRefund(tx, order, `Komplain ${order.order_number}`, refundAmount);
    // The admin rejected the complaint: the order completes and the seller gets the money.
    if (move.money === "release") await applyOrderTransition(tx, order, "confirm_receipt", { role: "admin", id: userId }, { now, detail: { source: "complaint" } });
    return null;
  });
  if (refundId) await processRefund(refundId).catch((error) => logger.error({ err: error, order: orderNumber }, "complaint refund failed; the retry job sends it again"));
  return { refundId };
}
