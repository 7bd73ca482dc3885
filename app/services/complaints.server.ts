/**
 * Complaints, returns and refunds before an order completes. Every step locks the order row, checks the move in
 * the complaint table (domain/orders/complaints.ts), records it on the order's timeline, and asks for the refund
 * in the same transaction; the refund is sent to the gateway after commit (processRefund), and when the gateway
 * confirms it the order is refunded (all) or completed with the rest released less commission (part).
 * Refunds come only from this order's escrow.
 *
 * Photos: the buyer uploads them for one order before sending the complaint (private to the buyer until then);
 * sending attaches them. Only the buyer, the order's seller (and its supplier for a dropship order) and admins see
 * them, through /komplain/foto/:id/:size.
 *
 * A return parcel is followed like an outgoing one: the tracking job (and a view of the order) asks the courier,
 * and a parcel reported delivered counts as the seller's "the return arrived".
 */
import "~/i18n/register";
import { randomUUID } from "node:crypto";
import { DomainError } from "~/domain/errors";
import { maxPartialRefund } from "~/domain/ledger/release";
import { answerDue, canEscalate, complaintMove, complaintPhotoUrl, COMPLAINT_PHOTOS_MAX, COMPLAINT_REASONS, type ComplaintAction, type ComplaintActor } from "~/domain/orders/complaints";
import { isCourierCode } from "~/domain/shipping/couriers";
import { checkResi } from "~/domain/shipping/resi-formats";
import { isDelivered, type TrackingStep } from "~/domain/shipping/tracking";
import type { Permission } from "~/domain/auth/permissions";
import { db, type Tx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { logger } from "~/infra/logger.server";
import { PHOTO_FILE_MAX_BYTES } from "~/infra/request-limits.server";
import { storage } from "~/infra/storage/storage.server";
import { trackingProvider } from "~/infra/tracking/tracking.server";
import { COMPLAINT_PHOTO_SIZES, processPhoto, type ComplaintPhotoSize } from "~/infra/uploads/product-photo.server";
import {
  attachComplaintPhotos,
  complaintOfOrder,
  escalatedComplaints,
  findComplaint,
  findComplaintPhoto,
  insertComplaint,
  insertComplaintPhoto,
  returnsInTransit,
  updateComplaint,
} from "~/models/complaint.server";
import { isProgramOrder } from "~/models/dropship-after-sales.server";
import { shopOwnerId } from "~/models/notification.server";
import { formatDateTime } from "~/i18n/format";
import type { Locale, Translate } from "~/i18n/i18n";
import { buyerFacingState } from "~/domain/dropship/after-sales";
import { findBuyerOrder, findOrderForAdmin, inOrderTx, insertOrderEvent, lockOrder } from "~/models/order.server";
import { shipmentTimes } from "~/models/release.server";
import { findShopOrder } from "~/models/seller-order.server";
import { shopIdOfOwner } from "~/models/shop-public.server";
import { takeThrottleHits } from "~/models/throttle.server";
import { photoLinksOfComplaint } from "./complaint-photo-links.server";
import { type Notice, sendNotices } from "./notices.server";
import { chainStep, firstHopDue, tellDropshipperOfComplaint } from "./dropship-after-sales.server";
import { applyOrderTransition, processRefund, requestRefund } from "./orders.server";

export { COMPLAINT_REASONS };

const answerDays = () => env().COMPLAINT_ANSWER_DAYS;
const HOUR_MS = 3_600_000;

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

/** The buyer's order that may still get a complaint: shipped or delivered, none sent yet. */
async function complainableOrder(buyerId: string, orderNumber: string) {
  const order = await findBuyerOrder(buyerId, orderNumber);
  if (!order) throw new DomainError("not_found", "order_not_found");
  if (order.status !== "shipped" && order.status !== "delivered") throw new DomainError("invalid_transition", "complaint.notNow");
  if (await complaintOfOrder(order.id)) throw new DomainError("conflict", "complaint.exists");
  return order;
}

/** What the complaint form needs: the order may get a complaint (or a DomainError says why not). */
export async function complaintForm(buyerId: string, orderNumber: string) {
  const order = await complainableOrder(buyerId, orderNumber);
  return { orderNumber: order.orderNumber, shopName: order.shop.name, total: order.total, photosMax: COMPLAINT_PHOTOS_MAX, photoMaxBytes: PHOTO_FILE_MAX_BYTES };
}

/**
 * A complaint photo, uploaded before the complaint is sent (the form then submits its id). Only the order's buyer,
 * only while a complaint may be opened, and at most COMPLAINT_PHOTO_UPLOADS_PER_HOUR an hour per buyer and 3×
 * COMPLAINT_PHOTOS_MAX a day per order (counted before the image is decoded, so a refused file counts too):
 * otherwise any buyer would have free private image hosting.
 */
export async function uploadComplaintPhoto(buyer: { id: string }, orderNumber: string, bytes: Buffer, now = new Date()) {
  const order = await complainableOrder(buyer.id, orderNumber);
  const limit = env().COMPLAINT_PHOTO_UPLOADS_PER_HOUR;
  await db().$transaction(async (tx) => {
    if (!(await takeThrottleHits(tx, [{ bucket: "complaint-photo", key: buyer.id, limit }], new Date(now.getTime() - HOUR_MS)))) throw new DomainError("rate_limited", "upload_rate_limited", { limit });
    if (!(await takeThrottleHits(tx, [{ bucket: "complaint-photo-order", key: order.id, limit: 3 * COMPLAINT_PHOTOS_MAX }], new Date(now.getTime() - 24 * HOUR_MS)))) {
      throw new DomainError("rate_limited", "complaint.photoLimitOrder", { limit: 3 * COMPLAINT_PHOTOS_MAX });
    }
  });
  const processed = await processPhoto(bytes, { maxBytes: PHOTO_FILE_MAX_BYTES, sizes: COMPLAINT_PHOTO_SIZES });
  if (!processed.ok) throw new DomainError("validation", processed.error, { maxMb: PHOTO_FILE_MAX_BYTES / 1024 / 1024, minWidth: 300, minHeight: 300, maxMegapixels: 40 });
  const id = randomUUID();
  const keys = { small: `complaints/${order.id}/${id}-small.webp`, large: `complaints/${order.id}/${id}-large.webp` };
  for (const size of ["small", "large"] as const) await storage().put(keys[size], processed.sizes[size], "image/webp");
  await insertComplaintPhoto({ id, orderId: order.id, uploaderId: buyer.id, keySmall: keys.small, keyLarge: keys.large, width: processed.width, height: processed.height, sha256: processed.sha256 });
  return { id, url: complaintPhotoUrl(id, "small") };
}

/**
 * The storage key of a complaint photo if this user may see it, else null: the buyer who uploaded it (also before
 * the complaint is sent); once sent, the owner of the order's shop, of its supplier shop, and admins.
 */
export async function complaintPhotoKeyFor(user: { id: string; permissions: readonly Permission[] }, photoId: string, size: ComplaintPhotoSize): Promise<string | null> {
  const photo = await findComplaintPhoto(photoId);
  if (!photo) return null;
  const key = size === "small" ? photo.keySmall : photo.keyLarge;
  if (photo.uploaderId === user.id && photo.order.buyerId === user.id) return key;
  if (!photo.complaintId) return null;
  const sellers = [photo.order.shop.ownerId, photo.order.fulfilmentShop?.ownerId];
  return sellers.includes(user.id) || user.permissions.includes("read:complaint-photo:any") ? key : null;
}

/** "Ajukan Komplain": the buyer complains about a shipped or delivered order, with photos; the auto-complete clock stops. */
export async function openComplaint(buyerId: string, orderNumber: string, input: { reason: string; description: string; photoIds?: string[] }, now = new Date()) {
  if (!(COMPLAINT_REASONS as readonly string[]).includes(input.reason)) throw new DomainError("validation", "complaint.reasonInvalid");
  const photoIds = [...new Set(input.photoIds ?? [])];
  if (photoIds.length > COMPLAINT_PHOTOS_MAX) throw new DomainError("validation", "complaint.photosMax", { max: COMPLAINT_PHOTOS_MAX });
  const orderId = await orderIdFor("buyer", buyerId, orderNumber);
  return inOrderTx(async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (!order || order.buyer_id !== buyerId) throw new DomainError("not_found", "order_not_found");
    if (order.status !== "shipped" && order.status !== "delivered") throw new DomainError("invalid_transition", "complaint.notNow");
    if (await findComplaint(tx, orderId)) throw new DomainError("conflict", "complaint.exists");
    // A dropship program order's complaint goes to the dropshipper first, with that hop's deadline.
    const answerDueAt = order.fulfilment_shop_id ? firstHopDue(now) : answerDue(now, answerDays());
    const complaint = await insertComplaint(tx, { orderId, reason: input.reason, description: input.description.trim(), answerDueAt });
    // Photos of another order, another buyer, or already sent are refused (and the complaint with them).
    if ((await attachComplaintPhotos(tx, { complaintId: complaint.id, orderId, uploaderId: buyerId, photoIds })) !== photoIds.length) throw new DomainError("validation", "complaint.photosInvalid");
    await insertOrderEvent(tx, {
      orderId,
      event: "complaint_opened",
      fromStatus: order.status,
      toStatus: order.status,
      actorRole: "buyer",
      actorId: buyerId,
      reason: input.description.trim().slice(0, 250),
      detail: { reason: input.reason, photos: photoIds.length },
    });
    if (order.fulfilment_shop_id) await tellDropshipperOfComplaint(tx, order);
    else await tellOtherSide(tx, order, "buyer", "open", answerDueAt);
    return complaint;
  });
}

/**
 * The buyer and the seller learn of each other's complaint steps (and of an admin's or the system's): a seller has
 * days to answer a new complaint, a buyer needs to know the answer. Whoever acted is not told of its own step.
 */
async function tellOtherSide(tx: Tx, order: { buyer_id: string; shop_id: string; order_number: string }, actor: ComplaintActor, state: string, dueAt: Date | null) {
  const write = (t: Translate, locale: Locale) => {
    const vars = { order: order.order_number, state: t(`complaint.status.${state}`), date: dueAt ? formatDateTime(dueAt, locale) : "" };
    return { title: t("complaint.notice.title", vars), body: t(dueAt ? "complaint.notice.bodyDue" : "complaint.notice.body", vars) };
  };
  const notices: Notice[] = [];
  if (actor !== "seller") notices.push({ userId: await shopOwnerId(tx, order.shop_id), kind: "complaint", link: `/seller/pesanan/${order.order_number}`, write });
  if (actor !== "buyer") notices.push({ userId: order.buyer_id, kind: "complaint", link: `/pesanan/${order.order_number}`, write });
  await sendNotices(tx, notices);
}

export interface ComplaintStep {
  action: ComplaintAction;
  /** Partial refund amount (accept_partial, decide_partial). */
  amount?: number;
  /** Reason of a rejection or decision. */
  reason?: string;
  /** Return resi (return_shipped). */
  resi?: string;
  /** Courier of the return parcel (return_shipped); the order's own courier when not given. */
  courierCode?: string;
}

/**
 * One step of a complaint by the buyer, the seller or an admin. Returns the refund id when a refund was asked for
 * (already sent to the gateway before returning; a gateway failure leaves it to the retry job).
 */
export async function complaintStep(actor: Exclude<ComplaintActor, "system">, userId: string, orderNumber: string, step: ComplaintStep, now = new Date()) {
  const orderId = await orderIdFor(actor, userId, orderNumber);
  // A dropship program order's complaint runs the after-sales chain (buyer → dropshipper → supplier).
  if (await isProgramOrder(orderId)) return chainStep(actor === "seller" ? "shop" : actor, userId, orderNumber, step, now);
  return applyComplaintStep(orderId, { role: actor, id: userId }, step, now);
}

async function applyComplaintStep(orderId: string, actor: { role: ComplaintActor; id: string | null }, step: ComplaintStep, now: Date) {
  let returnParcel: { courierCode: string; resi: string } | null = null;
  const refundId = await inOrderTx(async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (!order) throw new DomainError("not_found", "order_not_found");
    const complaint = await findComplaint(tx, orderId);
    if (!complaint) throw new DomainError("not_found", "complaint.notFound");
    const move = complaintMove(complaint.status, step.action, actor.role);
    if (step.action === "escalate" && !canEscalate(complaint, actor.role, now)) throw new DomainError("conflict", "complaint.escalateNotYet");
    if (step.action === "reject" && !step.reason?.trim()) throw new DomainError("validation", "complaint.reasonRequired");
    if (step.action === "return_shipped") returnParcel = await checkReturnParcel(tx, orderId, step);
    if (order.status !== "shipped" && order.status !== "delivered") throw new DomainError("invalid_transition", "complaint.notNow");

    let refundAmount: number | undefined;
    if (move.money === "full_refund") refundAmount = order.total;
    if (move.money === "partial_refund") {
      const o = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { goodsTotal: true, shippingCost: true } });
      const max = maxPartialRefund(o);
      if (!Number.isSafeInteger(step.amount) || step.amount! <= 0 || step.amount! >= max) throw new DomainError("validation", "complaint.amountInvalid", { max });
      refundAmount = step.amount!;
    }
    const parcel = returnParcel as { courierCode: string; resi: string } | null;
    await updateComplaint(tx, complaint.id, {
      status: move.to,
      ...(move.to === "resolved" || move.to === "rejected_final" ? { resolvedAt: now, resolution: move.money === "release" ? "rejected" : (move.money ?? undefined) } : {}),
      ...(refundAmount !== undefined ? { refundAmount } : {}),
      ...(parcel ? { returnResi: parcel.resi, returnCourierCode: parcel.courierCode, returnShippedAt: now } : {}),
      ...(step.action === "reject" ? { sellerReason: step.reason!.trim() } : {}),
      // Each answer gets its own deadline.
      ...(["accept_return", "return_shipped", "reject", "escalate"].includes(step.action) ? { answerDueAt: answerDue(now, answerDays()) } : {}),
    });
    await insertOrderEvent(tx, {
      orderId,
      event: `complaint_${step.action}`,
      fromStatus: order.status,
      toStatus: order.status,
      actorRole: actor.role,
      actorId: actor.id,
      reason: step.reason?.trim().slice(0, 250) || null,
      detail: { complaint: move.to, ...(refundAmount !== undefined ? { amount: refundAmount } : {}), ...(parcel ? { resi: parcel.resi, courier: parcel.courierCode } : {}) },
    });
    await tellOtherSide(tx, order, actor.role, move.to, ["accept_return", "return_shipped", "reject", "escalate"].includes(step.action) ? answerDue(now, answerDays()) : null);
    if (refundAmount !== undefined) return requestRefund(tx, order, `Komplain ${order.order_number}`, refundAmount);
    // The admin rejected the complaint: the order completes and the seller gets the money.
    if (move.money === "release") await applyOrderTransition(tx, order, "confirm_receipt", { role: "admin", id: actor.id }, { now, detail: { source: "complaint" } });
    return null;
  });
  const sent = returnParcel as { courierCode: string; resi: string } | null;
  if (sent) {
    await trackingProvider()
      .register({ ...sent, shippedAt: now })
      .catch((error) => logger.warn({ err: (error as Error).message, order: orderId }, "return tracking registration failed; the sync job retries"));
  }
  if (refundId) await processRefund(refundId).catch((error) => logger.error({ err: error, order: orderId }, "complaint refund failed; the retry job sends it again"));
  return { refundId };
}

/** The return resi as the courier writes it, and the courier (the order's own unless the buyer named another). */
async function checkReturnParcel(tx: Tx, orderId: string, step: ComplaintStep) {
  if (!step.resi?.trim()) throw new DomainError("validation", "complaint.resiRequired");
  const courierCode = step.courierCode || (await shipmentTimes(tx, orderId))?.courierCode || "";
  if (!isCourierCode(courierCode)) throw new DomainError("validation", "complaint.courierInvalid");
  const check = checkResi(courierCode, step.resi);
  if (!check.ok) throw new DomainError("validation", check.error, { example: check.example ?? "" });
  return { courierCode, resi: check.normalized };
}

type ReturnParcel = { orderId: string; returnResi: string | null; returnCourierCode: string | null; returnShippedAt: Date | null };

/**
 * The courier's steps of a return parcel; one reported delivered completes the return (refund to the buyer) as
 * the seller's confirmation would. A parcel the courier does not know (its registration failed) is registered again.
 */
export async function trackReturn(c: ReturnParcel, now = new Date()): Promise<TrackingStep[]> {
  if (!c.returnResi || !c.returnCourierCode) return [];
  const parcel = { courierCode: c.returnCourierCode, resi: c.returnResi };
  let steps: TrackingStep[] = [];
  try {
    steps = await trackingProvider().track(parcel.courierCode, parcel.resi);
    if (!steps.length && c.returnShippedAt) await trackingProvider().register({ ...parcel, shippedAt: c.returnShippedAt });
  } catch (error) {
    logger.warn({ err: (error as Error).message, order: c.orderId }, "return tracking failed");
    return [];
  }
  if (isDelivered(steps)) {
    await applyComplaintStep(c.orderId, { role: "system", id: null }, { action: "return_arrived" }, now).catch((error) => {
      // The seller (or an admin) confirmed it meanwhile: nothing left to do.
      if (!(error instanceof DomainError) || error.code !== "invalid_transition") throw error;
    });
  }
  return steps;
}

/** Part of the tracking job: every return parcel on its way back. Returns how many arrived. */
export async function syncReturnTracking(now = new Date()): Promise<number> {
  let arrived = 0;
  for (const c of await returnsInTransit()) {
    try {
      if (isDelivered(await trackReturn(c, now))) arrived++;
    } catch (error) {
      logger.warn({ err: (error as Error).message, order: c.orderId }, "return completion skipped");
    }
  }
  return arrived;
}

export type ComplaintViewer = "buyer" | "seller" | "admin";

/**
 * The complaint of an order as the buyer, the seller or an admin sees it (null when there is none): its facts,
 * photos, the return parcel's last courier step, and which steps this viewer may take now. The caller has already
 * checked that the viewer may see the order.
 */
export async function complaintView(order: { id: string; goodsTotal: number; shippingCost: number; fulfilmentShopId?: string | null }, viewer: ComplaintViewer, now = new Date()) {
  // A dropship program order's complaint is acted on through the chain's own pages (dropship-after-sales); here it
  // is shown read-only (status, description, photos), and the buyer sees one shop answering.
  const program = Boolean(order.fulfilmentShopId);
  // On the shop's order pages a program order is its supplier's (the dropshipper follows it on its dropship page):
  // the supplier reads the complaint only on the chain's page, which never shows the buyer's words or refund.
  if (program && viewer === "seller") return null;
  let c = await complaintOfOrder(order.id);
  if (!c) return null;
  const tracking = c.status === "return_shipped" ? await trackReturn(c, now) : [];
  if (isDelivered(tracking)) c = (await complaintOfOrder(order.id))!;
  const photos = await photoLinksOfComplaint(c.id);
  const may = (action: ComplaintAction) => {
    try {
      complaintMove(c!.status, action, viewer);
      return action !== "escalate" || canEscalate(c!, viewer, now);
    } catch {
      return false;
    }
  };
  const last = tracking.at(-1);
  return {
    status: program && viewer === "buyer" ? buyerFacingState(c.status) : c.status,
    reason: c.reason,
    description: c.description,
    createdAt: c.createdAt.toISOString(),
    answerDueAt: c.answerDueAt.toISOString(),
    resolution: c.resolution,
    refundAmount: c.refundAmount,
    sellerReason: c.sellerReason,
    returnResi: c.returnResi,
    returnCourierCode: c.returnCourierCode,
    returnTracking: last ? { status: last.status, at: last.at.toISOString() } : null,
    photos,
    maxPartialRefund: maxPartialRefund(order),
    actions: program ? [] : COMPLAINT_STEP_ACTIONS.filter(may),
  };
}
export type ComplaintView = NonNullable<Awaited<ReturnType<typeof complaintView>>>;

const COMPLAINT_STEP_ACTIONS: readonly ComplaintAction[] = ["accept_refund", "accept_partial", "accept_return", "reject", "return_shipped", "return_arrived", "escalate", "decide_refund", "decide_partial", "decide_reject"];

/** Complaints either side passed to an admin, oldest first: the admin's queue on the order search page. */
export async function escalatedComplaintList() {
  return (await escalatedComplaints()).map((c) => ({ orderNumber: c.order.orderNumber, shopName: c.order.shop.name, reason: c.reason, since: c.updatedAt.toISOString() }));
}
