import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shipByDeadline } from "~/domain/orders/ship-deadline";
import { formatRupiah } from "~/i18n/format";
import { translator } from "~/i18n/i18n";
import { db } from "~/infra/db.server";
import { setPaymentGatewayForTests } from "~/infra/payments/gateway.server";
import { markSandboxParcelDelivered } from "~/models/sandbox-tracking.server";
import { transitionOrder } from "~/services/orders.server";
import {
  acceptOrder,
  cancelLateOrders,
  cancelOrderBySeller,
  packingSlipsPdf,
  sellerOrder,
  sellerOrderList,
  sellerPerformance,
  shipOrder,
  shippingLabelsPdf,
  syncTracking,
} from "~/services/seller-orders.server";
import { aBuyer, aFakeGateway, aPaidOrder } from "../factories/paid-orders";
import { aSeller } from "../factories/shops";
import { rejects } from "../setup/domain-errors";
import { readPdf } from "../setup/pdf";

const fake = aFakeGateway();
let seller: Awaited<ReturnType<typeof aSeller>>;
let other: Awaited<ReturnType<typeof aSeller>>;
let buyer: Awaited<ReturnType<typeof aBuyer>>;

async function status(orderId: string) {
  return (await db().order.findUniqueOrThrow({ where: { id: orderId } })).status;
}

async function ledgerSum() {
  const [row] = await db().$queryRaw<{ s: bigint | null }[]>`SELECT sum(amount) AS s FROM journal_lines`;
  return Number(row.s ?? 0);
}


beforeAll(async () => {
  setPaymentGatewayForTests(fake.gateway);
  seller = await aSeller({ status: "approved", name: "Sri Wahyuni" });
  other = await aSeller({ status: "approved", name: "Agus Salim" });
  buyer = await aBuyer("Budi Santoso");
});

afterAll(() => setPaymentGatewayForTests(undefined));

describe("seller orders", () => {
  it("order notices and the seller's mail are in each reader's language", async () => {
    const englishSeller = await aSeller({ status: "approved" });
    const englishBuyer = await aBuyer("Made Wirawan");
    await db().user.updateMany({ where: { id: { in: [englishSeller.owner.id, englishBuyer.id] } }, data: { locale: "en" } });
    const { order } = await aPaidOrder({ seller: englishSeller, buyer: englishBuyer });
    const en = translator("en");
    const vars = { order: order.orderNumber, total: formatRupiah(order.total) };
    const [note] = await db().notification.findMany({ where: { userId: englishSeller.owner.id, kind: "order.paid" } });
    expect(note.title).toBe(en("order.notice.seller.paid", vars));
    // The seller's total is their order's (goods + shipping), as on their order page: the buyer's fee is the platform's.
    expect(order.feeTotal).toBeGreaterThan(0);
    expect(note.body).toBe(en("order.notice.body", { ...vars, total: formatRupiah(order.total - order.feeTotal) }));
    const mail = await db().outboxMail.findFirstOrThrow({ where: { toAddress: englishSeller.owner.email, subject: { contains: order.orderNumber } } });
    expect(mail.subject).toBe(en("order.notice.seller.paid", vars));
    expect(en("order.notice.seller.paid", vars)).not.toBe(translator("id")("order.notice.seller.paid", vars));
    await transitionOrder(order.id, "cancel", { role: "seller", id: englishSeller.owner.id }, "Stok habis");
    const buyerNote = await db().notification.findFirstOrThrow({ where: { userId: englishBuyer.id, kind: "order.cancelled" } });
    expect(buyerNote.title).toBe(en("order.notice.buyer.cancelled", vars));
    expect(buyerNote.body).toBe(en("order.notice.body", vars)); // what the buyer paid, fee included
  });

  it("a paid order reaches the seller: notification, outbox mail, ship-by deadline, list with counts and search", async () => {
    const paidAt = new Date("2026-12-04T08:00:00Z"); // Friday 15:00 WIB
    const { order } = await aPaidOrder({ seller, buyer, paidAt });
    expect(order.status).toBe("paid");
    expect(order.shipment?.shipBy).toEqual(shipByDeadline(paidAt, 2));
    expect(order.shipment?.shipBy).toEqual(new Date("2026-12-08T16:59:59.999Z")); // Tuesday 23:59:59 WIB

    const notes = await db().notification.findMany({ where: { userId: seller.owner.id, kind: "order.paid" } });
    expect(notes).toHaveLength(1);
    expect(await db().outboxMail.count({ where: { toAddress: seller.owner.email, subject: notes[0].title } })).toBe(1);

    const list = await sellerOrderList(seller.owner.id, { tab: "paid" });
    expect(list.orders.map((o) => o.orderNumber)).toEqual([order.orderNumber]);
    expect(list.counts).toMatchObject({ all: 1, paid: 1, processing: 0, shipped: 0 });
    expect((await sellerOrderList(seller.owner.id, { tab: "all", q: order.orderNumber.slice(-6) })).orders).toHaveLength(1);
    expect((await sellerOrderList(seller.owner.id, { tab: "all", q: "budi" })).orders).toHaveLength(1);
    expect((await sellerOrderList(seller.owner.id, { tab: "all", q: "tidak-ada" })).orders).toHaveLength(0);
  });

  it("lists orders to ship oldest deadline first, and every other list newest first", async () => {
    const shop = await aSeller({ status: "approved" });
    const older = (await aPaidOrder({ seller: shop, buyer, paidAt: new Date("2026-12-01T02:00:00Z") })).order.orderNumber;
    const newer = (await aPaidOrder({ seller: shop, buyer, paidAt: new Date("2026-12-01T09:00:00Z") })).order.orderNumber;
    expect((await sellerOrderList(shop.owner.id, { tab: "paid" })).orders.map((o) => o.orderNumber)).toEqual([older, newer]);
    expect((await sellerOrderList(shop.owner.id, { tab: "all" })).orders.map((o) => o.orderNumber)).toEqual([newer, older]);
  });

  it("a seller never sees nor touches another shop's order", async () => {
    const { order } = await aPaidOrder({ seller, buyer });
    const theirs = await sellerOrderList(other.owner.id, { tab: "all" });
    expect(theirs.orders).toHaveLength(0);
    expect(theirs.counts.all).toBe(0);
    await rejects(sellerOrder(other.owner.id, order.orderNumber), "not_found");
    await rejects(acceptOrder(other.owner.id, order.orderNumber), "not_found");
    await rejects(cancelOrderBySeller(other.owner.id, order.orderNumber, "iseng"), "not_found");
    await rejects(shipOrder(other.owner.id, order.orderNumber, { resi: "JP1234567890", confirmed: true }), "not_found");
    await rejects(shippingLabelsPdf(other.owner.id, [order.orderNumber], "a6"), "not_found");
    await rejects(packingSlipsPdf(other.owner.id, [order.orderNumber]), "not_found");
    // Nor through the generic transition with a seller actor, nor a buyer acting as seller.
    await rejects(transitionOrder(order.id, "accept", { role: "seller", id: other.owner.id }), "not_found");
    await rejects(transitionOrder(order.id, "accept", { role: "buyer", id: buyer.id }), "forbidden");
    expect(await status(order.id)).toBe("paid");
  });

  it("'Kirim sebagai dropshipper': the label and the slip name the buyer's sender, not the shop, and the slip shows no price", async () => {
    const { order } = await aPaidOrder({ seller, buyer, sender: { name: "Rina Gift Shop", phone: "+62 812-1111-2222" } });
    expect(order).toMatchObject({ dropshipSenderName: "Rina Gift Shop", dropshipSenderPhone: "+6281211112222" });
    const plain = await aPaidOrder({ seller, buyer });

    const labels = await readPdf(await shippingLabelsPdf(seller.owner.id, [order.orderNumber], "a6"));
    expect(labels.text).toContain("Rina Gift Shop (+6281211112222)");
    expect(labels.text).not.toContain(seller.shop.name);
    const slip = await readPdf(await packingSlipsPdf(seller.owner.id, [order.orderNumber]));
    expect(slip.text).toContain("Rina Gift Shop");
    expect(slip.text).toContain("Kemeja Batik Mega Mendung");
    expect(slip.text).not.toContain(seller.shop.name);
    expect(slip.text).not.toMatch(/Rp|Harga satuan/);

    // An ordinary order of the same shop still prints the shop and its prices.
    const plainSlip = await readPdf(await packingSlipsPdf(seller.owner.id, [plain.order.orderNumber]));
    expect(plainSlip.text).toContain(seller.shop.name);
    expect(plainSlip.text).toContain("Harga satuan");

    // A sender that is not a phone number is refused before anything is written.
    await rejects(aPaidOrder({ seller, buyer, sender: { name: "Rina", phone: "12" } }), "validation", "checkout.error.dropshipSender");
  });

  it("accept → print label and slip → resi (checked per courier) → shipped with tracking → delivered", async () => {
    const { order } = await aPaidOrder({ seller, buyer, serviceCode: "jne-reg" });
    await acceptOrder(seller.owner.id, order.orderNumber);
    expect(await status(order.id)).toBe("processing");
    await rejects(acceptOrder(seller.owner.id, order.orderNumber), "invalid_transition");

    const labels = await readPdf(await shippingLabelsPdf(seller.owner.id, [order.orderNumber], "a6"));
    expect(labels.pageCount).toBe(1);
    expect(labels.text).toContain(order.orderNumber);
    expect(labels.text).toContain("Budi Santoso");
    expect(labels.text).toContain("JNE REG");
    const slip = await readPdf(await packingSlipsPdf(seller.owner.id, [order.orderNumber]));
    expect(slip.text).toContain("Kemeja Batik Mega Mendung");

    await rejects(shipOrder(seller.owner.id, order.orderNumber, { resi: "0123 4", confirmed: true }), "validation", "resi.length"); // 5 characters without the space
    const unusual = await shipOrder(seller.owner.id, order.orderNumber, { resi: "abc123456", confirmed: false });
    expect(unusual).toMatchObject({ status: "confirm", warning: "resi.formatUncertain", resi: "ABC123456" });
    expect(await status(order.id)).toBe("processing");
    expect(await shipOrder(seller.owner.id, order.orderNumber, { resi: "0123456789012345", confirmed: false })).toEqual({ status: "shipped", resi: "0123456789012345" });
    expect(await status(order.id)).toBe("shipped");

    let view = await sellerOrder(seller.owner.id, order.orderNumber);
    expect(view.order.shipment?.resi).toBe("0123456789012345");
    expect(view.tracking.map((s) => s.status)).toEqual(["picked_up"]);
    expect(view.order.events.map((e) => e.event)).toEqual(["create", "pay", "accept", "ship"]);
    expect(view.order.events.find((e) => e.event === "ship")).toMatchObject({ actorRole: "seller", actorId: seller.owner.id, detail: expect.objectContaining({ resi: "0123456789012345" }) });

    // A parcel whose registration was lost is registered again by the sync job.
    await db().sandboxTrackingParcel.deleteMany({ where: { resi: "0123456789012345" } });
    expect(await syncTracking()).toBe(0);
    expect(await db().sandboxTrackingParcel.count({ where: { resi: "0123456789012345" } })).toBe(1);
    await markSandboxParcelDelivered("jne", "0123456789012345", new Date());
    expect(await syncTracking()).toBe(1);
    expect(await status(order.id)).toBe("delivered");
    view = await sellerOrder(seller.owner.id, order.orderNumber);
    expect(view.tracking.at(-1)?.status).toBe("delivered");
    expect(view.order.shipment?.deliveredAt).not.toBeNull();
  });

  it("shipping straight from paid accepts on the way; a certain courier format refuses a wrong resi", async () => {
    const { order } = await aPaidOrder({ seller, buyer, serviceCode: "sicepat-reg" });
    await rejects(shipOrder(seller.owner.id, order.orderNumber, { resi: "12345678901", confirmed: true }), "validation", "resi.format");
    await shipOrder(seller.owner.id, order.orderNumber, { resi: "000123456789", confirmed: false });
    const view = await sellerOrder(seller.owner.id, order.orderNumber);
    expect(view.order.events.map((e) => `${e.fromStatus}->${e.toStatus}`)).toEqual(["null->awaiting_payment", "awaiting_payment->paid", "paid->processing", "processing->shipped"]);
    await rejects(cancelOrderBySeller(seller.owner.id, order.orderNumber, "berubah pikiran"), "invalid_transition");
  });

  it("cancel with a reason refunds through the gateway and the ledger; no reason is refused", async () => {
    const before = fake.refunds.size;
    const { order } = await aPaidOrder({ seller, buyer });
    await rejects(cancelOrderBySeller(seller.owner.id, order.orderNumber, "  "), "validation");
    await cancelOrderBySeller(seller.owner.id, order.orderNumber, "Stok habis");
    expect(await status(order.id)).toBe("refunded");
    expect(fake.refunds.size).toBe(before + 1);
    expect([...fake.refunds.values()].at(-1)).toMatchObject({ amount: order.total, reason: "Stok habis" });
    const [escrow] = await db().$queryRaw<{ s: bigint | null }[]>`SELECT sum(amount) AS s FROM journal_lines WHERE order_id = ${order.id}::uuid`;
    expect(Number(escrow.s ?? 0)).toBe(0);
    expect(await ledgerSum()).toBe(0);
    const buyerNotes = await db().notification.findMany({ where: { userId: buyer.id, link: { contains: order.orderNumber } }, orderBy: { createdAt: "asc" } });
    expect(buyerNotes.map((n) => n.kind)).toEqual(expect.arrayContaining(["order.cancelled", "order.refunded"]));
  });

  it("the late-shipping job cancels and refunds overdue orders, tells both sides, and counts against the shop", async () => {
    const late = await aSeller({ status: "approved", name: "Lambat Sekali" });
    const overdue = await aPaidOrder({ seller: late, buyer, paidAt: new Date("2026-11-02T03:00:00Z") });
    const shippedInTime = await aPaidOrder({ seller: late, buyer, paidAt: new Date("2026-11-02T03:00:00Z"), serviceCode: "jne-reg" });
    await shipOrder(late.owner.id, shippedInTime.order.orderNumber, { resi: "0123456789012346", confirmed: true });
    const fresh = await aPaidOrder({ seller: late, buyer });

    const now = new Date();
    expect(await cancelLateOrders(now)).toBeGreaterThanOrEqual(1);
    expect(await status(overdue.order.id)).toBe("refunded");
    expect(await status(shippedInTime.order.id)).toBe("shipped");
    expect(await status(fresh.order.id)).toBe("paid");
    expect(await cancelLateOrders(now)).toBe(0); // nothing twice

    const cancel = await db().orderEvent.findFirstOrThrow({ where: { orderId: overdue.order.id, event: "cancel" } });
    expect(cancel).toMatchObject({ actorRole: "system", detail: { late: true } });
    expect(await db().notification.count({ where: { userId: late.owner.id, kind: "order.cancelled" } })).toBe(1);
    expect(await db().notification.count({ where: { userId: buyer.id, kind: "order.cancelled", link: { contains: overdue.order.orderNumber } } })).toBe(1);
    const perf = await sellerPerformance(late.owner.id);
    expect(perf).toMatchObject({ lateCancellations: 1, toShip: 1 });
    expect((await sellerPerformance(seller.owner.id)).lateCancellations).toBe(0);
    expect(await ledgerSum()).toBe(0);
  });

  it("labels for several orders: A6 one per page, A4 four per sheet", async () => {
    const orders = [];
    for (let i = 0; i < 5; i++) orders.push((await aPaidOrder({ seller: other, buyer })).order.orderNumber);
    const a6 = await readPdf(await shippingLabelsPdf(other.owner.id, orders, "a6"));
    const a4 = await readPdf(await shippingLabelsPdf(other.owner.id, orders, "a4"));
    expect(a6.pageCount).toBe(5);
    expect(a4.pageCount).toBe(2);
    for (const n of orders) expect(a4.text).toContain(n);
    console.log(`[seller-orders] labels for 5 orders: A6 ${a6.pageCount} pages, A4 ${a4.pageCount} sheets`);
  });
});
