import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/infra/db.server";
import { balancesOfShop, countReleaseEntries, escrowBalanceOfOrder, ledgerTotal, lowestSellerBalance } from "../../app/models/ledger.server";
import { setCommissionRate } from "../../app/services/commission.server";
import { autoCompleteOrders, confirmReceipt } from "../../app/services/order-completion.server";
import { aBuyer, shippedOrdersOfOneCheckout } from "../factories/paid-orders";
import { aProduct } from "../factories/products";
import { aSeller } from "../factories/shops";
import { aUser } from "../factories/users";
import { until } from "../setup/buying";
import { runChildUntilKilled } from "../setup/crash";

// A process releasing escrow (buyers pressing "Pesanan Diterima" and the auto-complete job, at the same time) is
// killed with SIGKILL at a random point, many times; after the restart (the job runs again, the buyers press again)
// every order is released exactly once, each seller has exactly what their orders earned, and the ledger balances.
// See docs/decisions/0017-release-and-complaints.md.

const RUNS = Number(process.env.RELEASE_CRASH_RUNS ?? 6);
const SHOPS = 4;
const DAY = 86_400_000;

type Buyer = Awaited<ReturnType<typeof aBuyer>>;
let buyers: Buyer[];
let products: { id: string; ownerId: string; shopId: string }[];

beforeAll(async () => {
  await setCommissionRate((await aUser({ admin: true })).id, null, 500);
  products = [];
  for (let i = 0; i < SHOPS; i++) {
    const seller = await aSeller({ status: "approved" });
    const p = await aProduct(seller.owner, { price: 99_999 + i * 1_234, title: `Batik Tulis ${i + 1}` });
    await db().product.update({ where: { id: p.id }, data: { stock: 100_000 } });
    products.push({ id: p.id, ownerId: seller.owner.id, shopId: seller.shop.id });
  }
  buyers = [await aBuyer("Budi Santoso"), await aBuyer("Rina Wulandari")];
}, 120_000);

afterEach(async () => {
  expect(await ledgerTotal()).toBe(0);
  expect(await lowestSellerBalance()).toBe(0);
});

describe("SIGKILL during release", () => {
  it(`after ${RUNS} random kills every order is released exactly once and every seller has what their orders earned`, async () => {
    const earned = new Map(products.map((p) => [p.shopId, 0]));
    const killPoints: string[] = [];
    let childMs = 0;
    let releasedBeforeKill = 0;
    let releasedAfterRestart = 0;
    let killedMidWork = 0;
    const all: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Shipped 8 days ago: the job may complete every one of them (7 days after shipping), and so may the buyers.
      const shippedAt = new Date(Date.now() - 8 * DAY);
      const orders = (await Promise.all(buyers.map((b) => shippedOrdersOfOneCheckout(b, products, shippedAt)))).flatMap((list, i) =>
        list.map((o) => ({ ...o, buyerId: buyers[i].id })),
      );
      for (const o of orders) earned.set(o.shopId, earned.get(o.shopId)! + o.goodsTotal + o.shippingCost - o.commission!);
      // Killed after a random number of the run's orders were released, a random few milliseconds later: mid-work.
      const ids = orders.map((o) => o.id);
      const after = Math.floor(Math.random() * orders.length);
      const ms = Math.floor(Math.random() * 40);
      killPoints.push(`${after}+${ms}ms`);
      const started = performance.now();
      await runChildUntilKilled(
        "tests/setup/release-crash-child.ts",
        [JSON.stringify(orders.map((o) => ({ buyerId: o.buyerId, orderNumber: o.orderNumber })))],
        async () => {
          await until("releases under way", async () => (await db().order.count({ where: { id: { in: ids }, status: "received" } })) >= after, 60_000);
          await new Promise((r) => setTimeout(r, ms));
        },
      );
      childMs += performance.now() - started;

      const before = await db().order.count({ where: { id: { in: ids }, status: "received" } });
      releasedBeforeKill += before;
      if (before < orders.length) killedMidWork++;
      // Restart: the job runs again, and every buyer presses "Pesanan Diterima" again (a retry after the crash).
      releasedAfterRestart += await autoCompleteOrders();
      for (const o of orders) expect(await confirmReceipt(o.buyerId, o.orderNumber)).toBe("already");
      all.push(...ids);
    }

    for (const id of all) {
      expect(await countReleaseEntries(id)).toBe(1);
      expect(await escrowBalanceOfOrder(id)).toBe(0);
    }
    const completions = await db().orderEvent.groupBy({ by: ["orderId"], where: { orderId: { in: all }, event: "confirm_receipt" }, _count: true });
    expect(completions.map((c) => c._count)).toEqual(all.map(() => 1));
    expect(await db().order.count({ where: { id: { in: all }, status: "received", releasedAt: { not: null } } })).toBe(all.length);
    for (const p of products) expect((await balancesOfShop(p.shopId)).available).toBe(earned.get(p.shopId));
    console.log(
      `[release] SIGKILL ×${RUNS} (after n orders released + ms: ${killPoints.join(", ")}; ${killedMidWork} with releases still to do; children ran ${(
        childMs / 1000
      ).toFixed(1)} s) → ${
        all.length
      } orders released exactly once: ${releasedBeforeKill} before the kill, ${releasedAfterRestart} by the job after restart; ledger total ${await ledgerTotal()}`,
    );
  }, 240_000);
});
