/**
 * Completing an order: "Pesanan Diterima" by the buyer, an admin, or the auto-complete job. Completion moves the
 * order to `received` under its row lock, and the move's release effect posts the escrow release in the same
 * transaction (release.server.ts), so however many callers race, one completes and releases and the rest see
 * "already".
 */
import { DomainError } from "~/domain/errors";
import { autoCompleteAt, autoCompleteCutoffs, isAutoCompleteDue } from "~/domain/orders/auto-complete";
import { blocksAutoComplete } from "~/domain/orders/complaints";
import type { Tx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { logger } from "~/infra/logger.server";
import { complaintOfOrder, findComplaint, hasPendingRefund } from "~/models/complaint.server";
import { findBuyerOrder, inOrderTx, lockOrder, type OrderRow } from "~/models/order.server";
import { autoCompleteCandidates, shipmentTimes } from "~/models/release.server";
import { applyOrderTransition, SYSTEM, type Actor } from "./orders.server";

/**
 * Completes an order: safe to call any number of times, concurrently, from the buyer, an admin and the job.
 * "released" for the one call that completed it, "already" for every other.
 */
export async function completeOrder(orderId: string, actor: Actor, now = new Date(), guard?: (tx: Tx, order: OrderRow) => Promise<boolean>): Promise<"released" | "already" | "skipped"> {
  return inOrderTx(async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (!order) throw new DomainError("not_found", "order_not_found");
    if (actor.role === "buyer" && order.buyer_id !== actor.id) throw new DomainError("not_found", "order_not_found");
    if (order.status === "received") return "already" as const;
    // A complaint being settled, or a refund on its way, holds the order (a buyer may accept a rejection).
    const complaint = await findComplaint(tx, orderId);
    const held = (complaint && blocksAutoComplete(complaint, now) && !(actor.role === "buyer" && complaint.status === "rejected")) || (await hasPendingRefund(tx, orderId));
    if (held) {
      if (actor.role === "system") return "skipped" as const;
      throw new DomainError("conflict", "complaint.holdsOrder");
    }
    if (guard && !(await guard(tx, order))) return "skipped" as const;
    await applyOrderTransition(tx, order, "confirm_receipt", actor, { now, detail: actor.role === "system" ? { source: "auto-complete" } : undefined });
    return "released" as const;
  });
}

export function autoCompleteSettings() {
  const e = env();
  return { daysAfterDelivery: e.AUTO_COMPLETE_DAYS_AFTER_DELIVERY, daysAfterShipping: e.AUTO_COMPLETE_DAYS_AFTER_SHIPPING };
}

/**
 * The auto-complete job: orders delivered N days ago (or shipped M days ago with no delivery) and without an open
 * complaint complete and release. Each is checked again under its lock, so a buyer or a complaint at the same
 * moment wins or loses cleanly.
 */
export async function autoCompleteOrders(now = new Date(), pageSize = 200): Promise<number> {
  const settings = autoCompleteSettings();
  const cutoffs = autoCompleteCutoffs(now, settings);
  let completed = 0;
  // Page by id through every candidate: orders held by complaints stay candidates, and a fixed first page of them
  // would keep the job from ever reaching the orders behind.
  for (let page = await autoCompleteCandidates(cutoffs, null, pageSize); page.length; page = await autoCompleteCandidates(cutoffs, page.at(-1)!, pageSize)) {
    completed += await completeDue(page, settings, now);
  }
  return completed;
}

async function completeDue(ids: string[], settings: ReturnType<typeof autoCompleteSettings>, now: Date): Promise<number> {
  let completed = 0;
  for (const id of ids) {
    try {
      const result = await completeOrder(id, SYSTEM, now, async (tx, order) => {
        const times = await shipmentTimes(tx, id);
        return isAutoCompleteDue({ status: order.status, shippedAt: times?.shippedAt ?? null, deliveredAt: times?.deliveredAt ?? null }, settings, now);
      });
      if (result === "released") completed++;
    } catch (error) {
      logger.warn({ err: (error as Error).message, order: id }, "auto-complete skipped");
    }
  }
  return completed;
}

/**
 * What the buyer may do about receipt now. "Pesanan Diterima" is offered from shipping on (a parcel may arrive
 * before the courier reports it), and after a seller rejected a complaint (the buyer accepts the rejection);
 * "Ajukan Komplain" while shipped or delivered and none was sent. Without a complaint the order completes by
 * itself at `autoCompletesAt`.
 */
export function receiptChoices(order: { status: string; shipment: { shippedAt: Date | null; deliveredAt: Date | null } | null }, complaint: { status: string } | null) {
  const inTransit = order.status === "shipped" || order.status === "delivered";
  const at = complaint ? null : autoCompleteAt({ status: order.status, shippedAt: order.shipment?.shippedAt ?? null, deliveredAt: order.shipment?.deliveredAt ?? null }, autoCompleteSettings());
  return {
    canConfirm: inTransit && (!complaint || complaint.status === "rejected"),
    canComplain: inTransit && !complaint,
    /** The courier has reported the parcel delivered. */
    delivered: order.status === "delivered",
    autoCompletesAt: at?.toISOString() ?? null,
  };
}

/** The "Pesanan Diterima" confirmation page: what pressing it does (the money goes to the shop) and the choices now. */
export async function receiptConfirmation(buyerId: string, orderNumber: string) {
  const order = await findBuyerOrder(buyerId, orderNumber);
  if (!order) throw new DomainError("not_found", "order_not_found");
  const choices = receiptChoices(order, await complaintOfOrder(order.id));
  return { orderNumber: order.orderNumber, shopName: order.shop.name, sellerAmount: order.goodsTotal + order.shippingCost, ...choices };
}

/** "Pesanan Diterima": the buyer confirms the parcel arrived; the escrow is released (a double click releases once). */
export async function confirmReceipt(buyerId: string, orderNumber: string) {
  const order = await findBuyerOrder(buyerId, orderNumber);
  if (!order) throw new DomainError("not_found", "order_not_found");
  return completeOrder(order.id, { role: "buyer", id: buyerId });
}
