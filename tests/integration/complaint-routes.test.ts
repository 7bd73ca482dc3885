import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/infra/db.server";
import { resetEnvCache } from "~/infra/env.server";
import { setPaymentGatewayForTests } from "~/infra/payments/gateway.server";
import { storage } from "~/infra/storage/storage.server";
import { countReleaseEntries, escrowBalanceOfOrder, lowestSellerBalance } from "~/models/ledger.server";
import { loader as adminOrderLoader, action as adminOrderAction } from "~/routes/admin.pesanan.$orderNumber";
import { action as uploadAction } from "~/routes/komplain.foto";
import { loader as photoLoader } from "~/routes/komplain.foto_.$photoId.$size";
import { action as orderAction, loader as orderLoader } from "~/routes/pesanan.$orderNumber";
import { action as confirmAction, loader as confirmLoader } from "~/routes/pesanan.$orderNumber_.diterima";
import { action as complaintFormAction, loader as complaintFormLoader } from "~/routes/pesanan.$orderNumber_.komplain";
import { action as sellerOrderAction, loader as sellerOrderLoader } from "~/routes/seller.orders.$orderNumber";
import { loader as adminComplaintLoader } from "~/routes/admin.komplain.$orderNumber";
import { loader as buyerChainLoader } from "~/routes/pesanan.$orderNumber_.komplain_.status";
import { loader as shopChainLoader } from "~/routes/seller.dropship.komplain.$orderNumber";
import { complaintStep, openComplaint } from "~/services/complaints.server";
import { chainStep } from "~/services/dropship-after-sales.server";
import { deleteUnattachedPhotos } from "~/services/photo-cleanup.server";
import { aDropshipProgram, aShippedProgramOrder } from "../factories/dropship";
import { aBuyer, aFakeGateway, aPaidOrder, aShippedOrder } from "../factories/paid-orders";
import { aPhoto, aSeller } from "../factories/shops";
import { aUser, cookieFor } from "../factories/users";
import { checkLedgerAfterEach } from "../setup/buying";
import { domainErrorOf } from "../setup/errors";
import { call, getRequest, payload, postForm } from "../setup/http";

// "Pesanan Diterima" behind its confirmation page, "Ajukan Komplain" with photos, and complaint steps through the
// buyer's, seller's and admin's order pages, called as Remix calls them.

checkLedgerAfterEach();
afterEach(async () => {
  expect(await lowestSellerBalance()).toBe(0);
  delete process.env.COMPLAINT_PHOTO_UPLOADS_PER_HOUR;
  resetEnvCache();
});

const fake = aFakeGateway();
beforeAll(() => setPaymentGatewayForTests(fake.gateway));
afterAll(() => setPaymentGatewayForTests(undefined));

type Shipped = Awaited<ReturnType<typeof aShippedOrder>>;
type UploadBody = { ok: boolean; error?: string; photo?: { id: string; url: string } };

async function upload(cookie: string | undefined, orderNumber: string, bytes?: Buffer) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes ?? (await aPhoto({ width: 640, height: 480 })))], { type: "image/jpeg" }), "foto.jpg");
  const res = await call(uploadAction, postForm(`/komplain/foto?pesanan=${orderNumber}`, form, { cookie }));
  if (res.thrown) return { status: res.status, body: {} as UploadBody };
  const response = res.result as Response;
  return { status: response.status, body: (await response.json()) as UploadBody };
}

const photo = (url: string, cookie?: string) => {
  const [, , , photoId, size] = url.split("/");
  return call(photoLoader, getRequest(url, { cookie }), { photoId, size });
};

const params = (s: Shipped) => ({ orderNumber: s.order.orderNumber });
const status = async (id: string) => (await db().order.findUniqueOrThrow({ where: { id } })).status;

describe("complaint photos", () => {
  it("only the order's buyer uploads, while a complaint may still be sent; stored re-encoded under a key the server made", async () => {
    const s = await aShippedOrder();
    const buyer = await cookieFor(s.buyer.id);
    expect((await upload(await cookieFor((await aUser()).id), s.order.orderNumber)).status).toBe(404);
    expect((await upload(await cookieFor(s.seller.owner.id), s.order.orderNumber)).status).toBe(404);
    expect((await upload(undefined, s.order.orderNumber)).status).toBe(302); // to the login page
    const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><script>alert(1)</script></svg>`);
    expect(await upload(buyer, s.order.orderNumber, svg)).toMatchObject({ status: 400, body: { ok: false, error: "upload_type" } });

    const ok = await upload(buyer, s.order.orderNumber);
    expect(ok.status).toBe(200);
    const row = await db().complaintPhoto.findUniqueOrThrow({ where: { id: ok.body.photo!.id } });
    expect(ok.body.photo!.url).toBe(`/komplain/foto/${row.id}/small`);
    expect(row).toMatchObject({ orderId: s.order.id, uploaderId: s.buyer.id, complaintId: null, keyLarge: `complaints/${s.order.id}/${row.id}-large.webp` });
    const stored = await storage().get(row.keyLarge);
    expect(stored?.contentType).toBe("image/webp");
    expect(stored!.body.subarray(8, 12).toString()).toBe("WEBP");

    // Not yet shipped, or already complained about: no uploads.
    const paid = await aPaidOrder({ buyer: s.buyer });
    expect(await upload(buyer, paid.order.orderNumber)).toMatchObject({ status: 409, body: { error: "complaint.notNow" } });
    await openComplaint(s.buyer.id, s.order.orderNumber, { reason: "damaged", description: "Kardus penyok, isi retak" });
    expect(await upload(buyer, s.order.orderNumber)).toMatchObject({ status: 409, body: { error: "complaint.exists" } });
  });

  it("a buyer uploads at most COMPLAINT_PHOTO_UPLOADS_PER_HOUR an hour, counted atomically before decoding", async () => {
    process.env.COMPLAINT_PHOTO_UPLOADS_PER_HOUR = "2";
    resetEnvCache();
    const s = await aShippedOrder();
    const buyer = await cookieFor(s.buyer.id);
    const results = await Promise.all([1, 2, 3].map(async (seed) => upload(buyer, s.order.orderNumber, await aPhoto({ width: 400, height: 400, seed }))));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 429]);
    expect(results.find((r) => r.status === 429)!.body.error).toBe("upload_rate_limited");
    expect(await db().complaintPhoto.count({ where: { orderId: s.order.id } })).toBe(2);
  });

  it("the buyer sees them before sending; once sent, the seller, the supplier of a dropship order and admins too; nobody else", async () => {
    const s = await aShippedOrder();
    const buyer = await cookieFor(s.buyer.id);
    const seller = await cookieFor(s.seller.owner.id);
    const [a, b] = [(await upload(buyer, s.order.orderNumber)).body.photo!, (await upload(buyer, s.order.orderNumber)).body.photo!];
    expect((await photo(a.url, seller)).status).toBe(404); // not sent yet: the buyer's alone
    const own = await photo(a.url, buyer);
    expect(own.status).toBe(200);
    expect(own.headers.get("Cache-Control")).toBe("private, no-store");
    expect(own.headers.get("Content-Type")).toBe("image/webp");

    // A photo of this order cannot go with a complaint about another order (that complaint is refused whole).
    const other = await aShippedOrder({ buyer: s.buyer });
    expect((await domainErrorOf(openComplaint(s.buyer.id, other.order.orderNumber, { reason: "damaged", description: "Rusak semua", photoIds: [a.id] }))).messageKey).toBe("complaint.photosInvalid");
    expect(await db().complaint.count({ where: { orderId: other.order.id } })).toBe(0);

    // Sent through the form page: in the order the buyer left them.
    expect((await call(complaintFormLoader, getRequest(`/pesanan/${s.order.orderNumber}/komplain`, { cookie: buyer }), params(s))).status).toBe(200);
    const refused = await call(complaintFormAction, postForm(`/pesanan/${s.order.orderNumber}/komplain`, { reason: "damaged", description: "Pendek", photoIds: `${b.id},${a.id}` }, { cookie: buyer }), params(s));
    expect(refused.status).toBe(400);
    expect(payload<{ errors: Record<string, string> }>(refused.result).errors.description).toBe("complaint.descriptionLength");
    const sent = await call(complaintFormAction, postForm(`/pesanan/${s.order.orderNumber}/komplain`, { reason: "damaged", description: "Jahitan lengan kiri sobek", photoIds: `${b.id},${a.id}` }, { cookie: buyer }), params(s));
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe(`/pesanan/${s.order.orderNumber}`);
    const complaint = await db().complaint.findUniqueOrThrow({ where: { orderId: s.order.id }, include: { photos: { orderBy: { position: "asc" } } } });
    expect(complaint.photos.map((p) => p.id)).toEqual([b.id, a.id]);
    // The form is gone once the complaint is sent.
    expect((await call(complaintFormLoader, getRequest(`/pesanan/${s.order.orderNumber}/komplain`, { cookie: buyer }), params(s))).status).toBe(302);

    const supplier = await aSeller({ status: "approved" });
    await db().order.update({ where: { id: s.order.id }, data: { fulfilmentShopId: supplier.shop.id } }); // forwarded to a supplier
    const admin = await aUser({ admin: true });
    for (const [who, cookie, expected] of [
      ["buyer", buyer, 200],
      ["seller", seller, 200],
      ["supplier", await cookieFor(supplier.owner.id), 200],
      ["admin", await cookieFor(admin.id), 200],
      ["another buyer", await cookieFor((await aBuyer("Orang Lain")).id), 404],
      ["another seller", await cookieFor((await aSeller({ status: "approved" })).owner.id), 404],
    ] as const) {
      expect([who, (await photo(a.url.replace("/small", "/large"), cookie)).status]).toEqual([who, expected]);
    }
    expect((await photo(a.url)).status).toBe(302); // anonymous: to the login page
    await db().order.update({ where: { id: s.order.id }, data: { fulfilmentShopId: null } });

    // The three order pages show them.
    const onPage = async (fn: (args: LoaderFunctionArgs) => Promise<unknown>, path: string, cookie: string) => payload<{ complaint: { photos: { small: string }[] } }>((await call(fn, getRequest(path, { cookie }), params(s))).result).complaint.photos.map((p) => p.small);
    expect(await onPage(orderLoader, `/pesanan/${s.order.orderNumber}`, buyer)).toEqual([b.url, a.url]);
    expect(await onPage(sellerOrderLoader, `/seller/orders/${s.order.orderNumber}`, seller)).toEqual([b.url, a.url]);
    expect(await onPage(adminOrderLoader, `/admin/pesanan/${s.order.orderNumber}`, await cookieFor(admin.id))).toEqual([b.url, a.url]);
  });

  it("a dropship order's photos show on the chain's pages: the buyer's, both shops' once forwarded, and the admin's", async () => {
    const program = await aDropshipProgram();
    const s = await aShippedProgramOrder(program, { buyer: await aBuyer("Budi Santoso") });
    const buyer = await cookieFor(s.buyer.id);
    const a = (await upload(buyer, s.order.orderNumber)).body.photo!;
    await openComplaint(s.buyer.id, s.order.orderNumber, { reason: "damaged", description: "Jahitan lepas di lengan", photoIds: [a.id] });
    await chainStep("shop", program.dropshipper.owner.id, s.order.orderNumber, { action: "forward", note: "Mohon cek jahitan" });
    const on = async (fn: (args: LoaderFunctionArgs) => Promise<unknown>, path: string, userId: string, pick: (p: never) => { small: string }[]) =>
      pick(payload<never>((await call(fn, getRequest(path, { cookie: await cookieFor(userId) }), { orderNumber: s.order.orderNumber })).result)).map((p) => p.small);
    const ofComplaint = (p: { complaint: { photos: { small: string }[] } }) => p.complaint.photos;
    expect(await on(buyerChainLoader, `/pesanan/${s.order.orderNumber}/komplain/status`, s.buyer.id, ofComplaint)).toEqual([a.url]);
    expect(await on(shopChainLoader, `/seller/dropship/komplain/${s.order.orderNumber}`, program.dropshipper.owner.id, ofComplaint)).toEqual([a.url]);
    expect(await on(shopChainLoader, `/seller/dropship/komplain/${s.order.orderNumber}`, program.supplier.owner.id, ofComplaint)).toEqual([a.url]);
    expect(await on(adminComplaintLoader, `/admin/komplain/${s.order.orderNumber}`, (await aUser({ admin: true })).id, (p: { photos: { small: string }[] }) => p.photos)).toEqual([a.url]);
    // The supplier may open it (the page's link works).
    expect((await photo(a.url, await cookieFor(program.supplier.owner.id))).status).toBe(200);
  });

  it("photos never sent go a day after upload, files too; sent ones stay", async () => {
    const s = await aShippedOrder();
    const buyer = await cookieFor(s.buyer.id);
    const kept = (await upload(buyer, s.order.orderNumber)).body.photo!;
    const dropped = (await upload(buyer, s.order.orderNumber)).body.photo!;
    await openComplaint(s.buyer.id, s.order.orderNumber, { reason: "incomplete", description: "Kurang satu pasang kaus kaki", photoIds: [kept.id] });
    const droppedRow = await db().complaintPhoto.findUniqueOrThrow({ where: { id: dropped.id } });
    await deleteUnattachedPhotos(new Date(Date.now() + 23 * 3600_000));
    expect(await db().complaintPhoto.findUnique({ where: { id: dropped.id } })).not.toBeNull();
    // (Earlier tests' unsent photos in this database go too.)
    expect(await deleteUnattachedPhotos(new Date(Date.now() + 25 * 3600_000))).toBeGreaterThanOrEqual(1);
    expect(await db().complaintPhoto.findUnique({ where: { id: dropped.id } })).toBeNull();
    expect(await storage().get(droppedRow.keySmall)).toBeNull();
    expect(await db().complaintPhoto.findUnique({ where: { id: kept.id } })).not.toBeNull();
  });
});

describe("'Pesanan Diterima' asks first", () => {
  it("the order page links to a confirmation that says what happens; only its form completes the order", async () => {
    const s = await aShippedOrder();
    const buyer = await cookieFor(s.buyer.id);
    const order = payload<{ receipt: { canConfirm: boolean; canComplain: boolean; delivered: boolean; autoCompletesAt: string | null } }>((await call(orderLoader, getRequest(`/pesanan/${s.order.orderNumber}`, { cookie: buyer }), params(s))).result);
    expect(order.receipt).toMatchObject({ canConfirm: true, canComplain: true, delivered: false });
    expect(new Date(order.receipt.autoCompletesAt!).getTime()).toBe(s.order.shipment!.shippedAt!.getTime() + 7 * 86_400_000);
    // The old one-tap post is gone.
    expect((await call(orderAction, postForm(`/pesanan/${s.order.orderNumber}`, { intent: "confirm" }, { cookie: buyer }), params(s))).status).toBe(400);

    const page = payload<{ sellerAmount: number; shopName: string; canComplain: boolean }>((await call(confirmLoader, getRequest(`/pesanan/${s.order.orderNumber}/diterima`, { cookie: buyer }), params(s))).result);
    expect(page).toMatchObject({ sellerAmount: s.order.goodsTotal + s.order.shippingCost, shopName: s.seller.shop.name, canComplain: true });
    expect((await call(confirmLoader, getRequest(`/pesanan/${s.order.orderNumber}/diterima`, { cookie: await cookieFor((await aUser()).id) }), params(s))).status).toBe(404);

    const confirmed = await call(confirmAction, postForm(`/pesanan/${s.order.orderNumber}/diterima`, {}, { cookie: buyer }), params(s));
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("Location")).toBe(`/pesanan/${s.order.orderNumber}`);
    expect(await status(s.order.id)).toBe("received");
    expect(await countReleaseEntries(s.order.id)).toBe(1);
    // A second press (back button, double tap) changes nothing; the page is not offered any more.
    expect((await call(confirmAction, postForm(`/pesanan/${s.order.orderNumber}/diterima`, {}, { cookie: buyer }), params(s))).status).toBe(302);
    expect(await countReleaseEntries(s.order.id)).toBe(1);
    expect((await call(confirmLoader, getRequest(`/pesanan/${s.order.orderNumber}/diterima`, { cookie: buyer }), params(s))).status).toBe(302);
  });

  it("an open complaint holds the order: no confirmation page, and a posted confirmation comes back refused", async () => {
    const s = await aShippedOrder();
    const buyer = await cookieFor(s.buyer.id);
    await openComplaint(s.buyer.id, s.order.orderNumber, { reason: "not_received", description: "Paket belum datang" });
    expect((await call(confirmLoader, getRequest(`/pesanan/${s.order.orderNumber}/diterima`, { cookie: buyer }), params(s))).status).toBe(302);
    const refused = await call(confirmAction, postForm(`/pesanan/${s.order.orderNumber}/diterima`, {}, { cookie: buyer }), params(s));
    expect(refused.status).toBe(302);
    expect(await status(s.order.id)).toBe("shipped");
    expect(await escrowBalanceOfOrder(s.order.id)).toBe(s.order.total);

    // The seller rejects: the buyer may accept that with "Pesanan Diterima" again.
    await complaintStep("seller", s.seller.owner.id, s.order.orderNumber, { action: "reject", reason: "Resi menunjukkan sudah diterima" });
    const after = payload<{ receipt: { canConfirm: boolean; canComplain: boolean } }>((await call(orderLoader, getRequest(`/pesanan/${s.order.orderNumber}`, { cookie: buyer }), params(s))).result);
    expect(after.receipt).toMatchObject({ canConfirm: true, canComplain: false });
    expect((await call(confirmAction, postForm(`/pesanan/${s.order.orderNumber}/diterima`, {}, { cookie: buyer }), params(s))).status).toBe(302);
    expect(await status(s.order.id)).toBe("received");
  });
});

describe("complaint steps on the order pages", () => {
  it("the seller refunds a typed part from the seller's order page; a refusal comes back into that step's form", async () => {
    const s = await aShippedOrder();
    const seller = await cookieFor(s.seller.owner.id);
    await openComplaint(s.buyer.id, s.order.orderNumber, { reason: "incomplete", description: "Kurang satu buah" });
    const view = payload<{ complaint: { actions: string[]; maxPartialRefund: number } }>((await call(sellerOrderLoader, getRequest(`/seller/orders/${s.order.orderNumber}`, { cookie: seller }), params(s))).result).complaint;
    expect(view.actions).toEqual(["accept_refund", "accept_partial", "accept_return", "reject"]);
    expect(view.maxPartialRefund).toBe(s.order.goodsTotal + s.order.shippingCost);

    const post = (fields: Record<string, string>) => call(sellerOrderAction, postForm(`/seller/orders/${s.order.orderNumber}`, { intent: "complaint", ...fields }, { cookie: seller }), params(s));
    const tooMuch = await post({ step: "accept_partial", amount: String(view.maxPartialRefund) });
    expect(tooMuch.status).toBe(400);
    expect(payload(tooMuch.result)).toMatchObject({ step: "accept_partial", errors: { amount: "complaint.amountInvalid" }, vars: { max: expect.stringMatching(/^Rp/) } });
    expect(payload(await post({ step: "accept_partial", amount: "lima puluh" }).then((r) => r.result))).toMatchObject({ step: "accept_partial", errors: { amount: "complaint.amountFormat" } });
    expect(payload((await post({ step: "reject", reason: "" })).result)).toMatchObject({ step: "reject", errors: { reason: "complaint.reasonRequired" } });
    // A step the complaint is not at (the buyer's return resi) is refused.
    expect((await post({ step: "return_shipped", resi: "JP1234567890" })).status).toBe(409);

    const done = await post({ step: "accept_partial", amount: "Rp 40.000" });
    expect(done.status).toBe(302);
    expect(fake.refunds.get(`RF-${s.order.orderNumber}`)?.amount).toBe(40_000);
    expect(await status(s.order.id)).toBe("received");
    expect(await escrowBalanceOfOrder(s.order.id)).toBe(0);
  });

  it("the buyer escalates a rejection from the order page; an admin decides on the admin order page", async () => {
    const s = await aShippedOrder();
    const buyer = await cookieFor(s.buyer.id);
    const admin = await aUser({ admin: true });
    await openComplaint(s.buyer.id, s.order.orderNumber, { reason: "not_as_described", description: "Warna jauh berbeda dari foto" });
    await complaintStep("seller", s.seller.owner.id, s.order.orderNumber, { action: "reject", reason: "Warna sesuai foto" });
    const buyerView = payload<{ complaint: { actions: string[] } }>((await call(orderLoader, getRequest(`/pesanan/${s.order.orderNumber}`, { cookie: buyer }), params(s))).result).complaint;
    expect(buyerView.actions).toEqual(["escalate"]);
    expect((await call(orderAction, postForm(`/pesanan/${s.order.orderNumber}`, { intent: "complaint", step: "escalate" }, { cookie: buyer }), params(s))).status).toBe(302);

    const adminCookie = await cookieFor(admin.id);
    const adminPost = (fields: Record<string, string>, cookie = adminCookie) => call(adminOrderAction, postForm(`/admin/pesanan/${s.order.orderNumber}`, { intent: "complaint", ...fields }, { cookie }), params(s));
    expect((await adminPost({ step: "decide_reject", reason: "Tidak terbukti" }, buyer)).status).toBe(403); // not an admin
    expect((await adminPost({ intent: "x" })).status).toBe(400);
    expect((await adminPost({ step: "decide_partial", amount: "25.000", reason: "Warna sedikit berbeda" })).status).toBe(302);
    expect(fake.refunds.get(`RF-${s.order.orderNumber}`)?.amount).toBe(25_000);
    expect(await status(s.order.id)).toBe("received");
  });
});
