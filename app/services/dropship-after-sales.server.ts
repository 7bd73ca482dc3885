/**
 * After-sales of dropship program orders: the complaint goes buyer → dropshipper (forwards, with a note, and may
 * answer the buyer) → supplier (refund all, part as a percent, return first, or reject with a reason) → back to
 * the dropshipper and the buyer; each hop with its deadline, the admin as the last resort
 * (domain/dropship/after-sales.ts). Money moves as for a plain complaint (the refund comes out of this order's
 * escrow before the release; the release then splits what is left in proportion), so a refund takes the
 * supplier's part and the dropshipper's margin back in proportion to what each would have received.
 *
 * The buyer sees one shop (the dropshipper): chain events are recorded as the seller's; returns go to the
 * supplier's address under the dropshipper's name and phone. The supplier never sees the buyer's price (its
 * partial refund is a percent; it reads its own part of any refund). Complaints are taken while the order is
 * shipped or delivered, as for plain orders: the order cannot complete while one is open or a refund is pending,
 * so every program refund comes out of escrow (docs/decisions/0014-dropship-after-sales.md).
 */
import "~/i18n/register";
import {
  buyerFacingState,
  canEscalateChain,
  CHAIN_MOVES,
  chainMove,
  eventFor,
  hopDeadline,
  partialRefundOf,
  refundShares,
  type Audience,
  type ChainAction,
  type ChainActor,
  type ChainState,
  type HopDays,
} from "~/domain/dropship/after-sales";
import { DomainError } from "~/domain/errors";
import type { DocumentRecipient } from "~/domain/orders/documents";
import { maxPartialRefund } from "~/domain/ledger/release";
import { canEscalate, COMPLAINT_MOVES } from "~/domain/orders/complaints";
import { findProvince, findRegency } from "~/domain/regions/data";
import type { Tx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { logger } from "~/infra/logger.server";
import { complaintOfOrder, escalatedComplaints, findComplaint } from "~/models/complaint.server";
import { findOrderShopContact, findProgramOrderOfShop, listProgramComplaints, programOrderParties, updateChainComplaint } from "~/models/dropship-after-sales.server";
import { findBuyerOrder, findOrderForAdmin, inOrderTx, insertOrderEvent, lockOrder, type OrderRow } from "~/models/order.server";
import { shopIdOfOwner } from "~/models/shop-public.server";
import { photoLinksOfComplaint } from "./complaint-photo-links.server";
import { sendNotices } from "./notices.server";
import { applyOrderTransition, processRefund, requestRefund } from "./orders.server";

export function hopDays(): HopDays {
  const e = env();
  return { dropshipper: e.DROPSHIP_COMPLAINT_FORWARD_DAYS, supplier: e.DROPSHIP_COMPLAINT_SUPPLIER_DAYS, buyer: e.COMPLAINT_ANSWER_DAYS };
}

/** The first hop's deadline: the dropshipper's time to forward a new complaint. */
export function firstHopDue(now: Date): Date {
  return hopDeadline("open", now, hopDays())!;
}

/** Who asks: the order's buyer, a shop on the order (dropshipper or supplier, by its shop), or an admin. */
export type ChainCaller = "buyer" | "shop" | "admin";

export interface ChainStep {
  action: ChainAction;
  /** The supplier's partial refund, a whole percent of goods + shipping. */
  percent?: number;
  /** The admin's partial refund in rupiah (the admin sees the buyer's price). */
  amount?: number;
  /** Reason of a rejection or an admin's decision (the buyer reads it, as the shop's). */
  reason?: string;
  /** Return resi. */
  resi?: string;
  /** The dropshipper's note for the supplier (forward). */
  note?: string;
  /** The dropshipper's answer to the buyer (forward). */
  answer?: string;
}

async function partyOn(caller: ChainCaller, userId: string, orderNumber: string): Promise<{ orderId: string; actor: ChainActor }> {
  if (caller === "buyer") {
    const o = await findBuyerOrder(userId, orderNumber);
    if (!o?.fulfilmentShopId) throw new DomainError("not_found", "order_not_found");
    return { orderId: o.id, actor: "buyer" };
  }
  if (caller === "shop") {
    const shopId = await shopIdOfOwner(userId);
    const o = shopId ? await findProgramOrderOfShop(shopId, orderNumber) : null;
    if (!o) throw new DomainError("not_found", "order_not_found");
    return { orderId: o.id, actor: o.shopId === shopId ? "dropshipper" : "supplier" };
  }
  const o = await findOrderForAdmin(orderNumber);
  if (!o?.fulfilmentShopId) throw new DomainError("not_found", "order_not_found");
  return { orderId: o.id, actor: "admin" };
}

const clean = (s: string | undefined, max: number) => s?.trim().slice(0, max) ?? "";

function grossOf(p: { goodsTotal: number; shippingCost: number; items: { quantity: number; dropshipUnitPrice: number | null }[] }) {
  const cost = p.items.reduce((s, i) => s + (i.dropshipUnitPrice ?? 0) * i.quantity, 0);
  return { supplier: cost + p.shippingCost, dropshipper: p.goodsTotal - cost };
}

/**
 * One step of a program order's complaint by the buyer, the dropshipper, the supplier or an admin. Validates the
 * move in the chain table, records it on the complaint and the order's timeline, tells the next party, and asks
 * for the refund in the same transaction (sent to the gateway after commit; a failure is left to the retry job).
 */
export async function chainStep(caller: ChainCaller, userId: string, orderNumber: string, step: ChainStep, now = new Date()) {
  const { orderId, actor } = await partyOn(caller, userId, orderNumber);
  const refundId = await inOrderTx(async (tx) => {
    const order = await lockOrder(tx, orderId);
    const parties = order ? await programOrderParties(tx, orderId) : null;
    if (!order || !parties?.fulfilmentShop) throw new DomainError("not_found", "order_not_found");
    const complaint = await findComplaint(tx, orderId);
    if (!complaint) throw new DomainError("not_found", "complaint.notFound");
    const move = chainMove(complaint.status, step.action, actor);
    if (order.status !== "shipped" && order.status !== "delivered") throw new DomainError("invalid_transition", "complaint.notNow");
    if (step.action === "escalate" && !canEscalateChain(complaint, actor, now)) throw new DomainError("conflict", "complaint.escalateNotYet");
    if (step.action === "forward" && clean(step.note, 1000).length < 3) throw new DomainError("validation", "dropship.afterSales.noteRequired");
    if ((step.action === "reject" || step.action === "decide_reject") && !clean(step.reason, 250)) throw new DomainError("validation", "complaint.reasonRequired");
    if (step.action === "return_shipped" && !clean(step.resi, 60)) throw new DomainError("validation", "complaint.resiRequired");
    if (step.action === "accept_return" && !parties.fulfilmentShop.street) throw new DomainError("conflict", "dropship.afterSales.noReturnAddress");

    const max = maxPartialRefund(parties);
    let refundAmount: number | undefined;
    if (move.money === "full_refund") refundAmount = order.total;
    if (move.money === "partial_refund") {
      if (actor === "supplier") refundAmount = partialRefundOf(max, step.percent ?? Number.NaN);
      else if (!Number.isSafeInteger(step.amount) || step.amount! <= 0 || step.amount! >= max) throw new DomainError("validation", "complaint.amountInvalid", { max });
      else refundAmount = step.amount!;
      if (refundAmount <= 0) throw new DomainError("validation", "dropship.afterSales.percentInvalid");
    }
    const resi = step.resi ? clean(step.resi, 60).toUpperCase() : undefined;
    const reason = clean(step.action === "forward" ? step.answer : step.reason, 250) || null;
    const settled = move.to === "resolved" || move.to === "rejected_final";
    await updateChainComplaint(tx, complaint.id, {
      status: move.to,
      answerDueAt: hopDeadline(move.to, now, hopDays()) ?? undefined,
      ...(settled ? { resolvedAt: now, resolution: move.money === "release" ? "rejected" : move.money ?? undefined } : {}),
      ...(refundAmount !== undefined ? { refundAmount } : {}),
      ...(resi ? { returnResi: resi } : {}),
      ...(step.action === "reject" ? { sellerReason: reason! } : {}),
      ...(step.action === "forward" ? { forwardNote: clean(step.note, 1000), shopAnswer: reason } : {}),
    });
    const party = actor === "dropshipper" || actor === "supplier" ? actor : null;
    await insertOrderEvent(tx, {
      orderId,
      event: `complaint_${step.action}`,
      fromStatus: order.status,
      toStatus: order.status,
      // The buyer sees one shop: the dropshipper's and the supplier's steps are the seller's (detail.party says which).
      actorRole: party ? "seller" : actor,
      actorId: userId,
      reason,
      detail: { complaint: move.to, ...(party ? { party } : {}), ...(refundAmount !== undefined ? { amount: refundAmount } : {}), ...(resi ? { resi } : {}) },
    });
    await tellParties(tx, order, parties, actor, move.to);
    if (refundAmount !== undefined) return requestRefund(tx, order, `Komplain ${order.order_number}`, refundAmount);
    // The admin rejected the complaint: the order completes and the escrow splits between supplier and dropshipper.
    if (move.money === "release") await applyOrderTransition(tx, order, "confirm_receipt", { role: "admin", id: userId }, { now, detail: { source: "complaint" } });
    return null;
  });
  if (refundId) await processRefund(refundId).catch((error) => logger.error({ err: error, order: orderNumber }, "complaint refund failed; the retry job sends it again"));
  return { refundId };
}

type Parties = NonNullable<Awaited<ReturnType<typeof programOrderParties>>>;

/** The next party learns of the step (and the one who acted does not get told of its own step). */
async function tellParties(tx: Tx, order: OrderRow, parties: Parties, actor: ChainActor, state: ChainState) {
  const shopLink = `/seller/dropship/komplain/${order.order_number}`;
  const to: { userId: string; link: string; state: string }[] = [];
  if (actor !== "dropshipper") to.push({ userId: parties.shop.ownerId, link: shopLink, state });
  // The supplier is in the chain once the complaint is forwarded to it.
  if (actor !== "supplier" && state !== "open") to.push({ userId: parties.fulfilmentShop!.ownerId, link: shopLink, state });
  // The buyer hears of what changes for it (one shop answers; the forwarding does not show).
  if (actor !== "buyer" && state !== "forwarded") to.push({ userId: parties.buyerId, link: `/pesanan/${order.order_number}/komplain`, state: buyerFacingState(state) });
  await sendNotices(
    tx,
    to.map((r) => ({
      userId: r.userId,
      kind: "complaint.chain",
      link: r.link,
      write: (t) => {
        const vars = { order: order.order_number, state: t(`complaint.state.${r.state}`) };
        return { title: t("dropship.afterSales.notice", vars), body: t("dropship.afterSales.noticeBody", vars) };
      },
    })),
  );
}

/** A new complaint on a program order: the dropshipper is told (its hop's deadline is on the complaint). */
export async function tellDropshipperOfComplaint(tx: Tx, order: OrderRow) {
  const parties = await programOrderParties(tx, order.id);
  if (parties) await tellParties(tx, order, parties, "buyer", "open");
}

// ---- what each party sees -------------------------------------------------------------------------

/**
 * Where a return goes: for a program order the supplier's address under the dropshipper's name and phone (the
 * buyer never learns the supplier's name; the courier calls the dropshipper), else the shop's own address.
 */
function returnAddress(o: { shop: Contact; fulfilmentShop: Contact | null }): DocumentRecipient | null {
  const at = o.fulfilmentShop ?? o.shop;
  if (!at.street) return null;
  return {
    name: o.shop.name,
    phone: o.shop.phone ?? "",
    street: at.street,
    district: at.district ?? "",
    city: at.regencyCode ? findRegency(at.regencyCode)?.name ?? "" : "",
    province: at.provinceCode ? findProvince(at.provinceCode)?.name ?? "" : "",
    postalCode: at.postalCode ?? "",
  };
}
/** Where the buyer sends a return while the shop asks for one (the buyer's order page shows it beside the resi form). */
export async function returnAddressForBuyer(orderId: string, complaintStatus: string | undefined): Promise<DocumentRecipient | null> {
  if (complaintStatus !== "return_requested" && complaintStatus !== "return_shipped") return null;
  return returnAddress(await findOrderShopContact(orderId));
}
type Contact = { name: string; phone: string | null; street: string | null; district: string | null; regencyCode: string | null; provinceCode: string | null; postalCode: string | null };

function actionsFor(status: string, actor: ChainActor, answerDueAt: Date, now: Date): ChainAction[] {
  return CHAIN_MOVES.filter((m) => (m.from as readonly string[]).includes(status) && m.actors.includes(actor))
    .map((m) => m.action)
    .filter((a) => a !== "escalate" || canEscalateChain({ status, answerDueAt }, actor, now));
}

/**
 * The complaint page of a shop on a program order. The dropshipper reads everything (the order is its own); the
 * supplier reads its own prices and part of a refund, the dropshipper's note, never the buyer's price, the buyer's
 * words or the dropshipper's margin.
 */
export async function shopChainView(ownerId: string, orderNumber: string, now = new Date()) {
  const shopId = await shopIdOfOwner(ownerId);
  const o = shopId ? await findProgramOrderOfShop(shopId, orderNumber) : null;
  if (!o?.fulfilmentShop) throw new DomainError("not_found", "order_not_found");
  const actor: "dropshipper" | "supplier" = o.shopId === shopId ? "dropshipper" : "supplier";
  const c = o.complaint;
  // A supplier learns of a complaint only once the dropshipper forwards it.
  const complaint = c && !(actor === "supplier" && c.status === "open") ? c : null;
  const gross = grossOf(o);
  const shares = complaint?.refundAmount ? refundShares(complaint.refundAmount, gross) : null;
  const supplierSees = actor === "supplier";
  // The photos show the goods, which both shops need to judge the complaint (the photo route lets both open them).
  const photos = complaint ? await photoLinksOfComplaint(complaint.id) : [];
  return {
    actor,
    order: {
      orderNumber: o.orderNumber,
      status: o.status,
      dropshipper: o.shop.name,
      supplier: o.fulfilmentShop.name,
      recipient: o.recipient,
      items: o.items.map((i) => ({ id: i.id, title: i.title, variantLabel: i.variantLabel, quantity: i.quantity, unitPrice: supplierSees ? i.dropshipUnitPrice ?? 0 : i.unitPrice })),
      shipment: o.shipment,
      /** What this shop is owed by the order before any refund. */
      ownGross: supplierSees ? gross.supplier : gross.dropshipper,
    },
    complaint: complaint
      ? {
          status: complaint.status,
          reason: complaint.reason,
          description: supplierSees ? null : complaint.description,
          forwardNote: complaint.forwardNote,
          shopAnswer: supplierSees ? null : complaint.shopAnswer,
          sellerReason: complaint.sellerReason,
          returnResi: complaint.returnResi,
          resolution: complaint.resolution,
          answerDueAt: complaint.answerDueAt,
          /** The buyer's refund: the dropshipper's business; the supplier sees its own part only. */
          refundAmount: supplierSees ? null : complaint.refundAmount,
          ownRefundPart: shares ? (supplierSees ? shares.supplier : shares.dropshipper) : null,
          actions: actionsFor(complaint.status, actor, complaint.answerDueAt, now),
          photos,
        }
      : null,
    returnAddress: returnAddress(o),
    events: o.events.map((e) => timelineEventFor(e, actor)),
  };
}

/** The complaint lists of a shop's dashboards: as dropshipper (all unsettled) or as supplier (forwarded to it). */
export async function shopComplaints(shopId: string, as: "dropshipper" | "supplier") {
  return (await listProgramComplaints(shopId, as)).map((c) => ({ orderNumber: c.order_number, status: c.status, reason: c.reason, answerDueAt: c.answer_due_at }));
}

/**
 * The buyer's complaint page, for any order: the complaint as the buyer may read it (one shop answers), what the
 * buyer can do now, and where a return goes.
 */
export async function buyerComplaintView(buyerId: string, orderNumber: string, now = new Date()) {
  const o = await findBuyerOrder(buyerId, orderNumber);
  if (!o) throw new DomainError("not_found", "order_not_found");
  const c = await complaintOfOrder(o.id);
  const contact = await findOrderShopContact(o.id);
  const program = Boolean(o.fulfilmentShopId);
  const open = o.status === "shipped" || o.status === "delivered";
  const escalate = c && open && (program ? canEscalateChain(c, "buyer", now) : canEscalate(c, "buyer", now));
  return {
    order: { orderNumber: o.orderNumber, status: o.status, shop: o.shop.name, total: o.total },
    complaint: c
      ? {
          status: buyerFacingState(c.status),
          reason: c.reason,
          description: c.description,
          shopAnswer: c.shopAnswer,
          sellerReason: c.sellerReason,
          refundAmount: c.refundAmount,
          returnResi: c.returnResi,
          resolution: c.resolution,
          answerDueAt: c.answerDueAt,
          photos: await photoLinksOfComplaint(c.id),
        }
      : null,
    canOpen: !c && open,
    canEscalate: Boolean(escalate),
    canShipReturn: Boolean(c && open && c.status === "return_requested"),
    returnAddress: c && (c.status === "return_requested" || c.status === "return_shipped") ? returnAddress(contact) : null,
  };
}

/** Complaints waiting for an admin (plain and program orders), oldest first. */
export async function escalatedComplaintList() {
  return (await escalatedComplaints()).map((c) => ({ orderNumber: c.order.orderNumber, shop: c.order.shop.name, reason: c.reason, total: c.order.total, since: c.updatedAt }));
}

/**
 * An admin's view of one complaint, plain or program: everything, and for a program order both shops with what
 * each would receive and its part of a refund. The admin's moves come from the order's own table.
 */
export async function adminComplaintView(orderNumber: string) {
  const o = await findOrderForAdmin(orderNumber);
  if (!o) throw new DomainError("not_found", "order_not_found");
  const c = await complaintOfOrder(o.id);
  if (!c) throw new DomainError("not_found", "complaint.notFound");
  const contact = await findOrderShopContact(o.id);
  const gross = contact.fulfilmentShop ? grossOf(contact) : null;
  const moves = contact.fulfilmentShop ? CHAIN_MOVES : COMPLAINT_MOVES;
  const open = o.status === "shipped" || o.status === "delivered";
  return {
    order: { orderNumber: o.orderNumber, status: o.status, total: o.total, shop: o.shop.name, supplier: contact.fulfilmentShop?.name ?? null, buyer: o.buyer.name },
    complaint: c,
    photos: await photoLinksOfComplaint(c.id),
    program: gross ? { gross, shares: c.refundAmount ? refundShares(c.refundAmount, gross) : null } : null,
    maxPartial: maxPartialRefund(o),
    actions: open ? moves.filter((m) => (m.from as readonly string[]).includes(c.status) && (m.actors as readonly string[]).includes("admin")).map((m) => m.action) : [],
  };
}

/** An order event as this party may see it, with nothing of its detail but the resi (amounts stay per party). */
export function timelineEventFor<E extends { createdAt: Date; event: string; actorRole: string; reason: string | null; detail: unknown }>(e: E, audience: Audience) {
  const v = eventFor(e, audience);
  const resi = v.detail && typeof v.detail === "object" && "resi" in v.detail ? { resi: (v.detail as { resi: unknown }).resi } : null;
  return { createdAt: v.createdAt, event: v.event, actorRole: v.actorRole, reason: v.reason, detail: resi };
}
