import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/infra/db.server";
import { resetEnvCache } from "~/infra/env.server";
import { setPaymentGatewayForTests } from "~/infra/payments/gateway.server";
import { balancesOfShop, countReleaseEntries, escrowBalanceOfOrder, lowestSellerBalance, withholdingByYear } from "~/models/ledger.server";
import { setPph22Declaration } from "~/models/release.server";
import { commissionSettings, setCommissionRate } from "~/services/commission.server";
import { openComplaint } from "~/services/complaints.server";
import { autoCompleteOrders, completeOrder, confirmReceipt } from "~/services/order-completion.server";
import { aBuyer, aFakeGateway, aPaidOrder, aShippedOrder } from "../factories/paid-orders";
import { leafCategory } from "../factories/products";
import { aSeller } from "../factories/shops";
import { aUser } from "../factories/users";
import { checkLedgerAfterEach } from "../setup/buying";
import { domainErrorOf } from "../setup/errors";

checkLedgerAfterEach();
afterEach(async () => {
  expect(await lowestSellerBalance()).toBe(0);
});

const fake = aFakeGateway();
let admin: Awaited<ReturnType<typeof aUser>>;
let topCategoryId: number;

async function topLevelOf(categoryId: number): Promise<number> {
  let c = await db().category.findUniqueOrThrow({ where: { id: categoryId } });
  while (c.parentId !== null) c = await db().category.findUniqueOrThrow({ where: { id: c.parentId } });
  return c.id;
}

beforeAll(async () => {
  setPaymentGatewayForTests(fake.gateway);
  admin = await aUser({ admin: true });
  topCategoryId = await topLevelOf((await leafCategory()).id);
});

afterAll(() => {
  setPaymentGatewayForTests(undefined);
  for (const k of ["PPH22_ENABLED", "PPH22_RATE_BPS"]) delete process.env[k];
  resetEnvCache();
});

describe("commission rates", () => {
  it("per top-level category with a default; the rate in force at payment is fixed on the order", async () => {
    await setCommissionRate(admin.id, null, 500);
    await setCommissionRate(admin.id, topCategoryId, 800); // 8 % for this top-level category
    const leaf = await leafCategory();
    expect((await domainErrorOf(setCommissionRate(admin.id, leaf.id, 100))).messageKey).toBe("commission.topLevelOnly");
    expect((await domainErrorOf(setCommissionRate(admin.id, null, 6000))).code).toBe("validation");
    const settings = await commissionSettings();
    expect(settings.defaultBps).toBe(500);
    expect(settings.categories.find((c) => c.id === topCategoryId)?.rateBps).toBe(800);

    const { order } = await aPaidOrder();
    const items = await db().orderItem.findMany({ where: { orderId: order.id } });
    expect(items.map((i) => i.commissionBps)).toEqual([800]);
    expect(order.commission).toBe(Math.floor((order.goodsTotal * 800) / 10_000));

    // A later change does not touch an order already paid.
    await setCommissionRate(admin.id, topCategoryId, 300);
    expect((await db().order.findUniqueOrThrow({ where: { id: order.id } })).commission).toBe(12_000);
    // Removing the category's own rate falls back to the default.
    await setCommissionRate(admin.id, topCategoryId, null);
    const { order: next } = await aPaidOrder();
    expect(next.commission).toBe(Math.floor((next.goodsTotal * 500) / 10_000));
  });
});

describe("release", () => {
  it("'Pesanan Diterima' releases goods + shipping − commission to the seller and commission + fee to the platform", async () => {
    await setCommissionRate(admin.id, null, 500);
    const { order, buyer, seller } = await aShippedOrder();
    expect(await balancesOfShop(seller.shop.id)).toEqual({ escrow: order.total, available: 0, paidOut: 0, pendingPayout: 0 });
    const other = await aBuyer("Orang Lain");
    expect((await domainErrorOf(confirmReceipt(other.id, order.orderNumber))).code).toBe("not_found");
    expect(await confirmReceipt(buyer.id, order.orderNumber)).toBe("released");
    expect(await confirmReceipt(buyer.id, order.orderNumber)).toBe("already"); // double click
    const commission = order.commission!;
    const after = await db().order.findUniqueOrThrow({ where: { id: order.id } });
    expect(after.status).toBe("received");
    expect(after.releasedCommission).toBe(commission);
    expect(after.withheldTax).toBe(0);
    expect(await escrowBalanceOfOrder(order.id)).toBe(0);
    expect(await balancesOfShop(seller.shop.id)).toEqual({ escrow: 0, available: order.goodsTotal + order.shippingCost - commission, paidOut: 0, pendingPayout: 0 });
    const entry = await db().journalEntry.findUniqueOrThrow({ where: { idempotencyKey: `escrow-release:${order.id}` }, include: { lines: { include: { account: true } } } });
    expect(Object.fromEntries(entry.lines.map((l) => [l.account.kind, Number(l.amount)]))).toEqual({
      escrow: order.total,
      seller_available: -(order.goodsTotal + order.shippingCost - commission),
      platform_revenue: -(commission + order.feeTotal),
    });
    console.log(`[release] order ${order.orderNumber}: total ${order.total}, commission ${commission}, fee ${order.feeTotal}, seller ${order.goodsTotal + order.shippingCost - commission}`);
  });

  it("20 concurrent completions of one order (buyer, job, admin retry) → one release entry", async () => {
    const shippedAt = new Date(Date.now() - 9 * 86_400_000);
    const { order, buyer, seller } = await aShippedOrder({ shippedAt });
    const calls = Array.from({ length: 20 }, (_, i) =>
      i % 3 === 0 ? confirmReceipt(buyer.id, order.orderNumber) : i % 3 === 1 ? autoCompleteOrders() : completeOrder(order.id, { role: "admin", id: admin.id }),
    );
    const results = await Promise.allSettled(calls);
    const rejected = results.filter((r) => r.status === "rejected");
    expect(rejected).toEqual([]);
    const released = results.filter((r) => r.status === "fulfilled" && (r.value === "released" || r.value === 1)).length;
    const entries = await countReleaseEntries(order.id);
    console.log(`[release] 20 concurrent completions → ${released} completed it, ${entries} release entry, ${rejected.length} errors`);
    expect(entries).toBe(1);
    expect(released).toBe(1);
    expect(await balancesOfShop(seller.shop.id)).toMatchObject({ escrow: 0, available: order.goodsTotal + order.shippingCost - order.commission! });
    const events = await db().orderEvent.count({ where: { orderId: order.id, event: "confirm_receipt" } });
    expect(events).toBe(1);
  });

  it("the job completes N days after delivery and M days after shipping, not before", async () => {
    const now = new Date();
    const day = 86_400_000;
    const deliveredLongAgo = await aShippedOrder({ shippedAt: new Date(now.getTime() - 4 * day), deliveredAt: new Date(now.getTime() - 2 * day - 60_000) });
    const deliveredRecently = await aShippedOrder({ shippedAt: new Date(now.getTime() - 8 * day), deliveredAt: new Date(now.getTime() - day) });
    const shippedLongAgo = await aShippedOrder({ shippedAt: new Date(now.getTime() - 7 * day - 60_000) });
    const shippedRecently = await aShippedOrder({ shippedAt: new Date(now.getTime() - 6 * day) });
    const paidOnly = await aPaidOrder();
    await autoCompleteOrders(now);
    const status = async (id: string) => (await db().order.findUniqueOrThrow({ where: { id } })).status;
    expect(await status(deliveredLongAgo.order.id)).toBe("received");
    expect(await status(deliveredRecently.order.id)).toBe("delivered");
    expect(await status(shippedLongAgo.order.id)).toBe("received");
    expect(await status(shippedRecently.order.id)).toBe("shipped");
    expect(await status(paidOnly.order.id)).toBe("paid");
    expect(await countReleaseEntries(deliveredLongAgo.order.id)).toBe(1);
    expect(await countReleaseEntries(deliveredRecently.order.id)).toBe(0);
    const ev = await db().orderEvent.findFirstOrThrow({ where: { orderId: shippedLongAgo.order.id, event: "confirm_receipt" } });
    expect([ev.actorRole, ev.detail]).toEqual(["system", { source: "auto-complete" }]);
    // Running again (a retry after a crash) releases nothing more.
    expect(await autoCompleteOrders(now)).toBe(0);
  });

  it("the job pages through every candidate: a first page of orders held by complaints does not starve the rest", async () => {
    const now = new Date();
    const day = 86_400_000;
    const due = { shippedAt: new Date(now.getTime() - 4 * day), deliveredAt: new Date(now.getTime() - 3 * day) };
    const orders = await Promise.all([1, 2, 3, 4, 5].map(() => aShippedOrder(due)));
    // The three lowest ids get a complaint (they stay candidates but are held); a page of 3 holds only them.
    const byId = [...orders].sort((a, b) => (a.order.id < b.order.id ? -1 : 1));
    for (const o of byId.slice(0, 3)) await openComplaint(o.buyer.id, o.order.orderNumber, { reason: "damaged", description: "Kemeja sobek di bahu" }, now);
    expect(await autoCompleteOrders(now, 3)).toBe(2);
    const status = async (id: string) => (await db().order.findUniqueOrThrow({ where: { id } })).status;
    expect(await Promise.all(byId.map((o) => status(o.order.id)))).toEqual(["delivered", "delivered", "delivered", "received", "received"]);
  });

  it("PPh 22 is withheld only when enabled and only for sellers who declared they are over the threshold", async () => {
    const declared = await aSeller({ status: "approved" });
    const plain = await aSeller({ status: "approved" });
    await setPph22Declaration(declared.shop.id, true, new Date());
    const a1 = await aShippedOrder({ seller: declared });
    await confirmReceipt(a1.buyer.id, a1.order.orderNumber); // off by default: nothing withheld
    expect((await db().order.findUniqueOrThrow({ where: { id: a1.order.id } })).withheldTax).toBe(0);

    process.env.PPH22_ENABLED = "true";
    process.env.PPH22_RATE_BPS = "50";
    resetEnvCache();
    const a2 = await aShippedOrder({ seller: declared });
    const b = await aShippedOrder({ seller: plain });
    await confirmReceipt(a2.buyer.id, a2.order.orderNumber);
    await confirmReceipt(b.buyer.id, b.order.orderNumber);
    const withheld = Math.floor((a2.order.goodsTotal * 50) / 10_000);
    expect((await db().order.findUniqueOrThrow({ where: { id: a2.order.id } })).withheldTax).toBe(withheld);
    expect((await db().order.findUniqueOrThrow({ where: { id: b.order.id } })).withheldTax).toBe(0);
    const seller = a2.order.goodsTotal + a2.order.shippingCost - a2.order.commission! - withheld;
    expect((await balancesOfShop(declared.shop.id)).available).toBe(a1.order.goodsTotal + a1.order.shippingCost - a1.order.commission! + seller);
    const summary = await withholdingByYear(declared.shop.id);
    expect(summary).toEqual([{ shopId: declared.shop.id, shopName: declared.shop.name, year: Number(new Date().toLocaleString("en", { timeZone: "Asia/Jakarta", year: "numeric" })), orders: 1, withheld }]);
    expect(await withholdingByYear(plain.shop.id)).toEqual([]);
    console.log(`[release] PPh 22 at 0.5 % on goods ${a2.order.goodsTotal} → withheld ${withheld}`);
    delete process.env.PPH22_ENABLED;
    resetEnvCache();
  });
});
