import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setPaymentGatewayForTests } from "~/infra/payments/gateway.server";
import * as dashboard from "~/routes/seller._index";
import * as detail from "~/routes/seller.orders.$orderNumber";
import * as list from "~/routes/seller.orders._index";
import * as labels from "~/routes/seller.orders.labels";
import * as slips from "~/routes/seller.orders.slips";
import { aBuyer, aFakeGateway, aPaidOrder } from "../factories/paid-orders";
import { aSeller } from "../factories/shops";
import { cookieFor } from "../factories/users";
import { call, getRequest, payload, postForm } from "../setup/http";
import { readPdf } from "../setup/pdf";
import { renderRoute, textOf } from "../setup/render-route";
import * as buyerOrderPage from "~/routes/pesanan.$orderNumber";
import { db } from "~/infra/db.server";

const fake = aFakeGateway();
let mine: Awaited<ReturnType<typeof aPaidOrder>>;
let sellerCookie: string;
let otherCookie: string;
let buyerCookie: string;

beforeAll(async () => {
  setPaymentGatewayForTests(fake.gateway);
  mine = await aPaidOrder({ serviceCode: "jne-reg" });
  const other = await aSeller({ status: "approved" });
  await aPaidOrder({ seller: other, buyer: await aBuyer("Rina Marlina") });
  sellerCookie = await cookieFor(mine.seller.owner.id);
  otherCookie = await cookieFor(other.owner.id);
  buyerCookie = await cookieFor(mine.buyer.id);
});
afterAll(() => setPaymentGatewayForTests(undefined));

const n = () => mine.order.orderNumber;

describe("seller order routes", () => {
  it("lists only the shop's own orders, with counts per tab; a buyer without a shop is refused", async () => {
    const res = await call(list.loader, getRequest("/seller/orders?tab=paid", { cookie: sellerCookie }));
    const data = payload<{ orders: { orderNumber: string; recipient: string; shipBy: string | null }[]; counts: Record<string, number> }>(res.result);
    expect(data.orders.map((o) => o.orderNumber)).toEqual([n()]);
    expect(data.orders[0].shipBy).not.toBeNull();
    expect(data.counts).toMatchObject({ all: 1, paid: 1 });
    const theirs = payload<{ orders: { recipient: string }[] }>((await call(list.loader, getRequest("/seller/orders", { cookie: otherCookie }))).result);
    expect(theirs.orders.map((o) => o.recipient)).toEqual(["Rina Marlina"]); // never Budi's address
    expect((await call(list.loader, getRequest("/seller/orders", { cookie: buyerCookie }))).status).toBe(403);
    expect((await call(detail.loader, getRequest(`/seller/orders/${n()}`, { cookie: otherCookie }), { orderNumber: n() })).status).toBe(404);
  });

  it("shows the seller goods + shipping as the order total: the buyer's service fee is the marketplace's", async () => {
    const { goodsTotal, shippingCost, feeTotal, total } = mine.order;
    expect(feeTotal).toBeGreaterThan(0);
    expect(total).toBe(goodsTotal + shippingCost + feeTotal);
    const listed = payload<{ orders: { orderNumber: string; total: number }[] }>((await call(list.loader, getRequest("/seller/orders", { cookie: sellerCookie }))).result);
    expect(listed.orders.find((o) => o.orderNumber === n())?.total).toBe(goodsTotal + shippingCost);
    const shown = payload<{ order: { total: number } }>((await call(detail.loader, getRequest(`/seller/orders/${n()}`, { cookie: sellerCookie }), { orderNumber: n() })).result);
    expect(shown.order.total).toBe(goodsTotal + shippingCost);
  });

  it("a parcel sent in a dropshipper's name says so on the seller's and the buyer's order page", async () => {
    await db().order.update({ where: { id: mine.order.id }, data: { dropshipSenderName: "Kado dari Budi", dropshipSenderPhone: "+6281322223333" } });
    try {
      const url = `/seller/orders/${n()}`;
      const seller = payload<{ order: { sendAs: unknown } }>((await call(detail.loader, getRequest(url, { cookie: sellerCookie }), { orderNumber: n() })).result);
      expect(seller.order.sendAs).toEqual({ name: "Kado dari Budi", phone: "+6281322223333" });
      expect(textOf(renderRoute(detail.default, url, seller))).toContain("Kirim atas nama Kado dari Budi · +6281322223333: label dan nota tanpa nama toko dan harga (dropship).");
      const buyerUrl = `/pesanan/${n()}`;
      const buyer = payload((await call(buyerOrderPage.loader, getRequest(buyerUrl, { cookie: buyerCookie }), { orderNumber: n() })).result);
      expect(textOf(renderRoute(buyerOrderPage.default, buyerUrl, buyer))).toContain("Dikirim atas nama Kado dari Budi · +6281322223333 (label tanpa harga)");
    } finally {
      await db().order.update({ where: { id: mine.order.id }, data: { dropshipSenderName: null, dropshipSenderPhone: null } });
    }
  });

  it("downloads the label and packing slip as PDF; another seller gets 404", async () => {
    const res = await call(labels.loader, getRequest(`/seller/orders/labels?order=${n()}&layout=a6`, { cookie: sellerCookie }));
    const response = res.result as Response;
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toContain(`label-a6-${n()}.pdf`);
    const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
    expect(pdf.text).toContain(n());
    const slip = (await call(slips.loader, getRequest(`/seller/orders/slips?order=${n()}`, { cookie: sellerCookie }))).result as Response;
    expect(slip.headers.get("Content-Type")).toBe("application/pdf");
    expect((await call(labels.loader, getRequest(`/seller/orders/labels?order=${n()}`, { cookie: otherCookie }))).status).toBe(404);
    expect((await call(labels.loader, getRequest(`/seller/orders/labels`, { cookie: sellerCookie }))).status).toBe(400);
  });

  it("resi entry: refusal, then a warning to confirm, then shipped; the timeline shows it", async () => {
    const ship = (fields: Record<string, string>) => call(detail.action, postForm(`/seller/orders/${n()}`, { intent: "ship", ...fields }, { cookie: sellerCookie }), { orderNumber: n() });
    const refused = await ship({ resi: "12/34" });
    expect(refused.status).toBe(400);
    expect(payload<{ errors: Record<string, string> }>(refused.result).errors.resi).toBe("resi.charset");
    const warned = payload<{ confirm: { resi: string; warning: string } }>((await ship({ resi: "abc1234" })).result);
    expect(warned.confirm).toMatchObject({ resi: "ABC1234", warning: "resi.formatUncertain" });
    // Confirming another number than the one warned about asks again.
    expect(payload<{ confirm?: unknown }>((await ship({ resi: "XYZ98765", confirmedResi: "ABC1234" })).result).confirm).toBeDefined();
    // The confirmation holds for the same number however it is spaced.
    const done = payload<{ ok: string }>((await ship({ resi: "abc 1234", confirmedResi: "ABC1234" })).result);
    expect(done.ok).toBe("sellerOrders.shipped");
    const view = payload<{ order: { status: string; shipment: { resi: string } }; events: { event: string; actorRole: string; resi: string | null }[]; tracking: { status: string }[] }>(
      (await call(detail.loader, getRequest(`/seller/orders/${n()}`, { cookie: sellerCookie }), { orderNumber: n() })).result,
    );
    expect(view.order.status).toBe("shipped");
    expect(view.order.shipment.resi).toBe("ABC1234");
    expect(view.events.find((e) => e.event === "ship")).toMatchObject({ actorRole: "seller", resi: "ABC1234" });
    expect(view.tracking.map((s) => s.status)).toEqual(["picked_up"]);
  });

  it("cancel needs a reason and refunds; the dashboard shows orders to ship and late orders", async () => {
    const second = await aPaidOrder({ seller: mine.seller, buyer: mine.buyer });
    const nn = second.order.orderNumber;
    const noReason = await call(detail.action, postForm(`/seller/orders/${nn}`, { intent: "cancel", reason: "" }, { cookie: sellerCookie }), { orderNumber: nn });
    expect(noReason.status).toBe(400);
    const dash1 = payload<{ performance: { toShip: number } }>((await call(dashboard.loader, getRequest("/seller", { cookie: sellerCookie }))).result);
    expect(dash1.performance.toShip).toBe(1);
    const ok = await call(detail.action, postForm(`/seller/orders/${nn}`, { intent: "cancel", reason: "Stok habis" }, { cookie: sellerCookie }), { orderNumber: nn });
    expect(payload<{ ok: string }>(ok.result).ok).toBe("sellerOrders.cancelled");
    expect(fake.refunds.get(`RF-${nn}`)).toMatchObject({ amount: second.order.total });
    const dash2 = payload<{ performance: { toShip: number; lateCancellations: number } }>((await call(dashboard.loader, getRequest("/seller", { cookie: sellerCookie }))).result);
    expect(dash2.performance).toMatchObject({ toShip: 0, lateCancellations: 0 });
  });
});
