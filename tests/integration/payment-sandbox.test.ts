import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasValidSignature, type MidtransNotification } from "~/domain/payments/midtrans";
import { resetEnvCache } from "~/infra/env.server";
import { createMidtransGateway, midtransServerKey, PaymentGatewayError, type PaymentGateway } from "~/infra/payments/gateway.server";
import * as snapRoute from "~/routes/sandbox.midtrans.snap.v1.transactions";
import * as statusRoute from "~/routes/sandbox.midtrans.v2.$orderId.status";
import * as refundRoute from "~/routes/sandbox.midtrans.v2.$orderId.refund";
import * as hookRoute from "~/routes/sandbox.midtrans.test.$hook";
import * as payRoute from "~/routes/sandbox.midtrans.pay.$token";
import { backoffMs, DELIVERY, listSandboxNotifications, startSandboxWorker } from "~/services/sandbox-midtrans.server";
import { notificationReceiver, serveRoutes } from "../setup/route-server";

let app: Awaited<ReturnType<typeof serveRoutes>>;
let receiver: Awaited<ReturnType<typeof notificationReceiver>>;
let gateway: PaymentGateway;
let worker: { stop: () => Promise<void> };
const savedDelay = DELIVERY.baseDelayMs;

async function until<T>(what: string, fn: () => T | undefined | false, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const delivered = (orderId: string, status: string) =>
  receiver.received.filter((r) => r.body.order_id === orderId && r.body.transaction_status === status && r.answered === 200);

async function hook(name: string, body: object, key = midtransServerKey()) {
  const res = await fetch(`${app.url}/sandbox/midtrans/test/${name}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function page(token: string, form?: Record<string, string>) {
  const res = await fetch(`${app.url}/sandbox/midtrans/pay/${token}`, form ? { method: "POST", body: new URLSearchParams(form), redirect: "manual" } : {});
  return { status: res.status, text: await res.text(), location: res.headers.get("Location") };
}

function create(orderId: string, amount = 125_000) {
  return gateway.createTransaction({
    orderId,
    grossAmount: amount,
    customer: { name: "Budi", email: "budi@lapak.test", phone: "081234567890" },
    items: [
      { id: "p1", name: "Kemeja batik", price: amount - 25_000, quantity: 1 },
      { id: "ship", name: "Ongkir JNE REG", price: 25_000, quantity: 1 },
    ],
    expiryMinutes: 60,
    finishUrl: "http://lapak.test/pesanan",
  });
}

beforeAll(async () => {
  delete process.env.MIDTRANS_ENV;
  process.env.MIDTRANS_SANDBOX_DUPLICATE_RATE = "0";
  resetEnvCache();
  DELIVERY.baseDelayMs = 40;
  app = await serveRoutes([
    ["/sandbox/midtrans/snap/v1/transactions", snapRoute],
    ["/sandbox/midtrans/v2/:orderId/status", statusRoute],
    ["/sandbox/midtrans/v2/:orderId/refund", refundRoute],
    ["/sandbox/midtrans/test/:hook", hookRoute],
    ["/sandbox/midtrans/pay/:token", payRoute],
  ]);
  receiver = await notificationReceiver({ failFirst: 0 });
  gateway = createMidtransGateway({ serverKey: midtransServerKey(), snapUrl: `${app.url}/sandbox/midtrans`, apiUrl: `${app.url}/sandbox/midtrans`, notificationUrl: receiver.url });
  worker = startSandboxWorker({ pollMs: 50 });
});

afterAll(async () => {
  DELIVERY.baseDelayMs = savedDelay;
  await worker?.stop();
  await app?.close();
  await receiver?.close();
});

describe("embedded Midtrans sandbox over HTTP", () => {
  it("create → choose a VA → Bayar: signed notifications arrive, retried until 2xx; status shows settlement", async () => {
    const { token, redirectUrl } = await create("LPK-T-0001");
    expect(redirectUrl).toMatch(new RegExp(`/sandbox/midtrans/pay/${token}$`));
    // A Snap token without a chosen method is not a transaction yet.
    expect(await gateway.getStatus("LPK-T-0001")).toBeNull();

    const first = await page(token);
    expect(first.status).toBe(200);
    expect(first.text).toContain("BCA Virtual Account");
    expect((await page(token, { intent: "choose", method: "bca" })).status).toBe(302);
    const chosen = await page(token);
    const va = (JSON.parse(chosen.text) as { vaNumber: string }).vaNumber;
    expect(va).toMatch(/^12345\d{11}$/);

    receiver.failNext(3); // the shop's endpoint is down for the next three tries
    expect((await page(token, { intent: "pay" })).status).toBe(302);
    const got = await until("settlement delivered", () => delivered("LPK-T-0001", "settlement")[0]);
    const body = got.body as unknown as MidtransNotification;
    expect(hasValidSignature(body, midtransServerKey())).toBe(true);
    expect(body).toMatchObject({ gross_amount: "125000.00", status_code: "200", payment_type: "bank_transfer", va_numbers: [{ bank: "bca", va_number: va }] });
    const tries = receiver.received.filter((r) => r.body.order_id === "LPK-T-0001");
    expect(tries.filter((r) => r.answered === 500).length).toBe(3);
    let rows = await listSandboxNotifications("LPK-T-0001");
    for (let i = 0; i < 100 && !rows.every((r) => r.deliveredAt); i++) {
      await new Promise((r) => setTimeout(r, 50));
      rows = await listSandboxNotifications("LPK-T-0001");
    }
    expect(rows.every((r) => r.deliveredAt)).toBe(true);
    expect(Math.max(...rows.map((r) => r.attempts))).toBeGreaterThanOrEqual(2);
    console.log(`[payment-sandbox] notification attempts per row: ${rows.map((r) => `${(r.body as { transaction_status: string }).transaction_status}=${r.attempts}`).join(", ")}`);

    const status = await gateway.getStatus("LPK-T-0001");
    expect(status).toMatchObject({ transaction_status: "settlement", gross_amount: "125000.00", order_id: "LPK-T-0001" });
    expect(status?.settlement_time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    // Paying twice is refused.
    expect((await page(token, { intent: "pay" })).text).toContain("already_paid");
  });

  it("refunds idempotently by refund_key; status and notifications reflect partial then full refund", async () => {
    const first = await gateway.refund("LPK-T-0001", { refundKey: "ORD-A-cancel", amount: 25_000, reason: "Stok habis" });
    const again = await gateway.refund("LPK-T-0001", { refundKey: "ORD-A-cancel", amount: 25_000, reason: "Stok habis" });
    expect(first).toEqual({ refundKey: "ORD-A-cancel", amount: 25_000 });
    expect(again).toEqual(first);
    let status = await gateway.getStatus("LPK-T-0001");
    expect(status).toMatchObject({ transaction_status: "partial_refund", refund_amount: "25000.00" });
    expect(status?.refunds).toHaveLength(1);

    await expect(gateway.refund("LPK-T-0001", { refundKey: "too-much", amount: 100_001, reason: "x" })).rejects.toBeInstanceOf(PaymentGatewayError);
    await gateway.refund("LPK-T-0001", { refundKey: "ORD-B-cancel", amount: 100_000, reason: "Dibatalkan penjual" });
    status = await gateway.getStatus("LPK-T-0001");
    expect(status).toMatchObject({ transaction_status: "refund", refund_amount: "125000.00" });
    await until("refund notification", () => delivered("LPK-T-0001", "refund")[0]);
    expect(delivered("LPK-T-0001", "partial_refund").length).toBe(1); // the repeated refund_key sent nothing
  });

  it("refuses a wrong server key and a refund of an unpaid transaction", async () => {
    const wrong = createMidtransGateway({ serverKey: "SB-Mid-server-wrong", snapUrl: `${app.url}/sandbox/midtrans`, apiUrl: `${app.url}/sandbox/midtrans` });
    await expect(wrong.getStatus("LPK-T-0001")).rejects.toMatchObject({ httpStatus: 401 });
    await create("LPK-T-0002");
    await expect(gateway.refund("LPK-T-0002", { refundKey: "k", amount: 1, reason: "x" })).rejects.toMatchObject({ httpStatus: 412 });
    await expect(create("LPK-T-0002")).rejects.toMatchObject({ httpStatus: 400 }); // order_id used twice
    expect((await hook("deliver", {}, "SB-Mid-server-wrong")).status).toBe(401);
  });

  it("test hooks: replay in reverse order, notify with a chosen status, a bad signature, expiry", async () => {
    const before = receiver.received.length;
    const sent = (await listSandboxNotifications("LPK-T-0001")).map((n) => (n.body as { transaction_status: string }).transaction_status);
    expect((await hook("replay", { order_id: "LPK-T-0001", reverse: true })).body).toEqual({ replayed: sent.length });
    await until("replayed", () => receiver.received.length - before >= sent.length);
    const replayed = receiver.received.slice(before).map((r) => r.body.transaction_status);
    expect(replayed).toEqual([...sent].reverse());

    await hook("notify", { order_id: "LPK-T-0001", transaction_status: "pending", copies: 2 });
    await until("pending after refund", () => receiver.received.slice(before).filter((r) => r.body.transaction_status === "pending").length >= 3);
    await hook("notify", { order_id: "LPK-T-0001", transaction_status: "settlement", bad_signature: true });
    const bad = await until("bad signature", () => receiver.received.find((r) => (r.body.signature_key as string) === "0".repeat(128)));
    expect(hasValidSignature(bad.body as unknown as MidtransNotification, midtransServerKey())).toBe(false);

    const { token } = await create("LPK-T-0003");
    await page(token, { intent: "choose", method: "qris" });
    expect((await page(token)).text).toContain("<svg");
    expect((await hook("expire", { order_id: "LPK-T-0003" })).body).toEqual({ expired: 1 });
    await until("expire notification", () => delivered("LPK-T-0003", "expire")[0]);
    expect((await gateway.getStatus("LPK-T-0003"))?.transaction_status).toBe("expire");
    expect((await page(token, { intent: "pay" })).text).toContain("already_paid");
  });

  it("duplicates notifications at the configured rate", async () => {
    process.env.MIDTRANS_SANDBOX_DUPLICATE_RATE = "1";
    resetEnvCache();
    const { token } = await create("LPK-T-0004");
    await page(token, { intent: "choose", method: "gopay" });
    await page(token, { intent: "pay" });
    await until("two settlements", () => delivered("LPK-T-0004", "settlement").length === 2);
    process.env.MIDTRANS_SANDBOX_DUPLICATE_RATE = "0";
    resetEnvCache();
  });

  it("backs off exponentially up to a cap", () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, 1000, 10_000))).toEqual([1000, 2000, 4000, 8000, 10_000]);
  });

  it("is switched off (404) unless MIDTRANS_ENV=embedded", async () => {
    process.env.MIDTRANS_ENV = "sandbox";
    process.env.MIDTRANS_SERVER_KEY = "SB-Mid-server-real";
    resetEnvCache();
    try {
      const res = await fetch(`${app.url}/sandbox/midtrans/v2/LPK-T-0001/status`);
      expect(res.status).toBe(404);
      expect((await fetch(`${app.url}/sandbox/midtrans/test/deliver`, { method: "POST" })).status).toBe(404);
    } finally {
      delete process.env.MIDTRANS_ENV;
      delete process.env.MIDTRANS_SERVER_KEY;
      resetEnvCache();
    }
  });
});
