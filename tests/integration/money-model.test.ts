/**
 * The money model, property-based: fast-check runs random sequences of checkout, pay, ship, deliver, complain and
 * settle a complaint (full refund, partial refund, return, rejection, escalation and an admin's decision), release
 * (the buyer's "Pesanan Diterima" or the auto-complete job with the clock moved on), cancel, commission changes,
 * withdraw and payout (paid, or failed at the bank) against the real database through the real services, with the
 * embedded Midtrans and Iris sandboxes over HTTP (payments, refunds and payouts all go through them, and their
 * notifications through our handlers). After EVERY step each seller's escrow / available / pending payout / paid
 * out, platform revenue, tax payable, payout clearing, provider clearing, and every order's state, escrow and
 * commission are compared with the small reference model below, which says what the issue says, in a few lines.
 * After every run the ledger sums to zero, no seller balance is negative, and no completed or refunded order holds
 * escrow. See docs/decisions/0017-release-and-complaints.md.
 *
 * The shops, buyers and products are made once; runs share the database, so each run reads its starting balances
 * from it and ends by settling whatever it left open (the auto-complete job would otherwise find it in a later run).
 * A run that fails stops half-way; before each run, orders left open so are moved out of the job's reach
 * (parkLeftovers). Without that, shrinking a failure reported a wrong one: each shrink attempt's job completed the
 * orders of the attempt before (seen with seed 2074532815, whose real failure was a return resi in the wrong
 * courier's format).
 *
 * Replaying a failure: the seed is printed first, and fast-check prints `seed` and `path` of the failure with its
 * steps. Run
 *   MONEY_MODEL_SEED=<seed> [MONEY_MODEL_PATH=<path>] npx vitest run --config .config/vitest.config.ts tests/integration/money-model.test.ts
 * The seed alone replays every run from the first (on a fresh database, so each starts as it did); with the path,
 * only the failing (shrunk) run is replayed, from a fresh database. MONEY_MODEL_SHRINK=0 reports the first failure
 * without shrinking it (each shrink is a run against the database), MONEY_MODEL_RUNS changes the number of runs,
 * MONEY_MODEL_DEBUG=1 prints the time per kind of step.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../../app/domain/errors";
import { RESI_FORMATS } from "../../app/domain/shipping/resi-formats";
import { db } from "../../app/infra/db.server";
import { resetEnvCache } from "../../app/infra/env.server";
import { irisBankCode } from "../../app/domain/payouts/iris";
import { midtransServerKey } from "../../app/infra/payments/gateway.server";
import { balancesOfShop, ledgerTotal, lowestSellerBalance } from "../../app/models/ledger.server";
import { inOrderTx, lockOrder } from "../../app/models/order.server";
import { setPph22Declaration } from "../../app/models/release.server";
import { recordDelivery } from "../../app/models/seller-order.server";
import { addToCart } from "../../app/services/cart.server";
import { ensureCategoryTree } from "../../app/services/categories.server";
import { setCommissionRate } from "../../app/services/commission.server";
import { complaintStep, openComplaint, type ComplaintStep } from "../../app/services/complaints.server";
import { autoCompleteOrders, confirmReceipt } from "../../app/services/order-completion.server";
import { applyOrderTransition, cancelUnpaidOrder, SYSTEM } from "../../app/services/orders.server";
import { startPayment } from "../../app/services/payments.server";
import { approveBatch, createBatch } from "../../app/services/payouts.server";
import { deliverDueIrisNotifications } from "../../app/services/sandbox-iris.server";
import { deliverDueNotifications, runTestHook } from "../../app/services/sandbox-midtrans.server";
import { cancelOrderBySeller, shipOrder } from "../../app/services/seller-orders.server";
import { requestWithdrawal } from "../../app/services/withdrawals.server";
import { checkoutAll } from "../factories/buying";
import { aBuyer } from "../factories/paid-orders";
import { aProduct } from "../factories/products";
import { aSeller } from "../factories/shops";
import { aUser } from "../factories/users";
import { startPaymentStack } from "../setup/buying";
import { startPayoutStack } from "../setup/payouts";

const RUNS = Number(process.env.MONEY_MODEL_RUNS ?? 200);
const MAX_STEPS = 30;
const DAY = 86_400_000;
const BPS = 10_000;
const PPH22_BPS = 50;
const WITHDRAWAL_MIN = 50_000;
const AFTER_DELIVERY_DAYS = 2;
const AFTER_SHIPPING_DAYS = 7;
const ANSWER_DAYS = 2;

// ---- the fixture: made once per file ----------------------------------------------------------------------------

type Buyer = Awaited<ReturnType<typeof aBuyer>>;
interface ShopFixture {
  ownerId: string;
  shopId: string;
  /** PPh 22: declared over the yearly threshold (withheld at release: the platform withholds in this file). */
  pph22: boolean;
  /** Its bank account starts with 0000: the sandbox bank refuses every transfer ("wrong account"). */
  badAccount: boolean;
}
interface ProductFixture {
  id: string;
  shop: number;
  price: number;
  /** The top-level category: "A" has a rate of its own, "B" pays the default rate. */
  top: "A" | "B";
}

const fx = {} as {
  payments: Awaited<ReturnType<typeof startPaymentStack>>;
  payouts: Awaited<ReturnType<typeof startPayoutStack>>;
  admin: { id: string; isAdmin: boolean };
  maker: { id: string; isAdmin: boolean };
  checker: { id: string; isAdmin: boolean };
  categoryA: number;
  shops: ShopFixture[];
  products: ProductFixture[];
  buyers: Buyer[];
};

/** Two leaf categories under different top-level categories (commission rates are per top-level category). */
async function topLevelLeaves(): Promise<[{ leaf: string; top: number }, { leaf: string; top: number }]> {
  await ensureCategoryTree();
  const leaves = await db().category.findMany({
    where: { level: 3, retiredAt: null },
    include: { parent: { include: { parent: true } } },
    orderBy: { id: "asc" },
  });
  const first = leaves[0];
  const other = leaves.find((l) => l.parent!.parent!.id !== first.parent!.parent!.id)!;
  return [
    { leaf: first.slug, top: first.parent!.parent!.id },
    { leaf: other.slug, top: other.parent!.parent!.id },
  ];
}

// ---- the reference model ----------------------------------------------------------------------------------------

type OrderStatus = "awaiting_payment" | "paid" | "shipped" | "delivered" | "received" | "cancelled" | "refunded";
type ComplaintStatus = "open" | "return_requested" | "return_shipped" | "rejected" | "escalated" | "resolved" | "rejected_final";

interface MOrder {
  id: string;
  number: string;
  buyer: number;
  shop: number;
  courier: string;
  status: OrderStatus;
  lines: { goods: number; top: "A" | "B" }[];
  goods: number;
  shipping: number;
  fee: number;
  total: number;
  /** Fixed at payment with the rates in force then. */
  commission: number | null;
  escrow: number;
  released: { commission: number; withheld: number } | null;
  shippedAt?: number;
  deliveredAt?: number;
  complaint?: { status: ComplaintStatus; dueAt: number };
}

interface MShop {
  escrow: number;
  available: number;
  pendingPayout: number;
  paidOut: number;
  /** The amount of its open withdrawal, or null. */
  open: number | null;
}

interface Model {
  now: number;
  /** The balances read at the run's start, and the last ledger line then. */
  start: {
    balances: Pick<Model, "shops" | "clearing" | "revenue" | "tax" | "payoutClearing">;
    lastLine: bigint;
  };
  rates: { default: number; A: number };
  shops: MShop[];
  /** provider_clearing (an asset: debit balance). */
  clearing: number;
  /** platform_revenue, tax_payable, payout_clearing (credit balances, shown positive). */
  revenue: number;
  tax: number;
  payoutClearing: number;
  orders: MOrder[];
  payments: {
    id: string;
    number: string;
    buyer: number;
    orders: number[];
    gross: number;
    settled: boolean;
  }[];
}

/** The issue's release rule, written out on its own: what a release of what is left after `refunded` posts. */
function release(m: Model, o: MOrder, refunded: number) {
  const keptGoods = Math.max(0, o.goods - refunded);
  const keptShipping = o.shipping - Math.max(0, refunded - o.goods);
  const commission = keptGoods === o.goods ? o.commission! : Math.floor((o.commission! * keptGoods) / o.goods);
  const withheld = fx.shops[o.shop].pph22 ? Math.floor((keptGoods * PPH22_BPS) / BPS) : 0;
  const seller = keptGoods + keptShipping - commission - withheld;
  const escrow = o.total - refunded;
  expect(seller + commission + withheld + o.fee).toBe(escrow);
  takeFromEscrow(m, o, escrow);
  m.shops[o.shop].available += seller;
  m.revenue += commission + o.fee;
  m.tax += withheld;
  o.released = { commission, withheld };
  o.status = "received";
  count(refunded ? "partial refunds + releases" : "releases");
}

/** A refund to the buyer: out of this order's escrow (and nothing else), back out of provider clearing. */
function refund(m: Model, o: MOrder, amount: number) {
  if (amount === o.total) count("full refunds");
  takeFromEscrow(m, o, amount);
  m.clearing -= amount;
}

function takeFromEscrow(m: Model, o: MOrder, amount: number) {
  o.escrow -= amount;
  m.shops[o.shop].escrow -= amount;
}

function commissionAtPayment(m: Model, o: MOrder): number {
  return o.lines.reduce((sum, l) => sum + Math.floor((l.goods * (l.top === "A" ? m.rates.A : m.rates.default)) / BPS), 0);
}

/** Whether a complaint holds the order back (the buyer may still accept a rejection: `byBuyer`). */
function held(o: MOrder, now: number, byBuyer: boolean): boolean {
  const c = o.complaint;
  if (!c || c.status === "resolved" || c.status === "rejected_final") return false;
  if (c.status === "rejected") return !byBuyer && now < c.dueAt;
  return true;
}

function autoCompleteDue(o: MOrder, now: number): boolean {
  if (o.status === "delivered") return o.deliveredAt! + AFTER_DELIVERY_DAYS * DAY <= now;
  if (o.status === "shipped") return o.shippedAt! + AFTER_SHIPPING_DAYS * DAY <= now;
  return false;
}

function canEscalate(o: MOrder, who: "buyer" | "seller", now: number): boolean {
  const c = o.complaint!;
  const late = now >= c.dueAt;
  if (who === "buyer") return c.status === "rejected" ? !late : (c.status === "open" || c.status === "return_shipped") && late;
  return c.status === "return_requested" && late;
}

// ---- comparing the model with the database ----------------------------------------------------------------------

const figures = {
  runs: 0,
  steps: 0,
  refused: 0,
  done: new Map<string, number>(),
};
const count = (what: string) => figures.done.set(what, (figures.done.get(what) ?? 0) + 1);
const timings = new Map<string, { n: number; ms: number }>();

/** Runs one step and compares the whole model with the database after it. */
async function step(m: Model, name: string, act: () => Promise<unknown>) {
  const started = performance.now();
  await act();
  await verify(m, name);
  figures.steps++;
  const t = timings.get(name) ?? { n: 0, ms: 0 };
  timings.set(name, { n: t.n + 1, ms: t.ms + performance.now() - started });
}

type Balances = Pick<Model, "shops" | "clearing" | "revenue" | "tax" | "payoutClearing">;
type OrderView = {
  status: string;
  escrow: number;
  commission: number | null;
  released: MOrder["released"];
  complaint: string | null;
};

/**
 * Everything the model predicts, read in one statement: what the ledger lines after `since` moved for each shop
 * (escrow, available, pending and paid-out payouts) and for the platform's accounts, each shop's open withdrawal, each
 * order's state, escrow and commission, and the last line's id. (Only the lines after the run's first read are
 * summed after each step: the runs share the database and its ledger grows.)
 */
async function snapshot(
  orderIds: string[],
  since: bigint,
): Promise<{
  moved: Balances;
  orders: Map<string, OrderView>;
  lastLine: bigint;
}> {
  const rows = await db().$queryRaw<
    {
      kind: string;
      key: string;
      status: string | null;
      n1: bigint | null;
      n2: bigint | null;
      n3: bigint | null;
      n4: bigint | null;
      n5: bigint | null;
    }[]
  >`
    WITH shop AS (SELECT unnest(${fx.shops.map((s) => s.shopId)}::uuid[]) AS id),
    recent AS (
      SELECT l.amount, l.shop_id, a.code, a.kind, e.idempotency_key FROM journal_lines l
      JOIN ledger_accounts a ON a.id = l.account_id JOIN journal_entries e ON e.id = l.entry_id WHERE l.id > ${since})
    SELECT 'shop' AS kind, shop.id::text AS key, NULL AS status,
           COALESCE(-SUM(r.amount) FILTER (WHERE r.code = 'escrow'), 0)::bigint AS n1,
           COALESCE(-SUM(r.amount) FILTER (WHERE r.kind = 'seller_available'), 0)::bigint AS n2,
           COALESCE(-SUM(r.amount) FILTER (WHERE r.code = 'payout_clearing'), 0)::bigint AS n3,
           COALESCE(SUM(r.amount) FILTER (WHERE r.code = 'payout_clearing' AND r.idempotency_key LIKE 'payout-done:%'), 0)::bigint AS n4,
           (SELECT w.amount FROM withdrawals w WHERE w.shop_id = shop.id AND w.status IN ('requested', 'batched', 'sent'))::bigint AS n5
    FROM shop LEFT JOIN recent r ON r.shop_id = shop.id GROUP BY shop.id
    UNION ALL
    SELECT 'account', r.code, NULL, SUM(r.amount)::bigint, NULL, NULL, NULL, NULL
    FROM recent r WHERE r.code IN ('provider_clearing', 'platform_revenue', 'tax_payable', 'payout_clearing') GROUP BY r.code
    UNION ALL
    SELECT 'order', o.id::text, o.status || '/' || COALESCE(c.status, '-'),
           COALESCE((SELECT -SUM(l.amount) FROM journal_lines l JOIN ledger_accounts a ON a.id = l.account_id WHERE a.code = 'escrow' AND l.order_id = o.id), 0)::bigint,
           o.commission, o.released_commission, o.withheld_tax, NULL
    FROM orders o LEFT JOIN complaints c ON c.order_id = o.id WHERE o.id = ANY(${orderIds}::uuid[])
    UNION ALL
    SELECT 'last', '', NULL, COALESCE(MAX(id), 0), NULL, NULL, NULL, NULL FROM journal_lines`;
  const num = (n: bigint | null) => (n === null ? null : Number(n));
  const account = (code: string) => Number(rows.find((r) => r.kind === "account" && r.key === code)?.n1 ?? 0);
  return {
    moved: {
      shops: fx.shops.map((s) => {
        const r = rows.find((x) => x.kind === "shop" && x.key === s.shopId)!;
        return {
          escrow: num(r.n1)!,
          available: num(r.n2)!,
          pendingPayout: num(r.n3)!,
          paidOut: num(r.n4)!,
          open: num(r.n5),
        };
      }),
      // Credit balances shown positive (0 - x, not -x: no -0).
      clearing: account("provider_clearing"),
      revenue: 0 - account("platform_revenue"),
      tax: 0 - account("tax_payable"),
      payoutClearing: 0 - account("payout_clearing"),
    },
    orders: new Map(
      rows
        .filter((r) => r.kind === "order")
        .map((r) => {
          const [status, complaint] = r.status!.split("/");
          return [
            r.key,
            {
              status,
              escrow: num(r.n1)!,
              commission: num(r.n2),
              released: r.n3 === null ? null : { commission: num(r.n3)!, withheld: num(r.n4)! },
              complaint: complaint === "-" ? null : complaint,
            },
          ];
        }),
    ),
    lastLine: rows.find((r) => r.kind === "last")!.n1!,
  };
}

/** The balances at the run's start plus what the lines since moved (the open withdrawal is read as it is). */
function plus(base: Balances, moved: Balances): Balances {
  return {
    shops: base.shops.map((b, i) => {
      const d = moved.shops[i];
      return {
        escrow: b.escrow + d.escrow,
        available: b.available + d.available,
        pendingPayout: b.pendingPayout + d.pendingPayout,
        paidOut: b.paidOut + d.paidOut,
        open: d.open,
      };
    }),
    clearing: base.clearing + moved.clearing,
    revenue: base.revenue + moved.revenue,
    tax: base.tax + moved.tax,
    payoutClearing: base.payoutClearing + moved.payoutClearing,
  };
}

async function verify(m: Model, after: string) {
  const { moved, orders } = await snapshot(
    m.orders.map((o) => o.id),
    m.start.lastLine,
  );
  expect(plus(m.start.balances, moved), `balances after "${after}"`).toEqual({
    shops: m.shops,
    clearing: m.clearing,
    revenue: m.revenue,
    tax: m.tax,
    payoutClearing: m.payoutClearing,
  });
  expect(
    m.orders.map((o) => ({ number: o.number, ...orders.get(o.id) })),
    `orders after "${after}"`,
  ).toEqual(
    m.orders.map((o) => ({
      number: o.number,
      status: o.status,
      escrow: o.escrow,
      commission: o.commission,
      released: o.released,
      complaint: o.complaint?.status ?? null,
    })),
  );
}

/**
 * A failed run (and shrinking replays many) stops half-way and leaves its orders open; this run's auto-complete job
 * would find them and complete orders the model never saw. Their parcels are moved to the far future, out of reach.
 */
async function parkLeftovers() {
  await db().$executeRaw`
    UPDATE shipments SET shipped_at = '9999-01-01', delivered_at = CASE WHEN delivered_at IS NULL THEN NULL ELSE '9999-01-01'::timestamptz END
    WHERE order_id IN (SELECT id FROM orders WHERE status IN ('shipped', 'delivered'))`;
}

/** The model's starting point: every balance as the database has it now, and the commission rates in force. */
async function startingModel(): Promise<Model> {
  await parkLeftovers();
  const [{ moved: balances, lastLine }, rates] = await Promise.all([snapshot([], 0n), db().commissionRate.findMany()]);
  return {
    now: Date.now(),
    start: { balances: structuredClone(balances), lastLine },
    rates: {
      default: rates.find((r) => r.code === "default")!.rateBps,
      A: rates.find((r) => r.categoryId === fx.categoryA)!.rateBps,
    },
    ...balances,
    orders: [],
    payments: [],
  };
}

/** The promise must be refused with a DomainError (and, since every step is compared after, change nothing). */
async function refused(p: Promise<unknown>, code?: DomainError["code"]) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof DomainError)) throw new Error(`expected a DomainError${code ? ` (${code})` : ""}, got ${e === null ? "success" : String(e)}`);
  if (code) expect(e.code).toBe(code);
  figures.refused++;
}

// ---- the steps --------------------------------------------------------------------------------------------------

const buyerOf = (o: MOrder) => fx.buyers[o.buyer];
const ownerOf = (o: MOrder) => fx.shops[o.shop].ownerId;

async function doCheckout(m: Model, buyer: number, items: { product: number; quantity: number }[]) {
  const b = fx.buyers[buyer];
  for (const it of items)
    await addToCart({ userId: b.id }, b.id, {
      productId: fx.products[it.product].id,
      variantId: null,
      quantity: it.quantity,
    });
  const placed = await checkoutAll(b, b.addressId);
  // "Bayar" opens the gateway's page: the sandbox's transaction, which the payment and its refunds go through.
  await startPayment(b.id, placed.paymentNumber);
  const rows = await db().order.findMany({
    where: { paymentId: placed.paymentId },
    include: { items: true, shipment: true },
    orderBy: { orderNumber: "asc" },
  });
  expect(new Set(rows.map((r) => r.shopId)).size).toBe(new Set(items.map((i) => fx.products[i.product].shop)).size);
  const indices: number[] = [];
  for (const r of rows) {
    const lines = r.items.map((i) => {
      const p = fx.products.find((x) => x.id === i.productId)!;
      expect(i.unitPrice).toBe(p.price);
      return { goods: i.unitPrice * i.quantity, top: p.top };
    });
    const goods = lines.reduce((s, l) => s + l.goods, 0);
    expect([r.goodsTotal, r.total, r.status]).toEqual([goods, goods + r.shippingCost + r.feeTotal, "awaiting_payment"]);
    indices.push(m.orders.length);
    m.orders.push({
      id: r.id,
      number: r.orderNumber,
      buyer,
      shop: fx.shops.findIndex((s) => s.shopId === r.shopId),
      courier: r.shipment!.courierCode,
      status: "awaiting_payment",
      lines,
      goods,
      shipping: r.shippingCost,
      fee: r.feeTotal,
      total: r.total,
      commission: null,
      escrow: 0,
      released: null,
    });
  }
  expect(placed.grossAmount).toBe(indices.reduce((s, i) => s + m.orders[i].total, 0));
  m.payments.push({
    id: placed.paymentId,
    number: placed.paymentNumber,
    buyer,
    orders: indices,
    gross: placed.grossAmount,
    settled: false,
  });
}

/**
 * The money arrives at the sandbox, which queues its signed notification; one delivery round POSTs it to our
 * notification route, whose handler asks the sandbox's status API before settling. (The sandbox runs in this process:
 * its own test hook and delivery round are called directly, the portal's side is all HTTP.)
 */
async function doPay(m: Model, p: Model["payments"][number]) {
  const authorization = `Basic ${Buffer.from(`${midtransServerKey()}:`).toString("base64")}`;
  const queued = await runTestHook({
    authorization,
    hook: "notify",
    body: { order_id: p.number, transaction_status: "settlement", apply: true },
    now: new Date(),
  });
  expect(queued.status).toBe(200);
  expect((await deliverDueNotifications(new Date())).failed).toBe(0);
  p.settled = true;
  m.clearing += p.gross;
  for (const i of p.orders) {
    const o = m.orders[i];
    o.escrow += o.total;
    m.shops[o.shop].escrow += o.total;
    if (o.status === "awaiting_payment") {
      o.status = "paid";
      o.commission = commissionAtPayment(m, o);
    } else {
      // Paid after the buyer cancelled: refunded at once, never kept.
      refund(m, o, o.total);
      o.status = "refunded";
    }
  }
}

type Answer = "full" | "partial" | "reject" | "return";

/** The seller answers an open complaint, or an admin decides an escalated one ("reject" by an admin releases). */
async function answerComplaint(m: Model, o: MOrder, kind: Answer, fraction: number, by: "seller" | "admin") {
  const max = o.goods + o.shipping;
  const amount = 1 + Math.floor(fraction * (max - 2));
  const step: ComplaintStep =
    kind === "full"
      ? { action: by === "seller" ? "accept_refund" : "decide_refund" }
      : kind === "partial"
      ? {
          action: by === "seller" ? "accept_partial" : "decide_partial",
          amount,
        }
      : kind === "reject"
      ? {
          action: by === "seller" ? "reject" : "decide_reject",
          reason: "Barang sudah sesuai foto",
        }
      : { action: "accept_return" };
  await complaintStep(by, by === "seller" ? ownerOf(o) : fx.admin.id, o.number, step, new Date(m.now));
  const c = o.complaint!;
  if (kind === "full") {
    refund(m, o, o.total);
    o.status = "refunded";
    c.status = "resolved";
  } else if (kind === "partial") {
    refund(m, o, amount);
    release(m, o, amount);
    c.status = "resolved";
  } else if (kind === "reject" && by === "admin") {
    release(m, o, 0);
    c.status = "rejected_final";
  } else {
    c.status = kind === "reject" ? "rejected" : "return_requested";
    c.dueAt = m.now + ANSWER_DAYS * DAY;
  }
}

async function returnStep(m: Model, o: MOrder) {
  const c = o.complaint!;
  if (c.status === "return_requested") {
    await complaintStep("buyer", buyerOf(o).id, o.number, { action: "return_shipped", resi: RESI_FORMATS[o.courier]?.example ?? "0123456789012345" }, new Date(m.now));
    c.status = "return_shipped";
    c.dueAt = m.now + ANSWER_DAYS * DAY;
  } else {
    await complaintStep("seller", ownerOf(o), o.number, { action: "return_arrived" }, new Date(m.now));
    refund(m, o, o.total);
    o.status = "refunded";
    c.status = "resolved";
  }
}

async function confirm(m: Model, o: MOrder) {
  if (o.status === "received") {
    expect(await confirmReceipt(buyerOf(o).id, o.number)).toBe("already");
  } else if (held(o, Date.now(), true)) {
    await refused(confirmReceipt(buyerOf(o).id, o.number), "conflict");
  } else {
    expect(await confirmReceipt(buyerOf(o).id, o.number)).toBe("released");
    release(m, o, 0);
  }
}

async function payout(m: Model, outcome: "paid" | "bank_down") {
  if (m.shops.every((s) => s.open === null)) return refused(createBatch(fx.maker), "conflict");
  if (outcome === "bank_down") fx.payouts.set("IRIS_SANDBOX_BANKS_DOWN", irisBankCode("014"));
  try {
    const batch = await createBatch(fx.maker);
    await refused(approveBatch(fx.maker, batch.id), "forbidden"); // maker-checker
    await approveBatch(fx.checker, batch.id);
    // The sandbox's signed notifications (a duplicate of some, 300 ms later) reach our handler over HTTP.
    await deliverDueIrisNotifications(new Date(Date.now() + 1_000));
  } finally {
    if (outcome === "bank_down") fx.payouts.set("IRIS_SANDBOX_BANKS_DOWN", "");
  }
  for (const [i, s] of m.shops.entries()) {
    if (s.open === null) continue;
    s.pendingPayout -= s.open;
    m.payoutClearing -= s.open;
    count(outcome === "bank_down" || fx.shops[i].badAccount ? "payouts failed" : "payouts paid");
    if (outcome === "bank_down" || fx.shops[i].badAccount) s.available += s.open;
    else {
      s.paidOut += s.open;
      m.clearing -= s.open;
    }
    s.open = null;
  }
}

/** What a step gets: a number to pick its order (and defaults) with, and its own arguments. */
interface Args {
  k: number;
  buyer: number;
  items: { product: number; quantity: number }[];
  kind: Answer;
  decision: "full" | "partial" | "reject";
  fraction: number;
  who: "buyer" | "seller";
  days: number;
  rate: { which: "default" | "A"; bps: number };
  shop: number;
  percent: number;
  outcome: "paid" | "bank_down";
}

const withStatus = (m: Model, ...statuses: OrderStatus[]) => m.orders.filter((o) => statuses.includes(o.status));
const withComplaint = (m: Model, ...statuses: ComplaintStatus[]) => m.orders.filter((o) => o.complaint && statuses.includes(o.complaint.status));

interface Action {
  /** The orders the step may act on; when there is none, the step does its `instead` (a step that leads here). */
  candidates?: (m: Model, a: Args) => MOrder[];
  instead?: string;
  act: (m: Model, o: MOrder, a: Args) => Promise<void>;
}

const ACTIONS: Record<string, Action> = {
  checkout: { act: (m, _o, a) => doCheckout(m, a.buyer, a.items) },
  pay: {
    candidates: (m) => m.orders.filter((o) => m.payments.some((p) => !p.settled && p.orders.includes(m.orders.indexOf(o)))),
    instead: "checkout",
    act: (m, o) => doPay(m, m.payments.find((p) => p.orders.includes(m.orders.indexOf(o)))!),
  },
  "buyer cancels unpaid": {
    candidates: (m) => withStatus(m, "awaiting_payment"),
    instead: "checkout",
    act: async (_m, o) => {
      await cancelUnpaidOrder(buyerOf(o).id, o.number, "Salah pilih ukuran");
      o.status = "cancelled";
    },
  },
  "seller cancels paid (full refund)": {
    candidates: (m) => withStatus(m, "paid"),
    instead: "pay",
    act: async (m, o) => {
      await cancelOrderBySeller(ownerOf(o), o.number, "Stok habis");
      refund(m, o, o.total);
      o.status = "refunded";
    },
  },
  "ship (resi)": {
    candidates: (m) => withStatus(m, "paid"),
    instead: "pay",
    act: async (m, o) => {
      expect(
        (
          await shipOrder(
            ownerOf(o),
            o.number,
            {
              resi: RESI_FORMATS[o.courier]?.example ?? "0123456789012345",
              confirmed: true,
            },
            new Date(m.now),
          )
        ).status,
      ).toBe("shipped");
      o.status = "shipped";
      o.shippedAt = m.now;
    },
  },
  "tracker: delivered": {
    candidates: (m) => withStatus(m, "shipped"),
    instead: "ship (resi)",
    act: async (m, o) => {
      // What the tracking job does when the courier reports delivery (seller-orders.server.ts markDelivered).
      await inOrderTx(async (tx) => {
        const locked = (await lockOrder(tx, o.id))!;
        await applyOrderTransition(tx, locked, "deliver", SYSTEM, {
          detail: { source: "tracking" },
          now: new Date(m.now),
        });
        await recordDelivery(tx, o.id, new Date(m.now));
      });
      o.status = "delivered";
      o.deliveredAt = m.now;
    },
  },
  "clock + auto-complete job": {
    // Something for the job to find: a shipped or delivered order (complained about or not).
    candidates: (m) => withStatus(m, "shipped", "delivered"),
    instead: "tracker: delivered",
    act: async (m, _o, a) => {
      m.now += a.days * DAY;
      const due = m.orders.filter((o) => (o.status === "shipped" || o.status === "delivered") && autoCompleteDue(o, m.now) && !held(o, m.now, false));
      expect(await autoCompleteOrders(new Date(m.now))).toBe(due.length);
      for (const o of due) {
        release(m, o, 0);
        count("completed by the job");
      }
    },
  },
  "buyer: Pesanan Diterima": {
    candidates: (m) => withStatus(m, "shipped", "delivered", "received"),
    instead: "ship (resi)",
    act: (m, o) => confirm(m, o),
  },
  "buyer complains": {
    // Mostly an order that may get one; every fifth time one that may not (refused, nothing changes).
    candidates: (m, a) => {
      const can = withStatus(m, "shipped", "delivered").filter((o) => !o.complaint);
      const cannot = m.orders.filter((o) => !can.includes(o) && o.status !== "awaiting_payment" && o.status !== "cancelled");
      return a.k % 5 === 4 && cannot.length ? cannot : can;
    },
    instead: "ship (resi)",
    act: async (m, o) => {
      const p = openComplaint(buyerOf(o).id, o.number, { reason: "damaged", description: "Kemeja sobek di bahu" }, new Date(m.now));
      if (o.status !== "shipped" && o.status !== "delivered") return refused(p, "invalid_transition");
      if (o.complaint) return refused(p, "conflict");
      await p;
      o.complaint = { status: "open", dueAt: m.now + ANSWER_DAYS * DAY };
      count("complaints");
    },
  },
  "seller answers complaint": {
    candidates: (m) => withComplaint(m, "open"),
    instead: "buyer complains",
    act: (m, o, a) => answerComplaint(m, o, a.kind, a.fraction, "seller"),
  },
  "return: shipped back / arrived": {
    candidates: (m) => withComplaint(m, "return_requested", "return_shipped"),
    instead: "seller accepts a return",
    act: (m, o) => returnStep(m, o),
  },
  "seller accepts a return": {
    candidates: (m) => withComplaint(m, "open"),
    instead: "buyer complains",
    act: (m, o) => answerComplaint(m, o, "return", 0, "seller"),
  },
  "seller rejects complaint": {
    candidates: (m) => withComplaint(m, "open"),
    instead: "buyer complains",
    act: (m, o) => answerComplaint(m, o, "reject", 0, "seller"),
  },
  "escalate to admin": {
    // A rejected complaint may be on an order the buyer completed anyway: no longer anyone's to escalate.
    candidates: (m) =>
      withComplaint(m, "open", "return_requested", "return_shipped", "rejected").filter((o) => o.status === "shipped" || o.status === "delivered"),
    instead: "seller rejects complaint",
    act: async (m, o, a) => {
      // The side asked for, or the other when only it may ask now; when neither may, refused.
      const other = a.who === "buyer" ? "seller" : "buyer";
      const who = !canEscalate(o, a.who, m.now) && canEscalate(o, other, m.now) ? other : a.who;
      const p = complaintStep(who, who === "buyer" ? buyerOf(o).id : ownerOf(o), o.number, { action: "escalate" }, new Date(m.now));
      if (!canEscalate(o, who, m.now)) return refused(p);
      await p;
      o.complaint = { status: "escalated", dueAt: m.now + ANSWER_DAYS * DAY };
      count("escalations");
    },
  },
  "admin decides": {
    candidates: (m) => withComplaint(m, "escalated"),
    instead: "escalate to admin",
    act: (m, o, a) => answerComplaint(m, o, a.decision, a.fraction, "admin"),
  },
  "admin sets commission rate": {
    act: async (m, _o, a) => {
      await setCommissionRate(fx.admin.id, a.rate.which === "A" ? fx.categoryA : null, a.rate.bps);
      m.rates[a.rate.which] = a.rate.bps;
    },
  },
  "seller withdraws": {
    act: async (m, _o, a) => {
      const s = m.shops[a.shop];
      const amount = Math.floor((s.available * a.percent) / 100);
      const p = requestWithdrawal({ id: fx.shops[a.shop].ownerId }, amount);
      if (amount <= 0 || s.open !== null || amount < WITHDRAWAL_MIN || amount > s.available) return refused(p);
      await p;
      s.available -= amount;
      s.pendingPayout += amount;
      m.payoutClearing += amount;
      s.open = amount;
      count("withdrawals");
    },
  },
  "payout batch": { act: (m, _o, a) => payout(m, a.outcome) },
};

/**
 * Does the named step, or, when no order is in a state it applies to, first the step that leads there (and so on
 * back to a checkout), each compared with the model on its own; then the step itself if it now applies.
 */
async function perform(m: Model, name: string, a: Args): Promise<void> {
  const action = ACTIONS[name];
  let candidates = action.candidates?.(m, a);
  if (candidates && !candidates.length) {
    await perform(m, action.instead!, a);
    candidates = action.candidates!(m, a);
    if (!candidates.length) return;
  }
  await step(m, name, () => action.act(m, candidates?.[a.k % candidates.length] as MOrder, a));
}

/** One step of a run as fast-check draws (and shrinks) it. */
class Step {
  constructor(readonly name: string, readonly args: Args) {}
  async run(m: Model) {
    await perform(m, this.name, this.args);
  }
  [fc.toStringMethod]() {
    return `${this.name}(${JSON.stringify(this.args)})`;
  }
}

const args: fc.Arbitrary<Args> = fc.record({
  k: fc.nat({ max: 1000 }),
  buyer: fc.nat({ max: 1 }),
  items: fc.uniqueArray(
    fc.record({
      product: fc.nat({ max: 5 }),
      quantity: fc.integer({ min: 1, max: 3 }),
    }),
    { minLength: 2, maxLength: 3, selector: (i) => i.product },
  ),
  kind: fc.constantFrom("full", "partial", "partial", "reject", "return"),
  decision: fc.constantFrom("full", "partial", "reject"),
  fraction: fc.integer({ min: 0, max: 1000 }).map((permille) => permille / 1000),
  who: fc.constantFrom("buyer", "seller"),
  // Less than, just over, and well over the 2 days after delivery; 8 is over the 7 days after shipping.
  days: fc.constantFrom(1, 2.5, 3, 8),
  rate: fc.record({
    which: fc.constantFrom("default", "A"),
    bps: fc.constantFrom(0, 250, 500, 800, 1250),
  }),
  shop: fc.nat({ max: 2 }),
  percent: fc.oneof(fc.constant(100), fc.integer({ min: 0, max: 130 })),
  outcome: fc.constantFrom("paid", "paid", "bank_down"),
});

/** How often each step is drawn: deeper states (complaints, decisions) more, since reaching them takes steps. */
const WEIGHTS: Record<string, number> = {
  checkout: 1,
  pay: 1,
  "buyer cancels unpaid": 1,
  "seller cancels paid (full refund)": 1,
  "ship (resi)": 1,
  "tracker: delivered": 1,
  "clock + auto-complete job": 2,
  "buyer: Pesanan Diterima": 2,
  "buyer complains": 1,
  "seller answers complaint": 3,
  "return: shipped back / arrived": 1,
  "seller accepts a return": 1,
  "seller rejects complaint": 1,
  "escalate to admin": 1,
  "admin decides": 2,
  "admin sets commission rate": 1,
  "seller withdraws": 2,
  "payout batch": 2,
};
const aStep = fc
  .tuple(
    fc.oneof(
      ...Object.keys(ACTIONS).map((name) => ({
        arbitrary: fc.constant(name),
        weight: WEIGHTS[name],
      })),
    ),
    args,
  )
  .map(([name, a]) => new Step(name, a));
/**
 * Runs of up to MAX_STEPS drawn steps, most of them short: a drawn step that needs an order further on does the steps
 * that lead there first (about 2 more on average), and the budget is the file's time.
 */
const aRun = fc.oneof(
  { arbitrary: fc.array(aStep, { minLength: 1, maxLength: 4 }), weight: 5 },
  {
    arbitrary: fc.array(aStep, { minLength: 5, maxLength: MAX_STEPS }),
    weight: 1,
  },
);

/** Ends a run with nothing open, so that no later run's auto-complete job finds this run's orders. */
async function settleWhatIsOpen(m: Model) {
  for (const o of m.orders) {
    while (o.status === "shipped" || o.status === "delivered") {
      const c = o.complaint?.status;
      if (!c || c === "rejected") await step(m, "end: buyer confirms", () => confirm(m, o));
      else if (c === "open") await step(m, "end: seller refunds", () => answerComplaint(m, o, "full", 0, "seller"));
      else if (c === "escalated") await step(m, "end: admin rejects", () => answerComplaint(m, o, "reject", 0, "admin"));
      else await step(m, "end: return", () => returnStep(m, o));
    }
  }
  if (m.shops.some((s) => s.open !== null)) await step(m, "end: payout", () => payout(m, "paid"));
  // The sellers' own view of their balances (the finance page's numbers) says the same.
  expect(await Promise.all(fx.shops.map((s) => balancesOfShop(s.shopId)))).toEqual(m.shops.map(({ open: _, ...b }) => b));
}

async function runInvariants() {
  expect(await ledgerTotal()).toBe(0);
  expect(await lowestSellerBalance()).toBe(0);
  const [{ n }] = await db().$queryRaw<{ n: bigint }[]>`
    SELECT COUNT(*)::bigint AS n FROM (
      SELECT o.id FROM orders o JOIN journal_lines l ON l.order_id = o.id JOIN ledger_accounts a ON a.id = l.account_id
      WHERE o.status IN ('received', 'refunded') AND a.code = 'escrow' GROUP BY o.id HAVING SUM(l.amount) <> 0) x`;
  expect(Number(n)).toBe(0);
}

// ---- the test ---------------------------------------------------------------------------------------------------

const saved = {
  PPH22_ENABLED: process.env.PPH22_ENABLED,
  PPH22_RATE_BPS: process.env.PPH22_RATE_BPS,
};

beforeAll(async () => {
  process.env.PPH22_ENABLED = "true";
  process.env.PPH22_RATE_BPS = String(PPH22_BPS);
  resetEnvCache();
  fx.payments = await startPaymentStack({ worker: false, duplicateRate: 0.3 });
  fx.payouts = await startPayoutStack({ worker: false, duplicateRate: 0.3 });
  fx.admin = await aUser({ admin: true, name: "Admin Keuangan" });
  fx.maker = await aUser({ admin: true, name: "Admin Pembuat" });
  fx.checker = await aUser({ admin: true, name: "Admin Penyetuju" });
  const [a, b] = await topLevelLeaves();
  fx.categoryA = a.top;
  await setCommissionRate(fx.admin.id, null, 500);
  await setCommissionRate(fx.admin.id, a.top, 800);
  fx.shops = [];
  fx.products = [];
  for (let i = 0; i < 3; i++) {
    const seller = await aSeller({
      status: "approved",
      account: i === 2 ? "0000123456" : undefined,
    });
    if (i === 0) await setPph22Declaration(seller.shop.id, true, new Date());
    fx.shops.push({
      ownerId: seller.owner.id,
      shopId: seller.shop.id,
      pph22: i === 0,
      badAccount: i === 2,
    });
    for (const [price, top, leaf, weightGrams] of [
      [123_457 + i * 1_001, "A", a.leaf, 700],
      [58_333 + i * 77, "B", b.leaf, 300],
    ] as const) {
      const p = await aProduct(seller.owner, {
        price,
        category: leaf,
        weightGrams,
        title: `Barang ${top} toko ${i}`,
      });
      await db().product.update({
        where: { id: p.id },
        data: { stock: 1_000_000 },
      });
      fx.products.push({ id: p.id, shop: i, price, top });
    }
  }
  fx.buyers = [await aBuyer("Budi Santoso"), await aBuyer("Rina Wulandari")];
}, 120_000);

afterAll(async () => {
  await fx.payments?.stop();
  await fx.payouts?.stop();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
});

describe("the money model", () => {
  it(`matches the ledger after every step of ${RUNS} random runs of up to ${MAX_STEPS} steps`, async () => {
    // A fixed seed by default, so `npm test` is deterministic (this one passed 200 runs, 2,237 steps);
    // MONEY_MODEL_SEED=random explores new sequences, MONEY_MODEL_SEED=<n> replays one.
    const wanted = process.env.MONEY_MODEL_SEED;
    const seed = wanted === "random" ? Math.floor(Math.random() * 2 ** 31) : wanted ? Number(wanted) : 2074532815;
    console.log(`[money-model] seed ${seed}`);
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(aRun, async (steps) => {
        figures.runs++;
        const m = await startingModel();
        for (const step of steps) await step.run(m);
        await settleWhatIsOpen(m);
        await runInvariants();
      }),
      {
        numRuns: RUNS,
        seed,
        path: process.env.MONEY_MODEL_PATH,
        endOnFailure: process.env.MONEY_MODEL_SHRINK === "0",
      },
    );
    const elapsed = (performance.now() - started) / 1000;
    const done = [...figures.done.entries()].map(([what, n]) => `${n} ${what}`).join(", ");
    console.log(
      `[money-model] seed ${seed}: ${figures.runs} runs, ${figures.steps} steps compared with the model (${
        figures.refused
      } refused as it said; ${done}), ${elapsed.toFixed(1)} s`,
    );
    if (process.env.MONEY_MODEL_DEBUG) console.log([...timings.entries()].map(([name, t]) => `${name} ×${t.n} ${(t.ms / t.n).toFixed(0)} ms`).join(", "));
  }, 1_200_000);
});
