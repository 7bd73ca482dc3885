import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatGrossAmount, signNotification, statusCodeFor, type MidtransStatus, type TransactionStatus } from "../../app/domain/payments/midtrans";
import { db } from "../../app/infra/db.server";
import { midtransServerKey } from "../../app/infra/payments/gateway.server";
import { accountBalances, escrowBalanceOfOrder } from "../../app/models/ledger.server";
import { addToCart } from "../../app/services/cart.server";
import { expirePaymentIfDue, handleMidtransNotification, startPayment } from "../../app/services/payments.server";
import { aBuyer, aShopWithProduct, checkoutAll } from "../factories/buying";
import { checkLedgerAfterEach, startPaymentStack, until } from "../setup/buying";
import { loader as ordersLoader } from "../../app/routes/pesanan._index";
import { cookieFor } from "../factories/users";
import { call, getRequest, payload } from "../setup/http";

// Payments end to end over HTTP: checkout → Snap create at the embedded sandbox → payment page "Bayar" →
// signed notification → our handler → status API → settlement, ledger, orders. Plus the three races of the issue.

let stack: Awaited<ReturnType<typeof startPaymentStack>>;
let shopA: Awaited<ReturnType<typeof aShopWithProduct>>;
let shopB: Awaited<ReturnType<typeof aShopWithProduct>>;

beforeAll(async () => {
  stack = await startPaymentStack({ worker: true });
  shopA = await aShopWithProduct({ stock: 100_000, price: 150_000, title: "Gamis Hitam Polos" });
  shopB = await aShopWithProduct({ stock: 100_000, price: 45_500, weightGrams: 250, title: "Kopi Gayo 250 g" });
});
afterAll(async () => {
  await stack?.stop();
});
checkLedgerAfterEach();

/** A checkout of one item from each given shop, with its Snap page opened at the sandbox. */
async function aPendingPayment(shops = [shopA, shopB]) {
  const { user, address } = await aBuyer();
  for (const s of shops) await addToCart({ userId: user.id }, user.id, { productId: s.product.id, variantId: null, quantity: 1 });
  const placed = await checkoutAll(user, address.id);
  const redirectUrl = await startPayment(user.id, placed.paymentNumber);
  return { user, placed, redirectUrl };
}

function signed(paymentNumber: string, amount: number, status: TransactionStatus, extra: Partial<MidtransStatus> = {}) {
  return signNotification(
    { order_id: paymentNumber, status_code: statusCodeFor(status), gross_amount: formatGrossAmount(amount), transaction_status: status, payment_type: "bank_transfer", transaction_id: `tx-${paymentNumber}`, ...extra },
    midtransServerKey(),
  );
}

describe("paying a checkout", () => {
  it("pays two shops' orders with one virtual account payment in the sandbox: both paid, escrow per order", async () => {
    const { placed, redirectUrl } = await aPendingPayment();
    expect(placed.orders).toHaveLength(2);
    expect(redirectUrl).toContain("/sandbox/midtrans/pay/");
    expect(await startPayment((await db().payment.findUniqueOrThrow({ where: { id: placed.paymentId } })).buyerId, placed.paymentNumber)).toBe(redirectUrl);
    // The payment page closes when the order page says, not a window counted from when the buyer opened it.
    const opened = await db().payment.findUniqueOrThrow({ where: { id: placed.paymentId } });
    const gatewayDeadline = (await db().sandboxMidtransTransaction.findUniqueOrThrow({ where: { orderId: placed.paymentNumber } })).expiresAt;
    expect(opened.expiresAt.getTime() - gatewayDeadline.getTime()).toBeGreaterThanOrEqual(0);
    expect(opened.expiresAt.getTime() - gatewayDeadline.getTime()).toBeLessThan(1000);

    expect(await stack.payVa(redirectUrl, "bni")).toEqual({ choose: 302, pay: 302 });
    const orders = await until("orders paid", async () => {
      const rows = await db().order.findMany({ where: { paymentId: placed.paymentId } });
      return rows.every((o) => o.status === "paid") && rows;
    });
    const payment = await db().payment.findUniqueOrThrow({ where: { id: placed.paymentId } });
    expect(payment).toMatchObject({ status: "settled", paymentType: "bank_transfer" });
    for (const o of orders) expect(await escrowBalanceOfOrder(o.id)).toBe(o.total);
    const entries = await db().journalEntry.findMany({ where: { referenceId: placed.paymentId }, include: { lines: true } });
    expect(entries).toHaveLength(1);
    expect(entries[0].lines).toHaveLength(3); // provider clearing + one escrow line per order
    const events = await db().orderEvent.findMany({ where: { orderId: { in: orders.map((o) => o.id) }, event: "pay" } });
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.actorRole])).toEqual([
      ["awaiting_payment", "paid", "system"],
      ["awaiting_payment", "paid", "system"],
    ]);
    // Each seller is told in the app and by mail.
    expect(await db().notification.count({ where: { userId: { in: [shopA.owner.id, shopB.owner.id] }, kind: "order.paid" } })).toBeGreaterThanOrEqual(2);
  });

  it("a buyer back from the payment page sees the order paid before the gateway's notification arrives", async () => {
    await stack.pauseDelivery(); // the notification stays queued at the sandbox
    try {
      const { user, placed, redirectUrl } = await aPendingPayment([shopA]);
      expect(await stack.payVa(redirectUrl, "bca")).toEqual({ choose: 302, pay: 302 });
      const stranger = await aBuyer();
      // Someone else's return link changes nothing; the buyer's own asks the gateway and settles it.
      await call(ordersLoader, getRequest(`/pesanan?pembayaran=${placed.paymentNumber}`, { cookie: await cookieFor(stranger.user.id) }));
      expect((await db().payment.findUniqueOrThrow({ where: { id: placed.paymentId } })).status).toBe("pending");
      const page = payload<{ orders: { status: string }[] }>((await call(ordersLoader, getRequest(`/pesanan?pembayaran=${placed.paymentNumber}`, { cookie: await cookieFor(user.id) }))).result);
      expect(page.orders.map((o) => o.status)).toEqual(["paid"]);
      const events = await db().paymentEvent.findMany({ where: { paymentId: placed.paymentId }, select: { source: true } });
      expect(events.map((e) => e.source)).toContain("buyer_return");
    } finally {
      stack.resumeDelivery();
    }
  });

  it("refuses a bad signature, an unknown order and a wrong amount without writing anything", async () => {
    const { placed } = await aPendingPayment([shopA]);
    const before = await db().paymentEvent.count();
    const good = signed(placed.paymentNumber, placed.grossAmount, "settlement");
    expect((await stack.notify({ ...good, signature_key: "f".repeat(128) })).status).toBe(401);
    expect((await stack.notify(signed("PAY-000000-UNKNOWN", placed.grossAmount, "settlement"))).status).toBe(404);
    expect((await stack.notify(signed(placed.paymentNumber, placed.grossAmount - 1, "settlement"))).status).toBe(400);
    expect((await stack.notify({ hello: "world" })).status).toBe(400);
    // Correctly signed, right amount, but the gateway has not seen the money: not believed.
    expect((await stack.notify(good)).status).toBe(409);
    expect(await db().paymentEvent.count()).toBe(before);
    expect((await db().payment.findUniqueOrThrow({ where: { id: placed.paymentId } })).status).toBe("pending");
  });
});

describe("reliability", () => {
  it("50 concurrent checkouts of the last 10 units make exactly 10 orders and the stock never goes negative", async () => {
    const shop = await aShopWithProduct({ stock: 10, price: 99_000, title: "Batik Tulis Edisi Terbatas" });
    const buyers = await Promise.all(Array.from({ length: 50 }, () => aBuyer()));
    for (const b of buyers) await addToCart({ userId: b.user.id }, b.user.id, { productId: shop.product.id, variantId: null, quantity: 1 });
    let lowest = 10;
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const { stock } = await db().product.findUniqueOrThrow({ where: { id: shop.product.id }, select: { stock: true } });
        lowest = Math.min(lowest, stock);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const started = Date.now();
    const results = await Promise.allSettled(buyers.map((b) => checkoutAll(b.user, b.address.id)));
    const ms = Date.now() - started;
    watching = false;
    await watcher;
    const ok = results.filter((r) => r.status === "fulfilled").length;
    const refused = results.filter((r) => r.status === "rejected").map((r) => ((r as PromiseRejectedResult).reason as Error).message);
    const orders = await db().order.count({ where: { shopId: shop.shop.id } });
    const final = await db().product.findUniqueOrThrow({ where: { id: shop.product.id } });
    const held = await db().stockReservation.aggregate({ where: { productId: shop.product.id, status: "held" }, _sum: { quantity: true } });
    console.log(`[reservation race] 50 concurrent checkouts of the last 10 units in ${ms} ms: ${ok} orders, ${refused.length} refused (out of stock), final stock ${final.stock}, lowest stock seen ${lowest}, units held ${held._sum.quantity}`);
    expect(ok).toBe(10);
    expect(orders).toBe(10);
    expect(new Set(refused)).toEqual(new Set(["conflict: checkout.error.outOfStock"]));
    expect(final.stock).toBe(0);
    expect(lowest).toBeGreaterThanOrEqual(0);
    expect(held._sum.quantity).toBe(10);
  });

  it("1,000 notifications with duplicates, replays, reordering and 50 bad ones apply each payment exactly once", async () => {
    await stack.pauseDelivery();
    const paid = [];
    for (let i = 0; i < 40; i++) paid.push(await aPendingPayment(i % 2 ? [shopA] : [shopA, shopB]));
    const unpaid = [];
    for (let i = 0; i < 5; i++) unpaid.push(await aPendingPayment([shopB]));
    // The money arrives at the gateway for the 40 (its own notifications are held back: we send ours).
    for (const p of paid) expect((await stack.hook("notify", { order_id: p.placed.paymentNumber, transaction_status: "settlement", apply: true })).status).toBe(200);

    const notes: { body: object; bad: boolean }[] = [];
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const p of paid) {
      const { paymentNumber, grossAmount } = p.placed;
      // pending first, then settlement duplicated, then stale pending/expire replays after it
      notes.push({ body: signed(paymentNumber, grossAmount, "pending"), bad: false });
      for (let k = 0; k < 16; k++) notes.push({ body: signed(paymentNumber, grossAmount, "settlement", { settlement_time: "2026-12-01 10:00:00" }), bad: false });
      for (let k = 0; k < 4; k++) notes.push({ body: signed(paymentNumber, grossAmount, "pending"), bad: false });
      notes.push({ body: signed(paymentNumber, grossAmount, "expire"), bad: false });
    }
    for (const p of unpaid) for (let k = 0; k < 10; k++) notes.push({ body: signed(p.placed.paymentNumber, p.placed.grossAmount, "pending"), bad: false });
    const targets = [...paid, ...unpaid];
    for (let k = 0; k < 25; k++) {
      const p = targets[k % targets.length].placed;
      notes.push({ body: { ...signed(p.paymentNumber, p.grossAmount, "settlement"), signature_key: signed(p.paymentNumber, p.grossAmount + 1, "settlement").signature_key }, bad: true });
      notes.push({ body: signed(p.paymentNumber, p.grossAmount + 1000, "settlement"), bad: true });
    }
    while (notes.length < 1000) notes.push({ body: signed(paid[notes.length % paid.length].placed.paymentNumber, paid[notes.length % paid.length].placed.grossAmount, "settlement"), bad: false });
    expect(notes.length).toBe(1000);
    expect(notes.filter((n) => n.bad).length).toBe(50);
    // Shuffled: replays and out-of-order arrival.
    for (let i = notes.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [notes[i], notes[j]] = [notes[j], notes[i]];
    }

    const statuses: Record<string, number> = {};
    const badStatuses: number[] = [];
    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < notes.length) {
          const n = notes[next++];
          const res = await stack.notify(n.body);
          const key = `${res.status} ${res.body.outcome ?? res.body.reason}`;
          statuses[key] = (statuses[key] ?? 0) + 1;
          if (n.bad) badStatuses.push(res.status);
        }
      }),
    );
    const ms = Date.now() - started;

    const paidIds = paid.map((p) => p.placed.paymentId);
    const entries = await db().journalEntry.groupBy({ by: ["referenceId"], where: { kind: "payment_settled", referenceId: { in: paidIds } }, _count: true });
    const payEvents = await db().orderEvent.count({ where: { event: "pay", order: { paymentId: { in: paidIds } } } });
    const paidOrders = paid.reduce((n, p) => n + p.placed.orders.length, 0);
    const settledEvents = await db().paymentEvent.count({ where: { paymentId: { in: paidIds } } });
    console.log(`[notifications] 1,000 notifications (50 bad) for ${paid.length} paid + ${unpaid.length} unpaid payments in ${ms} ms (${Math.round(1000 / (ms / 1000))}/s, 20 at a time): ${JSON.stringify(statuses)}; settlement entries ${entries.length}/${paid.length}, pay events ${payEvents}/${paidOrders}`);

    expect(badStatuses.every((s) => s === 400 || s === 401)).toBe(true);
    expect(entries).toHaveLength(paid.length);
    expect(entries.every((e) => e._count === 1)).toBe(true);
    expect(payEvents).toBe(paidOrders);
    expect(settledEvents).toBe(paid.length);
    for (const p of paid) {
      const orders = await db().order.findMany({ where: { paymentId: p.placed.paymentId } });
      expect(orders.every((o) => o.status === "paid")).toBe(true);
    }
    for (const p of unpaid) {
      expect((await db().payment.findUniqueOrThrow({ where: { id: p.placed.paymentId } })).status).toBe("pending");
      expect(await db().journalEntry.count({ where: { referenceId: p.placed.paymentId } })).toBe(0);
      expect(await db().orderEvent.count({ where: { order: { paymentId: p.placed.paymentId }, NOT: { event: "create" } } })).toBe(0);
    }
  }, 180_000);

  it("an expiry job racing a late settlement ends paid or refunded, never both and never lost", async () => {
    await stack.pauseDelivery();
    const outcomes = { paid: 0, refunded: 0 };
    const rounds = 16;
    for (let i = 0; i < rounds; i++) {
      const { placed } = await aPendingPayment([shopA]);
      const stockBefore = (await db().product.findUniqueOrThrow({ where: { id: shopA.product.id } })).stock;
      await stack.hook("notify", { order_id: placed.paymentNumber, transaction_status: "settlement", apply: true });
      // The deadline passed a moment ago; the money and the job arrive together (one or the other first).
      await db().payment.update({ where: { id: placed.paymentId }, data: { expiresAt: new Date(Date.now() - 1000) } });
      const settle = () => handleMidtransNotification(signed(placed.paymentNumber, placed.grossAmount, "settlement"));
      const expire = () => expirePaymentIfDue(placed.paymentId);
      const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
      const [s] = await Promise.all(i % 2 ? [settle(), delay(i % 4).then(expire)] : [delay(i % 4).then(settle), expire()]);
      expect(s.status).toBe(200);

      const order = await until("order settled one way", async () => {
        const o = await db().order.findUniqueOrThrow({ where: { id: placed.orders[0].id }, include: { refunds: true } });
        return (o.status === "paid" || o.status === "refunded") && o;
      });
      const entries = await db().journalEntry.findMany({ where: { OR: [{ referenceId: placed.paymentId }, { referenceId: { in: order.refunds.map((r) => r.id) } }] } });
      const stockAfter = (await db().product.findUniqueOrThrow({ where: { id: shopA.product.id } })).stock;
      if (order.status === "paid") {
        outcomes.paid++;
        expect(order.refunds).toHaveLength(0);
        expect(entries.map((e) => e.kind)).toEqual(["payment_settled"]);
        expect(await escrowBalanceOfOrder(order.id)).toBe(order.total);
        expect(stockAfter).toBe(stockBefore);
      } else {
        outcomes.refunded++;
        expect(order.refunds.map((r) => [r.status, r.amount])).toEqual([["done", order.total]]);
        expect(entries.map((e) => e.kind).sort()).toEqual(["payment_settled", "refund"]);
        expect(await escrowBalanceOfOrder(order.id)).toBe(0);
        expect(stockAfter).toBe(stockBefore + 1); // the expired order gave its unit back
      }
      expect((await db().payment.findUniqueOrThrow({ where: { id: placed.paymentId } })).status).toBe("settled");
    }
    console.log(`[expiry vs late settlement] ${rounds} races: ${outcomes.paid} paid, ${outcomes.refunded} refunded, 0 both, 0 lost`);
    expect(outcomes.paid + outcomes.refunded).toBe(rounds);
    const balances = await accountBalances();
    expect(balances.provider_clearing + balances.escrow).toBe(0);
  }, 120_000);
});
