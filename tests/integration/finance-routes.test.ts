import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/infra/db.server";
import { setPaymentGatewayForTests } from "~/infra/payments/gateway.server";
import { lowestSellerBalance } from "~/models/ledger.server";
import * as commissionPage from "~/routes/admin.komisi";
import * as finance from "~/routes/seller.keuangan._index";
import { formHolding, renderRoute } from "../setup/render-route";
import * as csv from "~/routes/seller.keuangan.mutasi[.]csv";
import { confirmReceipt } from "~/services/order-completion.server";
import { aBuyer, aFakeGateway, aPaidOrder, aShippedOrder } from "../factories/paid-orders";
import { aSeller } from "../factories/shops";
import { aUser, cookieFor } from "../factories/users";
import { checkLedgerAfterEach } from "../setup/buying";
import { call, getRequest, payload, postForm } from "../setup/http";

checkLedgerAfterEach();
afterEach(async () => expect(await lowestSellerBalance()).toBe(0));

const fake = aFakeGateway();
let seller: Awaited<ReturnType<typeof aSeller>>;
let done: Awaited<ReturnType<typeof aShippedOrder>>[];
let held: Awaited<ReturnType<typeof aPaidOrder>>;
let sellerCookie: string;
let otherCookie: string;
let buyerCookie: string;

type Finance = {
  balances: { escrow: number; available: number; paidOut: number; pendingPayout: number };
  escrow: { orderNumber: string; held: number }[];
  statement: { kind: string; orderNumber: string | null; amount: number; balance: number; gross: number; platform: number }[];
  months: { month: string; orders: number; released: number; platform: number; closing: number }[];
  pph22: { declared: boolean };
};

beforeAll(async () => {
  setPaymentGatewayForTests(fake.gateway);
  seller = await aSeller({ status: "approved" });
  const buyer = await aBuyer();
  done = [await aShippedOrder({ seller, buyer }), await aShippedOrder({ seller, buyer })];
  for (const d of done) await confirmReceipt(buyer.id, d.order.orderNumber);
  held = await aPaidOrder({ seller, buyer });
  const other = await aSeller({ status: "approved" });
  await aPaidOrder({ seller: other });
  sellerCookie = await cookieFor(seller.owner.id);
  otherCookie = await cookieFor(other.owner.id);
  buyerCookie = await cookieFor(buyer.id);
});
afterAll(() => setPaymentGatewayForTests(undefined));

const net = (o: { goodsTotal: number; shippingCost: number; commission: number | null }) => o.goodsTotal + o.shippingCost - o.commission!;

describe("seller finance page", () => {
  it("shows escrow per order, available balance, statement with running balance and the monthly summary", async () => {
    const data = payload<Finance>((await call(finance.loader, getRequest("/seller/keuangan", { cookie: sellerCookie }))).result);
    const expected = net(done[0].order) + net(done[1].order);
    // The seller's part of escrow: the buyer's service fee is the platform's.
    expect(held.order.feeTotal).toBeGreaterThan(0);
    expect(data.balances).toEqual({ escrow: held.order.total - held.order.feeTotal, available: expected, paidOut: 0, pendingPayout: 0 });
    expect(data.escrow).toEqual([expect.objectContaining({ orderNumber: held.order.orderNumber, held: held.order.total - held.order.feeTotal })]);
    expect(data.statement.map((l) => [l.kind, l.amount, l.balance])).toEqual([
      ["release", net(done[1].order), expected],
      ["release", net(done[0].order), net(done[0].order)],
    ]);
    // The buyer's service fee was never the seller's: the line reads goods + shipping less commission, which is what came in.
    expect(data.statement[1]).toMatchObject({ orderNumber: done[0].order.orderNumber, gross: done[0].order.total - done[0].order.feeTotal, platform: done[0].order.commission! });
    for (const line of data.statement) expect(line.gross - line.platform).toBe(line.amount);
    expect(data.months).toEqual([expect.objectContaining({ orders: 2, released: expected, closing: expected })]);
    console.log(`[finance] seller: escrow ${data.balances.escrow}, available ${data.balances.available}, statement ${data.statement.length} lines`);
  });

  it("a seller sees only their own balance and statement; a buyer without a shop is refused", async () => {
    const theirs = payload<Finance>((await call(finance.loader, getRequest("/seller/keuangan", { cookie: otherCookie }))).result);
    expect(theirs.balances.available).toBe(0);
    expect(theirs.statement).toEqual([]);
    expect(theirs.escrow.map((o) => o.orderNumber)).not.toContain(held.order.orderNumber);
    expect((await call(finance.loader, getRequest("/seller/keuangan", { cookie: buyerCookie }))).status).toBe(403);
    expect((await call(csv.loader, getRequest("/seller/keuangan/mutasi.csv", { cookie: buyerCookie }))).status).toBe(403);
  });

  it("exports the statement as CSV with running balance", async () => {
    const res = (await call(csv.loader, getRequest("/seller/keuangan/mutasi.csv", { cookie: sellerCookie }))).result as Response;
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toBe("tanggal,jenis,no_pesanan,keterangan,dana_pesanan,komisi,pph22,jumlah,saldo");
    expect(lines).toHaveLength(3);
    expect(lines[1].split(",").slice(1, 3)).toEqual(["release", done[0].order.orderNumber]);
    expect(lines[2].split(",").at(-1)).toBe(String(net(done[0].order) + net(done[1].order)));
  });

  it("the seller declares PPh 22 status", async () => {
    // Not without ticking the statement that names the threshold: nothing changes.
    const unticked = await call(finance.action, postForm("/seller/keuangan", { intent: "pph22", over: "yes" }, { cookie: sellerCookie }));
    expect([unticked.status, payload<{ errors: Record<string, string> }>(unticked.result).errors.confirm]).toEqual([400, "finance.pph22.confirmRequired"]);
    expect((await db().shop.findUniqueOrThrow({ where: { id: seller.shop.id } })).pph22OverThreshold).toBe(false);
    // That message is the one a seller reads: the browser's own check (in the phone's language, English on many
    // phones) must not stop the form first.
    const page = renderRoute(finance.default, "/seller/keuangan", payload((await call(finance.loader, getRequest("/seller/keuangan", { cookie: sellerCookie }))).result));
    const form = formHolding(page, "intent", "pph22");
    expect(form).toMatch(/^<form[^>]* novalidate=""/);
    expect(form).toContain('name="confirm"');
    expect(form).not.toMatch(/ required=""/);
    const res = await call(finance.action, postForm("/seller/keuangan", { intent: "pph22", over: "yes", confirm: "yes" }, { cookie: sellerCookie }));
    expect(payload<{ ok: string }>(res.result).ok).toBe("finance.pph22.saved");
    expect((await db().shop.findUniqueOrThrow({ where: { id: seller.shop.id } })).pph22OverThreshold).toBe(true);
  });
});

describe("admin commission page", () => {
  it("only admins set rates; a bad rate is refused with a message", async () => {
    const admin = await aUser({ admin: true });
    const adminCookie = await cookieFor(admin.id);
    expect((await call(commissionPage.loader, getRequest("/admin/komisi", { cookie: sellerCookie }))).status).toBe(403);
    expect((await call(commissionPage.action, postForm("/admin/komisi", { categoryId: "default", rate: "4" }, { cookie: sellerCookie }))).status).toBe(403);
    const bad = await call(commissionPage.action, postForm("/admin/komisi", { categoryId: "default", rate: "60" }, { cookie: adminCookie }));
    expect(bad.status).toBe(400);
    // The refused rate comes back, so the form shows what was typed next to the reason.
    expect(payload(bad.result)).toMatchObject({ values: { categoryId: "default", rate: "60" } });
    const ok = await call(commissionPage.action, postForm("/admin/komisi", { categoryId: "default", rate: "4,5" }, { cookie: adminCookie }));
    expect(payload<{ ok: string }>(ok.result).ok).toBe("commission.saved");
    expect(payload<{ defaultBps: number }>((await call(commissionPage.loader, getRequest("/admin/komisi", { cookie: adminCookie }))).result).defaultBps).toBe(450);
    await call(commissionPage.action, postForm("/admin/komisi", { categoryId: "default", rate: "5" }, { cookie: adminCookie }));
  });
});
