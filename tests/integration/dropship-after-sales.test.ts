import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { dropshipSplit, apportion } from "~/domain/dropship/settlement";
import { db } from "~/infra/db.server";
import { setPaymentGatewayForTests } from "~/infra/payments/gateway.server";
import { balancesOfShop, countReleaseEntries, escrowBalanceOfOrder, lowestSellerBalance } from "~/models/ledger.server";
import { complaintPhotoKeyFor, complaintStep, openComplaint, uploadComplaintPhoto } from "~/services/complaints.server";
import { buyerComplaintView, chainStep, shopChainView } from "~/services/dropship-after-sales.server";
import { buyerOrder } from "~/services/orders.server";
import { confirmReceipt } from "~/services/order-completion.server";
import { action as adminComplaintAction } from "~/routes/admin.komplain.$orderNumber";
import { action as shopComplaintAction } from "~/routes/seller.dropship.komplain.$orderNumber";
import { loader as sellerOrderLoader } from "~/routes/seller.orders.$orderNumber";
import BuyerOrderPage, { loader as buyerOrderLoader } from "~/routes/pesanan.$orderNumber";
import { formatRupiah } from "~/i18n/format";
import { translator } from "~/i18n/i18n";
import { sellerOrder } from "~/services/seller-orders.server";
import { aDropshipProgram, aShippedProgramOrder, type DropshipProgram } from "../factories/dropship";
import { aBuyer, aFakeGateway } from "../factories/paid-orders";
import { aPhoto } from "../factories/shops";
import { aUser, cookieFor } from "../factories/users";
import { call, getRequest, payload, postForm } from "../setup/http";
import { checkLedgerAfterEach } from "../setup/buying";
import { rejects } from "../setup/domain-errors";
import { renderRoute } from "../setup/render-route";

checkLedgerAfterEach();
afterEach(async () => expect(await lowestSellerBalance()).toBe(0));

const fake = aFakeGateway();
const DAY = 86_400_000;
let program: DropshipProgram;
let admin: Awaited<ReturnType<typeof aUser>>;

const json = (v: unknown) => JSON.stringify(v, (_, x: unknown) => (typeof x === "bigint" ? String(x) : x));
const orderRow = (id: string) => db().order.findUniqueOrThrow({ where: { id } });

/** Each program order gets a fresh pair of shops, so the balances below are this order's alone. */
async function complainedOrder(description = "Jahitan lepas di lengan", at = new Date()) {
  program = await aDropshipProgram();
  const s = await aShippedProgramOrder(program, { buyer: await aBuyer("Budi Santoso") });
  await openComplaint(s.buyer.id, s.order.orderNumber, { reason: "damaged", description }, at);
  return s;
}

const forward = (orderNumber: string, at?: Date) =>
  chainStep("shop", program.dropshipper.owner.id, orderNumber, { action: "forward", note: "Mohon cek jahitan, foto dari pembeli menyusul", answer: "Kami cek ke gudang ya, Kak" }, at);

beforeAll(async () => {
  setPaymentGatewayForTests(fake.gateway);
  admin = await aUser({ admin: true });
});
afterAll(() => setPaymentGatewayForTests(undefined));

describe("the after-sales chain of a program order", () => {
  it("both shops see the buyer's photos where they decide (the dropshipper at once, the supplier once forwarded)", async () => {
    program = await aDropshipProgram();
    const { buyer, order } = await aShippedProgramOrder(program, { buyer: await aBuyer("Budi Santoso") });
    const photo = await uploadComplaintPhoto(buyer, order.orderNumber, await aPhoto({ width: 400, height: 300 }));
    await openComplaint(buyer.id, order.orderNumber, { reason: "damaged", description: "Jahitan lepas, lihat foto", photoIds: [photo.id] });
    const links = [{ id: photo.id, small: `/komplain/foto/${photo.id}/small`, large: `/komplain/foto/${photo.id}/large` }];
    expect((await shopChainView(program.dropshipper.owner.id, order.orderNumber)).complaint?.photos).toEqual(links);
    await forward(order.orderNumber);
    expect((await shopChainView(program.supplier.owner.id, order.orderNumber)).complaint?.photos).toEqual(links);
    for (const owner of [program.dropshipper.owner, program.supplier.owner]) expect(await complaintPhotoKeyFor({ id: owner.id, permissions: [] }, photo.id, "small")).not.toBeNull();
  });

  it("buyer → dropshipper → supplier → back: each party acts in its turn and reads only what is its own", async () => {
    const { buyer, order } = await complainedOrder("Saya bayar Rp104.500, jahitannya lepas");
    const { dropshipper, supplier } = program;
    // The dropshipper is told; the supplier does not see the complaint before it is forwarded, nor can it act.
    expect(await db().notification.count({ where: { userId: dropshipper.owner.id, kind: "complaint.chain" } })).toBe(1);
    expect((await shopChainView(supplier.owner.id, order.orderNumber)).complaint).toBeNull();
    await rejects(chainStep("shop", supplier.owner.id, order.orderNumber, { action: "accept_refund" }), "invalid_transition");
    await rejects(chainStep("shop", dropshipper.owner.id, order.orderNumber, { action: "accept_refund" }), "invalid_transition");
    await rejects(chainStep("shop", dropshipper.owner.id, order.orderNumber, { action: "forward", note: " " }), "validation", "dropship.afterSales.noteRequired");
    // A stranger shop, and the buyer, cannot forward.
    const stranger = await aDropshipProgram();
    await rejects(chainStep("shop", stranger.dropshipper.owner.id, order.orderNumber, { action: "forward", note: "x y z" }), "not_found");
    await rejects(chainStep("buyer", buyer.id, order.orderNumber, { action: "forward", note: "x y z" }), "forbidden");

    await forward(order.orderNumber);
    expect(await db().notification.count({ where: { userId: supplier.owner.id, kind: "complaint.chain" } })).toBe(1);

    // The supplier reads the note and its own prices; never the buyer's words, the dropshipper's answer or the buyer's price.
    const seen = await shopChainView(supplier.owner.id, order.orderNumber);
    expect(seen.actor).toBe("supplier");
    expect(seen.complaint).toMatchObject({ status: "forwarded", forwardNote: "Mohon cek jahitan, foto dari pembeli menyusul", description: null, shopAnswer: null });
    expect(seen.complaint!.actions).toEqual(["accept_refund", "accept_partial", "accept_return", "reject"]);
    expect(seen.order.items.map((i) => i.unitPrice)).toEqual([87_000]);
    expect(json(seen)).not.toContain("104500");
    expect(json(seen)).not.toContain("104.500");
    expect(json(seen)).not.toContain("Kami cek ke gudang");
    const sellerPage = await sellerOrder(supplier.owner.id, order.orderNumber);
    expect(json(sellerPage)).not.toContain("104.500");
    expect(json(sellerPage)).not.toContain("Kami cek ke gudang");
    expect(sellerPage.order.events.find((e) => e.event === "complaint_forward")?.actorRole).toBe("dropshipper");

    // The dropshipper reads everything of its own order; the buyer one shop answering.
    const mine = await shopChainView(dropshipper.owner.id, order.orderNumber);
    expect(mine.complaint).toMatchObject({ description: "Saya bayar Rp104.500, jahitannya lepas", shopAnswer: "Kami cek ke gudang ya, Kak", actions: [] });
    const asBuyer = await buyerComplaintView(buyer.id, order.orderNumber);
    expect(asBuyer.complaint).toMatchObject({ status: "open", shopAnswer: "Kami cek ke gudang ya, Kak" });
    const buyerPage = await buyerOrder(buyer.id, order.orderNumber);
    expect(json(asBuyer) + json(buyerPage.events)).not.toContain(supplier.shop.name);
    expect(json(buyerPage.events)).not.toContain("Mohon cek jahitan");
    expect(buyerPage.events.filter((e) => e.event.startsWith("complaint_")).map((e) => [e.event, e.actorRole])).toEqual([
      ["complaint_opened", "buyer"],
      ["complaint_forward", "seller"],
    ]);

    // Return first: the buyer sends it to the supplier's address under the dropshipper's name and phone.
    await chainStep("shop", supplier.owner.id, order.orderNumber, { action: "accept_return" });
    const ret = await buyerComplaintView(buyer.id, order.orderNumber);
    expect(ret.canShipReturn).toBe(true);
    expect(ret.returnAddress).toMatchObject({ name: dropshipper.shop.name, phone: "+6285711112222", street: supplier.shop.street, postalCode: supplier.shop.postalCode });
    expect(json(ret)).not.toContain(supplier.shop.name);
    await chainStep("buyer", buyer.id, order.orderNumber, { action: "return_shipped", resi: "jp1234567890" });
    await rejects(chainStep("shop", dropshipper.owner.id, order.orderNumber, { action: "return_arrived" }), "forbidden");
    expect((await shopChainView(supplier.owner.id, order.orderNumber)).complaint).toMatchObject({ status: "return_shipped", returnResi: "JP1234567890", actions: ["return_arrived"] });
    // The supplier confirms through the plain complaint entry too (the chain is chosen by the order).
    await complaintStep("seller", supplier.owner.id, order.orderNumber, { action: "return_arrived" });

    expect((await orderRow(order.id)).status).toBe("refunded");
    expect(fake.refunds.get(`RF-${order.orderNumber}`)?.amount).toBe(order.total);
    expect(await escrowBalanceOfOrder(order.id)).toBe(0);
    expect(await balancesOfShop(supplier.shop.id)).toMatchObject({ escrow: 0, available: 0 });
    expect(await balancesOfShop(dropshipper.shop.id)).toMatchObject({ escrow: 0, available: 0 });
    expect((await shopChainView(dropshipper.owner.id, order.orderNumber)).complaint).toMatchObject({ status: "resolved", resolution: "full_refund", refundAmount: order.total });
    // Everyone was told of each step that was theirs to know.
    expect(await db().notification.count({ where: { userId: buyer.id, kind: "complaint.chain" } })).toBe(2);
  });

  it("each party's notice is in its own language (the dropshipper reads English, the buyer Indonesian)", async () => {
    program = await aDropshipProgram();
    await db().user.update({ where: { id: program.dropshipper.owner.id }, data: { locale: "en" } });
    const s = await aShippedProgramOrder(program, { buyer: await aBuyer("Budi Santoso") });
    await openComplaint(s.buyer.id, s.order.orderNumber, { reason: "damaged", description: "Jahitan lepas" });
    await forward(s.order.orderNumber);
    const notice = (userId: string) => db().notification.findFirstOrThrow({ where: { userId, kind: "complaint.chain" }, orderBy: { createdAt: "asc" } });
    const vars = (locale: "id" | "en", state: string) => ({ order: s.order.orderNumber, state: translator(locale)(`complaint.state.${state}`) });
    expect((await notice(program.dropshipper.owner.id)).title).toBe(translator("en")("dropship.afterSales.notice", vars("en", "open")));
    expect((await notice(program.supplier.owner.id)).title).toBe(translator("id")("dropship.afterSales.notice", vars("id", "forwarded")));
    expect(translator("en")("dropship.afterSales.notice", vars("en", "open"))).not.toBe(translator("id")("dropship.afterSales.notice", vars("id", "open")));
  });

  it("full refund before release: the supplier refunds it all; nothing reaches either shop or the platform", async () => {
    const { order } = await complainedOrder();
    await forward(order.orderNumber);
    await chainStep("shop", program.supplier.owner.id, order.orderNumber, { action: "accept_refund" });
    expect((await orderRow(order.id)).status).toBe("refunded");
    expect(fake.refunds.get(`RF-${order.orderNumber}`)?.amount).toBe(order.total);
    expect(await countReleaseEntries(order.id)).toBe(0);
    expect(await balancesOfShop(program.supplier.shop.id)).toMatchObject({ escrow: 0, available: 0 });
    expect(await balancesOfShop(program.dropshipper.shop.id)).toMatchObject({ escrow: 0, available: 0 });
    console.log(`[dropship after-sales] full refund ${order.total} (goods 104500 + shipping ${order.shippingCost} + fee ${order.feeTotal}): supplier 0, dropshipper 0`);
  });

  it("partial refund before release (30%, decided by the supplier), then release: each shop gives back in proportion, to the rupiah", async () => {
    const { order } = await complainedOrder();
    await forward(order.orderNumber);
    await rejects(chainStep("shop", program.supplier.owner.id, order.orderNumber, { action: "accept_partial", percent: 100 }), "validation", "dropship.afterSales.percentInvalid");
    await chainStep("shop", program.supplier.owner.id, order.orderNumber, { action: "accept_partial", percent: 30 });
    const o = await orderRow(order.id);
    expect(o.status).toBe("received");
    expect(await countReleaseEntries(order.id)).toBe(1);
    expect(await escrowBalanceOfOrder(order.id)).toBe(0);

    // By hand: goods 104.500, dropship cost 87.000, shipping S. Refund = floor(30% × (104.500 + S)).
    const S = order.shippingCost;
    const refund = Math.floor(((104_500 + S) * 30) / 100);
    expect(fake.refunds.get(`RF-${order.orderNumber}`)?.amount).toBe(refund);
    const [supplierBack, dropshipperBack] = apportion(refund, [87_000 + S, 17_500]);
    const commission = Math.floor((order.commission! * Math.max(0, 104_500 - refund)) / 104_500);
    expect(o.releasedCommission).toBe(commission);
    const supplierGets = 87_000 + S - supplierBack - commission; // the commission is the supplier's side by default
    const dropshipperGets = 17_500 - dropshipperBack;
    expect((await balancesOfShop(program.supplier.shop.id)).available).toBe(supplierGets);
    expect((await balancesOfShop(program.dropshipper.shop.id)).available).toBe(dropshipperGets);
    expect(supplierGets + dropshipperGets + commission + order.feeTotal + refund).toBe(order.total);
    // The same figures as the split's own rule, and what each shop reads of the refund.
    expect(dropshipSplit({ goodsTotal: 104_500, shippingCost: S, feeTotal: order.feeTotal, dropshipCost: 87_000, commission, commissionSide: "supplier", refunded: refund })).toMatchObject({
      supplier: supplierGets,
      dropshipper: dropshipperGets,
    });
    expect((await shopChainView(program.supplier.owner.id, order.orderNumber)).complaint).toMatchObject({ ownRefundPart: supplierBack, refundAmount: null });
    expect((await shopChainView(program.dropshipper.owner.id, order.orderNumber)).complaint).toMatchObject({ ownRefundPart: dropshipperBack, refundAmount: refund });
    const figures = `supplier ${supplierBack}, dropshipper ${dropshipperBack}); release: supplier ${supplierGets}, dropshipper ${dropshipperGets}, commission ${commission} (was ${order.commission}), fee ${order.feeTotal}`;
    console.log(`[dropship after-sales] partial 30% of ${104_500 + S} = ${refund} (${figures}`);
  });

  it("the supplier's order page (/seller/orders) shows no complaint panel: never the buyer's words or refund; the chain's page is linked", async () => {
    const { order } = await complainedOrder("Saya bayar Rp104.500, jahitannya lepas");
    const supplierCookie = await cookieFor(program.supplier.owner.id);
    const page = async () => {
      const res = await call(sellerOrderLoader, getRequest(`/seller/orders/${order.orderNumber}`, { cookie: supplierCookie }), { orderNumber: order.orderNumber });
      expect(res.status).toBe(200);
      return payload<{ complaint: unknown; complaintLink: string | null }>(res.result);
    };
    // Not forwarded yet: the supplier does not even learn of it.
    expect((await page()).complaint).toBeNull();
    await forward(order.orderNumber);
    await chainStep("shop", program.supplier.owner.id, order.orderNumber, { action: "accept_return" });
    const seen = await page();
    expect(seen.complaint).toBeNull();
    expect(seen.complaintLink).toBe(`/seller/dropship/komplain/${order.orderNumber}`);
    expect(json(seen)).not.toContain("jahitannya lepas");
  });

  it("the buyer's order page links to the complaint's page by the order's number, not a bare 'Komplain'", async () => {
    const { buyer, order } = await complainedOrder();
    const url = `/pesanan/${order.orderNumber}`;
    const res = await call(buyerOrderLoader, getRequest(url, { cookie: await cookieFor(buyer.id) }), { orderNumber: order.orderNumber });
    expect(res.status).toBe(200);
    const links = [...renderRoute(BuyerOrderPage, url, payload(res.result)).matchAll(/<a [^>]*href="([^"]+)"[^>]*>([^<]*)<\/a>/g)].map(([, href, text]) => [href, text]);
    expect(links).toContainEqual([`${url}/komplain/status`, `Lihat komplain pesanan ${order.orderNumber}`]);
  });

  it("no complaint after the release: the chain ends before the order completes, so every refund comes out of escrow", async () => {
    program = await aDropshipProgram();
    const { buyer, order } = await aShippedProgramOrder(program);
    expect(await confirmReceipt(buyer.id, order.orderNumber)).toBe("released");
    await rejects(openComplaint(buyer.id, order.orderNumber, { reason: "damaged", description: "Rusak" }), "invalid_transition", "complaint.notNow");
    // …and an open complaint holds the order back from completing.
    const held = await complainedOrder();
    await rejects(confirmReceipt(held.buyer.id, held.order.orderNumber), "conflict", "complaint.holdsOrder");
  });
});

describe("deadlines and the admin", () => {
  it("a dropshipper that lets its hop pass: the buyer asks an admin (the supplier, not yet in the chain, cannot); the admin refunds part", async () => {
    const t0 = new Date(Date.now() - 2 * DAY);
    const { buyer, order } = await complainedOrder("Tidak sesuai", t0);
    await rejects(chainStep("shop", program.supplier.owner.id, order.orderNumber, { action: "escalate" }), "conflict", "complaint.escalateNotYet");
    await rejects(chainStep("shop", program.dropshipper.owner.id, order.orderNumber, { action: "escalate" }), "conflict", "complaint.escalateNotYet");
    await chainStep("buyer", buyer.id, order.orderNumber, { action: "escalate" });
    await rejects(chainStep("shop", program.supplier.owner.id, order.orderNumber, { action: "accept_refund" }), "invalid_transition");
    await complaintStep("admin", admin.id, order.orderNumber, { action: "decide_partial", amount: 20_000, reason: "Bahan memang berbeda" });
    expect((await orderRow(order.id)).status).toBe("received");
    const [supplierBack, dropshipperBack] = apportion(20_000, [87_000 + order.shippingCost, 17_500]);
    const commission = Math.floor((order.commission! * (104_500 - 20_000)) / 104_500);
    expect((await balancesOfShop(program.supplier.shop.id)).available).toBe(87_000 + order.shippingCost - supplierBack - commission);
    expect((await balancesOfShop(program.dropshipper.shop.id)).available).toBe(17_500 - dropshipperBack);
  });

  it("a supplier that lets its hop pass: the dropshipper asks an admin, who rejects; the order completes and splits in full", async () => {
    const { order } = await complainedOrder();
    await forward(order.orderNumber, new Date(Date.now() - 3 * DAY));
    await rejects(chainStep("shop", program.supplier.owner.id, order.orderNumber, { action: "escalate" }), "conflict", "complaint.escalateNotYet");
    await chainStep("shop", program.dropshipper.owner.id, order.orderNumber, { action: "escalate" });
    await rejects(chainStep("shop", program.supplier.owner.id, order.orderNumber, { action: "decide_reject", reason: "x" }), "forbidden");
    await chainStep("admin", admin.id, order.orderNumber, { action: "decide_reject", reason: "Tidak terbukti" });
    expect((await orderRow(order.id)).status).toBe("received");
    expect((await balancesOfShop(program.supplier.shop.id)).available).toBe(87_000 + order.shippingCost - order.commission!);
    expect((await balancesOfShop(program.dropshipper.shop.id)).available).toBe(17_500);
  });

  it("a rejection: the buyer may ask an admin before its deadline; a reason is required", async () => {
    const { buyer, order } = await complainedOrder();
    await forward(order.orderNumber);
    await rejects(chainStep("shop", program.supplier.owner.id, order.orderNumber, { action: "reject" }), "validation", "complaint.reasonRequired");
    await chainStep("shop", program.supplier.owner.id, order.orderNumber, { action: "reject", reason: "Jahitan rapi saat dikirim" });
    const seen = await buyerComplaintView(buyer.id, order.orderNumber);
    expect(seen).toMatchObject({ canEscalate: true, complaint: { status: "rejected", sellerReason: "Jahitan rapi saat dikirim" } });
    await rejects(chainStep("buyer", buyer.id, order.orderNumber, { action: "escalate" }, new Date(Date.now() + 30 * DAY)), "conflict", "complaint.escalateNotYet");
    await chainStep("buyer", buyer.id, order.orderNumber, { action: "escalate" });
    expect((await shopChainView(program.dropshipper.owner.id, order.orderNumber)).complaint?.status).toBe("escalated");
  });
});

describe("the complaint pages' forms (admin, shops)", () => {
  it("a refused step comes back with its field, its message values and what was typed; a good one goes through", async () => {
    const t0 = new Date(Date.now() - 2 * DAY);
    const { buyer, order } = await complainedOrder("Tidak sesuai", t0);
    const n = order.orderNumber;
    const dropshipperCookie = await cookieFor(program.dropshipper.owner.id);
    const short = await call(shopComplaintAction, postForm(`/seller/dropship/komplain/${n}`, { intent: "forward", note: "ok", answer: "Sabar ya" }, { cookie: dropshipperCookie }), { orderNumber: n });
    expect(short.status).toBe(400);
    expect(payload<{ errors: Record<string, string>; values: Record<string, string> }>(short.result)).toMatchObject({ errors: { note: "dropship.afterSales.noteRequired" }, values: { intent: "forward", note: "ok", answer: "Sabar ya" } });

    await chainStep("buyer", buyer.id, n, { action: "escalate" });
    const adminCookie = await cookieFor(admin.id);
    const max = order.goodsTotal + order.shippingCost;
    const tooMuch = await call(adminComplaintAction, postForm(`/admin/komplain/${n}`, { intent: "decide_partial", amount: String(max), reason: "Bahan berbeda" }, { cookie: adminCookie }), { orderNumber: n });
    expect(tooMuch.status).toBe(400);
    // The message says "less than {max}": the page gets the amount to fill in, in rupiah.
    expect(payload(tooMuch.result)).toMatchObject({ errors: { amount: "complaint.amountInvalid" }, vars: { max: formatRupiah(max) }, values: { amount: String(max), reason: "Bahan berbeda" } });
    const ok = await call(adminComplaintAction, postForm(`/admin/komplain/${n}`, { intent: "decide_partial", amount: "20000", reason: "Bahan berbeda" }, { cookie: adminCookie }), { orderNumber: n });
    expect(payload(ok.result)).toEqual({ ok: "dropship.afterSales.decided" });
    expect((await orderRow(order.id)).status).toBe("received");
    // Not an admin: no step.
    expect((await call(adminComplaintAction, postForm(`/admin/komplain/${n}`, { intent: "return_arrived" }, { cookie: dropshipperCookie }), { orderNumber: n })).status).toBe(403);
  });
});
