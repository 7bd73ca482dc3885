import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { translator } from "~/i18n/i18n";
import { db } from "~/infra/db.server";
import { setPaymentGatewayForTests } from "~/infra/payments/gateway.server";
import { balancesOfShop, countReleaseEntries, escrowBalanceOfOrder, lowestSellerBalance } from "~/models/ledger.server";
import { markSandboxParcelDelivered } from "~/models/sandbox-tracking.server";
import { complaintStep, complaintView, openComplaint, syncReturnTracking } from "~/services/complaints.server";
import { scheduledJobs } from "~/services/scheduled-jobs.server";
import { autoCompleteOrders, confirmReceipt } from "~/services/order-completion.server";
import { processPendingRefunds } from "~/services/orders.server";
import { aFakeGateway, aShippedOrder } from "../factories/paid-orders";
import { aUser } from "../factories/users";
import { checkLedgerAfterEach } from "../setup/buying";
import { domainErrorOf } from "../setup/errors";

checkLedgerAfterEach();
afterEach(async () => expect(await lowestSellerBalance()).toBe(0));

const fake = aFakeGateway();
let admin: Awaited<ReturnType<typeof aUser>>;
const DAY = 86_400_000;

beforeAll(async () => {
  setPaymentGatewayForTests(fake.gateway);
  admin = await aUser({ admin: true });
});
afterAll(() => setPaymentGatewayForTests(undefined));

const status = async (id: string) => (await db().order.findUniqueOrThrow({ where: { id } })).status;
const complaint = async (id: string) => db().complaint.findUniqueOrThrow({ where: { orderId: id } });

describe("complaints", () => {
  it("stops the auto-complete clock; only the order's buyer complains, once, and only while shipped or delivered", async () => {
    const s = await aShippedOrder({ shippedAt: new Date(Date.now() - 3 * DAY), deliveredAt: new Date(Date.now() - 2.5 * DAY) });
    const stranger = await aUser();
    expect((await domainErrorOf(openComplaint(stranger.id, s.order.orderNumber, { reason: "damaged", description: "Pecah" }))).code).toBe("not_found");
    await openComplaint(s.buyer.id, s.order.orderNumber, { reason: "damaged", description: "Kemeja sobek di bahu" });
    expect((await domainErrorOf(openComplaint(s.buyer.id, s.order.orderNumber, { reason: "damaged", description: "lagi" }))).messageKey).toBe("complaint.exists");
    await autoCompleteOrders();
    expect(await status(s.order.id)).toBe("delivered");
    expect((await domainErrorOf(confirmReceipt(s.buyer.id, s.order.orderNumber))).messageKey).toBe("complaint.holdsOrder");
    expect((await domainErrorOf(complaintStep("seller", s.buyer.id, s.order.orderNumber, { action: "accept_refund" }))).code).toBe("not_found");
    expect((await domainErrorOf(complaintStep("buyer", s.buyer.id, s.order.orderNumber, { action: "accept_refund" }))).code).toBe("forbidden");
  });

  it("each side is told of the other's step: the seller of a new complaint and its deadline, the buyer of the answer", async () => {
    const s = await aShippedOrder();
    const notices = async (userId: string) => (await db().notification.findMany({ where: { userId, kind: "complaint" }, orderBy: { createdAt: "asc" } })).map((n) => `${n.title} | ${n.body} | ${n.link}`);
    await openComplaint(s.buyer.id, s.order.orderNumber, { reason: "damaged", description: "Kemeja sobek di bahu" });
    expect(await notices(s.seller.owner.id)).toEqual([expect.stringMatching(new RegExp(`^Komplain pesanan ${s.order.orderNumber}: Menunggu jawaban penjual \\| Langkah berikutnya paling lambat \\d+ \\w+ \\d{4}, .*WIB\\. .* \\| /seller/pesanan/${s.order.orderNumber}$`))]);
    expect(await notices(s.buyer.id)).toEqual([]);
    await complaintStep("seller", s.seller.owner.id, s.order.orderNumber, { action: "accept_partial", amount: 10_000 });
    expect(await notices(s.buyer.id)).toEqual([`Komplain pesanan ${s.order.orderNumber}: Selesai | Buka pesanan untuk melihat jawaban dan langkah berikutnya. | /pesanan/${s.order.orderNumber}`]);
    expect(await notices(s.seller.owner.id)).toHaveLength(1);
  });

  it("each side reads its notices in its own language: a seller in English, a buyer in Indonesian", async () => {
    const s = await aShippedOrder();
    await db().user.update({ where: { id: s.seller.owner.id }, data: { locale: "en" } });
    await openComplaint(s.buyer.id, s.order.orderNumber, { reason: "damaged", description: "Kemeja sobek di bahu" });
    await complaintStep("seller", s.seller.owner.id, s.order.orderNumber, { action: "accept_partial", amount: 10_000 });
    const titles = async (userId: string) => (await db().notification.findMany({ where: { userId, kind: "complaint" } })).map((n) => n.title);
    const en = translator("en");
    expect(await titles(s.seller.owner.id)).toEqual([en("complaint.notice.title", { order: s.order.orderNumber, state: en("complaint.status.open") })]);
    expect(await titles(s.buyer.id)).toEqual([`Komplain pesanan ${s.order.orderNumber}: Selesai`]);
  });

  it("full refund: the order's escrow goes back to the buyer through the gateway, nothing to the seller", async () => {
    const s = await aShippedOrder();
    await openComplaint(s.buyer.id, s.order.orderNumber, { reason: "not_received", description: "Belum sampai" });
    await complaintStep("seller", s.seller.owner.id, s.order.orderNumber, { action: "accept_refund" });
    expect(fake.refunds.get(`RF-${s.order.orderNumber}`)?.amount).toBe(s.order.total);
    expect(await status(s.order.id)).toBe("refunded");
    expect(await escrowBalanceOfOrder(s.order.id)).toBe(0);
    expect(await countReleaseEntries(s.order.id)).toBe(0);
    expect(await balancesOfShop(s.seller.shop.id)).toMatchObject({ escrow: 0, available: 0 });
    expect((await complaint(s.order.id)).resolution).toBe("full_refund");
  });

  it("partial refund releases the rest to the seller less commission on what the seller kept", async () => {
    const s = await aShippedOrder();
    await openComplaint(s.buyer.id, s.order.orderNumber, { reason: "incomplete", description: "Kurang satu" });
    expect((await domainErrorOf(complaintStep("seller", s.seller.owner.id, s.order.orderNumber, { action: "accept_partial", amount: s.order.goodsTotal + s.order.shippingCost }))).messageKey).toBe("complaint.amountInvalid");
    await complaintStep("seller", s.seller.owner.id, s.order.orderNumber, { action: "accept_partial", amount: 50_000 });
    const o = await db().order.findUniqueOrThrow({ where: { id: s.order.id } });
    expect(o.status).toBe("received");
    const keptGoods = s.order.goodsTotal - 50_000;
    const commission = Math.floor((s.order.commission! * keptGoods) / s.order.goodsTotal);
    expect(o.releasedCommission).toBe(commission);
    expect(await escrowBalanceOfOrder(s.order.id)).toBe(0);
    const seller = s.order.goodsTotal + s.order.shippingCost - 50_000 - commission;
    expect(await balancesOfShop(s.seller.shop.id)).toMatchObject({ escrow: 0, available: seller });
    const events = (await db().orderEvent.findMany({ where: { orderId: s.order.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((e) => e.event);
    expect(events.slice(-4)).toEqual(["complaint_opened", "complaint_accept_partial", "refund_requested", "confirm_receipt"]);
    console.log(`[complaints] partial refund 50000 of ${s.order.total}: seller gets ${seller}, commission ${commission} (was ${s.order.commission})`);
  });

  it("return first: the buyer sends it back with a resi, the seller confirms it arrived, the refund follows", async () => {
    const s = await aShippedOrder();
    await openComplaint(s.buyer.id, s.order.orderNumber, { reason: "wrong_item", description: "Warna beda" });
    await complaintStep("seller", s.seller.owner.id, s.order.orderNumber, { action: "accept_return" });
    expect((await domainErrorOf(complaintStep("buyer", s.buyer.id, s.order.orderNumber, { action: "return_shipped", resi: " " }))).messageKey).toBe("complaint.resiRequired");
    await complaintStep("buyer", s.buyer.id, s.order.orderNumber, { action: "return_shipped", resi: "jp9988776655" });
    expect((await complaint(s.order.id)).returnResi).toBe("JP9988776655");
    await complaintStep("seller", s.seller.owner.id, s.order.orderNumber, { action: "return_arrived" });
    expect(await status(s.order.id)).toBe("refunded");
    expect(await escrowBalanceOfOrder(s.order.id)).toBe(0);
  });

  it("rejected: the buyer asks an admin, who decides; deadlines decide who may escalate", async () => {
    const s = await aShippedOrder();
    const t0 = new Date();
    await openComplaint(s.buyer.id, s.order.orderNumber, { reason: "not_as_described", description: "Bahan tipis" }, t0);
    expect((await domainErrorOf(complaintStep("buyer", s.buyer.id, s.order.orderNumber, { action: "escalate" }, t0))).messageKey).toBe("complaint.escalateNotYet");
    expect((await domainErrorOf(complaintStep("seller", s.seller.owner.id, s.order.orderNumber, { action: "reject" }))).messageKey).toBe("complaint.reasonRequired");
    await complaintStep("seller", s.seller.owner.id, s.order.orderNumber, { action: "reject", reason: "Sesuai foto" });
    await complaintStep("buyer", s.buyer.id, s.order.orderNumber, { action: "escalate" });
    expect((await domainErrorOf(complaintStep("seller", s.seller.owner.id, s.order.orderNumber, { action: "decide_reject" }))).code).toBe("forbidden");
    await complaintStep("admin", admin.id, s.order.orderNumber, { action: "decide_partial", amount: 20_000, reason: "Bahan memang berbeda" });
    expect(await status(s.order.id)).toBe("received");
    expect(await escrowBalanceOfOrder(s.order.id)).toBe(0);
    expect(fake.refunds.get(`RF-${s.order.orderNumber}`)?.amount).toBe(20_000);
  });

  it("an admin who rejects a complaint completes the order and releases it to the seller", async () => {
    const s = await aShippedOrder();
    const t0 = new Date(Date.now() - 3 * DAY);
    await openComplaint(s.buyer.id, s.order.orderNumber, { reason: "other", description: "Lama" }, t0);
    await complaintStep("buyer", s.buyer.id, s.order.orderNumber, { action: "escalate" }); // the seller did not answer in time
    await complaintStep("admin", admin.id, s.order.orderNumber, { action: "decide_reject", reason: "Tidak terbukti" });
    expect(await status(s.order.id)).toBe("received");
    expect(await countReleaseEntries(s.order.id)).toBe(1);
    expect((await balancesOfShop(s.seller.shop.id)).available).toBe(s.order.goodsTotal + s.order.shippingCost - s.order.commission!);
  });

  it("a refund the gateway did not take yet holds the order: the buyer cannot complete it meanwhile", async () => {
    const s = await aShippedOrder();
    await openComplaint(s.buyer.id, s.order.orderNumber, { reason: "damaged", description: "Retak" });
    const refund = fake.gateway.refund;
    fake.gateway.refund = async () => {
      throw new Error("gateway down");
    };
    try {
      await complaintStep("seller", s.seller.owner.id, s.order.orderNumber, { action: "accept_partial", amount: 10_000 });
    } finally {
      fake.gateway.refund = refund;
    }
    expect((await domainErrorOf(confirmReceipt(s.buyer.id, s.order.orderNumber))).messageKey).toBe("complaint.holdsOrder");
    expect(await countReleaseEntries(s.order.id)).toBe(0);
    await processPendingRefunds();
    expect(await status(s.order.id)).toBe("received");
    expect(await escrowBalanceOfOrder(s.order.id)).toBe(0);
  });

  it("return first: the refund follows when the return tracker says delivered, from the tracking job", async () => {
    const s = await aShippedOrder();
    await openComplaint(s.buyer.id, s.order.orderNumber, { reason: "wrong_item", description: "Ukuran M, pesan L" });
    await complaintStep("seller", s.seller.owner.id, s.order.orderNumber, { action: "accept_return" });
    expect((await domainErrorOf(complaintStep("buyer", s.buyer.id, s.order.orderNumber, { action: "return_shipped", resi: "JP1", courierCode: "jnt" }))).messageKey).toBe("resi.length");
    expect((await domainErrorOf(complaintStep("buyer", s.buyer.id, s.order.orderNumber, { action: "return_shipped", resi: "JP5544332211", courierCode: "tiki" }))).messageKey).toBe("complaint.courierInvalid");
    await complaintStep("buyer", s.buyer.id, s.order.orderNumber, { action: "return_shipped", resi: "jp5544332211", courierCode: "jnt" });
    expect(await complaint(s.order.id)).toMatchObject({ status: "return_shipped", returnResi: "JP5544332211", returnCourierCode: "jnt" });

    // On its way: the job looks and leaves it.
    const trackingJob = scheduledJobs().find((j) => j.name === "tracking-sync")!;
    expect(await trackingJob.run()).toMatchObject({ returned: 0 });
    expect((await complaint(s.order.id)).status).toBe("return_shipped");
    expect((await complaintView(s.order, "buyer"))?.returnTracking?.status).toBe("picked_up");

    // The courier reports it delivered back at the shop (the tracking sandbox's "deliver now").
    await markSandboxParcelDelivered("jnt", "JP5544332211", new Date());
    expect(await trackingJob.run()).toMatchObject({ returned: 1 });
    expect(await status(s.order.id)).toBe("refunded");
    expect(await complaint(s.order.id)).toMatchObject({ status: "resolved", resolution: "full_refund", refundAmount: s.order.total });
    expect(fake.refunds.get(`RF-${s.order.orderNumber}`)?.amount).toBe(s.order.total);
    expect(await escrowBalanceOfOrder(s.order.id)).toBe(0);
    const arrived = await db().orderEvent.findFirstOrThrow({ where: { orderId: s.order.id, event: "complaint_return_arrived" } });
    expect(arrived.actorRole).toBe("system");
    expect(await syncReturnTracking()).toBe(0); // nothing left to follow
  });

  it("return first: the seller confirming before the tracker wins; the later delivery changes nothing", async () => {
    const s = await aShippedOrder();
    await openComplaint(s.buyer.id, s.order.orderNumber, { reason: "damaged", description: "Layar retak" });
    await complaintStep("seller", s.seller.owner.id, s.order.orderNumber, { action: "accept_return" });
    await complaintStep("buyer", s.buyer.id, s.order.orderNumber, { action: "return_shipped", resi: "000987654321", courierCode: "sicepat" });
    await complaintStep("seller", s.seller.owner.id, s.order.orderNumber, { action: "return_arrived" });
    await markSandboxParcelDelivered("sicepat", "000987654321", new Date());
    expect(await syncReturnTracking()).toBe(0);
    expect(await status(s.order.id)).toBe("refunded");
    expect(await db().orderEvent.count({ where: { orderId: s.order.id, event: "complaint_return_arrived" } })).toBe(1);
    expect(await db().refund.count({ where: { orderId: s.order.id } })).toBe(1);
  });
});

