import type { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/infra/db.server";

// Orders, payments, their timeline, stock reservations and refunds. Buyer queries carry buyer_id in the where.

export interface NewOrder {
  orderNumber: string;
  shopId: string;
  goodsTotal: number;
  shippingCost: number;
  feeTotal: number;
  total: number;
  note: string | null;
  dropshipSenderName: string | null;
  dropshipSenderPhone: string | null;
  items: { productId: string; variantId: string | null; title: string; variantLabel: string | null; unitPrice: number; quantity: number; weightGrams: number; dropshipUnitPrice?: number | null; sourceProductId?: string | null }[];
  /** Dropship program: the supplier that packs and ships. */
  fulfilmentShopId?: string | null;
  shipment: { courierCode: string; serviceCode: string; courierName: string; serviceName: string; weightGrams: number; billableKg: number; etdMinDays: number; etdMaxDays: number };
}

export async function insertCheckout(
  tx: Tx,
  input: {
    paymentNumber: string;
    buyerId: string;
    grossAmount: number;
    expiresAt: Date;
    address: { recipient: string; phone: string; provinceCode: string; regencyCode: string; district: string; postalCode: string; street: string };
    orders: NewOrder[];
  },
) {
  const payment = await tx.payment.create({ data: { paymentNumber: input.paymentNumber, buyerId: input.buyerId, grossAmount: input.grossAmount, expiresAt: input.expiresAt } });
  const orders = [];
  for (const o of input.orders) {
    const order = await tx.order.create({
      data: {
        orderNumber: o.orderNumber,
        paymentId: payment.id,
        buyerId: input.buyerId,
        shopId: o.shopId,
        fulfilmentShopId: o.fulfilmentShopId ?? null,
        goodsTotal: o.goodsTotal,
        shippingCost: o.shippingCost,
        feeTotal: o.feeTotal,
        total: o.total,
        note: o.note,
        dropshipSenderName: o.dropshipSenderName,
        dropshipSenderPhone: o.dropshipSenderPhone,
        expiresAt: input.expiresAt,
        ...input.address,
        items: { create: o.items },
        shipment: { create: o.shipment },
        events: { create: { event: "create", fromStatus: null, toStatus: "awaiting_payment", actorRole: "buyer", actorId: input.buyerId } },
      },
    });
    orders.push(order);
  }
  return { payment, orders };
}

/**
 * Takes `quantity` off the stock only if that much is there: one conditional UPDATE, so of two buyers racing
 * for the last unit exactly one gets it (the other's UPDATE waits for the row lock, re-reads, and matches nothing).
 */
export async function reserveStock(tx: Tx, orderId: string, line: { productId: string; variantId: string | null; quantity: number }): Promise<boolean> {
  if (line.variantId) {
    // Product row first, then the variant: every writer locks products before variants (see lockProductsOfOrders).
    // The product's stock is the sum of its variants'.
    await tx.$executeRaw`UPDATE products SET stock = GREATEST(stock - ${line.quantity}, 0) WHERE id = ${line.productId}::uuid`;
    const n = await tx.$executeRaw`UPDATE product_variants SET stock = stock - ${line.quantity} WHERE id = ${line.variantId}::uuid AND product_id = ${line.productId}::uuid AND stock >= ${line.quantity}`;
    if (n !== 1) return false;
  } else {
    const n = await tx.$executeRaw`UPDATE products SET stock = stock - ${line.quantity} WHERE id = ${line.productId}::uuid AND stock >= ${line.quantity}`;
    if (n !== 1) return false;
  }
  await tx.stockReservation.create({ data: { orderId, productId: line.productId, variantId: line.variantId, quantity: line.quantity } });
  return true;
}

/**
 * Locks the product rows these orders reserved, in id order, before their stock or sold count changes. Checkouts
 * take the same rows in the same order, so a settlement or an expiry never deadlocks with a checkout.
 */
export async function lockProductsOfOrders(tx: Tx, orderIds: string[]) {
  if (!orderIds.length) return;
  await tx.$queryRaw`
    SELECT p.id FROM products p WHERE p.id IN (SELECT product_id FROM stock_reservations WHERE order_id = ANY(${orderIds}::uuid[]))
    ORDER BY p.id FOR UPDATE OF p`;
}

/** Held reservations become sales (and count as sold). */
export async function commitReservations(tx: Tx, orderId: string) {
  const rows = await tx.$queryRaw<{ product_id: string; quantity: number }[]>`
    UPDATE stock_reservations SET status = 'committed' WHERE order_id = ${orderId}::uuid AND status = 'held' RETURNING product_id, quantity`;
  for (const r of rows) await tx.$executeRaw`UPDATE products SET sold_count = sold_count + ${r.quantity} WHERE id = ${r.product_id}::uuid`;
}

/** Gives held or committed stock back, exactly once per reservation. */
export async function releaseReservations(tx: Tx, orderId: string, now: Date) {
  const rows = await tx.$queryRaw<{ product_id: string; variant_id: string | null; quantity: number; was: string }[]>`
    UPDATE stock_reservations r SET status = 'released', released_at = ${now}
    FROM (SELECT id, status AS was FROM stock_reservations WHERE order_id = ${orderId}::uuid AND status IN ('held', 'committed') FOR UPDATE) old
    WHERE r.id = old.id RETURNING r.product_id, r.variant_id, r.quantity, old.was`;
  for (const r of rows) {
    if (r.variant_id) await tx.$executeRaw`UPDATE product_variants SET stock = stock + ${r.quantity} WHERE id = ${r.variant_id}::uuid`;
    const sold = r.was === "committed" ? r.quantity : 0;
    await tx.$executeRaw`UPDATE products SET stock = stock + ${r.quantity}, sold_count = GREATEST(sold_count - ${sold}, 0) WHERE id = ${r.product_id}::uuid`;
  }
}

export interface PaymentRow {
  id: string;
  payment_number: string;
  buyer_id: string;
  gross_amount: number;
  status: string;
  expires_at: Date;
}

export async function lockPayment(tx: Tx, paymentId: string): Promise<PaymentRow | null> {
  const rows = await tx.$queryRaw<PaymentRow[]>`
    SELECT id, payment_number, buyer_id, gross_amount, status, expires_at FROM payments WHERE id = ${paymentId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

export interface OrderRow {
  id: string;
  order_number: string;
  payment_id: string;
  buyer_id: string;
  shop_id: string;
  /** Dropship program: the supplier that fulfils this order (acts as its seller); null for a plain order. */
  fulfilment_shop_id: string | null;
  status: string;
  total: number;
  /** The buyer's service fee in `total`: the platform's, never the seller's. */
  fee_total: number;
}

export function lockOrdersOfPayment(tx: Tx, paymentId: string): Promise<OrderRow[]> {
  return tx.$queryRaw<OrderRow[]>`
    SELECT id, order_number, payment_id, buyer_id, shop_id, fulfilment_shop_id, status, total, fee_total FROM orders WHERE payment_id = ${paymentId}::uuid ORDER BY id FOR UPDATE`;
}

export async function lockOrder(tx: Tx, orderId: string): Promise<OrderRow | null> {
  const rows = await tx.$queryRaw<OrderRow[]>`
    SELECT id, order_number, payment_id, buyer_id, shop_id, fulfilment_shop_id, status, total, fee_total FROM orders WHERE id = ${orderId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

export async function setOrderStatus(tx: Tx, orderId: string, from: string, to: string, extra: { paidAt?: Date } = {}): Promise<boolean> {
  const { count } = await tx.order.updateMany({ where: { id: orderId, status: from }, data: { status: to, ...extra } });
  return count === 1;
}

export function insertOrderEvent(
  tx: Tx,
  e: { orderId: string; event: string; fromStatus: string | null; toStatus: string; actorRole: string; actorId?: string | null; reason?: string | null; detail?: Prisma.InputJsonValue },
) {
  return tx.orderEvent.create({ data: { ...e, actorId: e.actorId ?? null, reason: e.reason ?? null } });
}

export function markPaymentSettled(tx: Tx, paymentId: string, data: { settledAt: Date; paymentType: string | null; transactionId: string | null }) {
  return tx.payment.update({ where: { id: paymentId }, data: { status: "settled", ...data } });
}

export function markPaymentClosed(tx: Tx, paymentId: string, status: "expired" | "failed") {
  return tx.payment.updateMany({ where: { id: paymentId, status: "pending" }, data: { status } });
}

export function insertPaymentEvent(tx: Tx, e: { paymentId: string; source: string; transactionStatus: string; detail?: Prisma.InputJsonValue }) {
  return tx.paymentEvent.create({ data: e });
}

export function setShipBy(tx: Tx, orderId: string, shipBy: Date) {
  return tx.shipment.updateMany({ where: { orderId }, data: { shipBy } });
}

export function findPaymentByNumber(paymentNumber: string) {
  return db().payment.findUnique({ where: { paymentNumber } });
}

export function findPaymentState(paymentId: string) {
  return db().payment.findUnique({ where: { id: paymentId }, select: { expiresAt: true, status: true } });
}

export function findPaymentForStart(buyerId: string, paymentNumber: string) {
  return db().payment.findFirst({
    where: { paymentNumber, buyerId },
    include: { buyer: { select: { name: true, email: true } }, orders: { include: { shop: { select: { name: true } } }, orderBy: { orderNumber: "asc" } } },
  });
}

export async function savePaymentRedirect(paymentId: string, token: string, redirectUrl: string) {
  await db().payment.updateMany({ where: { id: paymentId, snapToken: null }, data: { snapToken: token, redirectUrl } });
  return db().payment.findUniqueOrThrow({ where: { id: paymentId }, select: { redirectUrl: true } });
}

export async function duePendingPaymentIds(now: Date, limit: number): Promise<string[]> {
  const rows = await db().payment.findMany({ where: { status: "pending", expiresAt: { lte: now } }, select: { id: true }, orderBy: { expiresAt: "asc" }, take: limit });
  return rows.map((r) => r.id);
}

// ---- refunds -------------------------------------------------------------------------------------

export async function insertRefund(tx: Tx, r: { orderId: string; paymentId: string; refundKey: string; amount: number; reason: string }): Promise<string | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO refunds (order_id, payment_id, refund_key, amount, reason) VALUES (${r.orderId}::uuid, ${r.paymentId}::uuid, ${r.refundKey}, ${r.amount}, ${r.reason})
    ON CONFLICT DO NOTHING RETURNING id`;
  return rows[0]?.id ?? null;
}

export interface RefundRow {
  id: string;
  order_id: string;
  payment_id: string;
  refund_key: string;
  amount: number;
  reason: string;
  status: string;
  payment_number: string;
  shop_id: string;
}

export async function findRefund(refundId: string): Promise<RefundRow | null> {
  const rows = await db().$queryRaw<RefundRow[]>`
    SELECT r.id, r.order_id, r.payment_id, r.refund_key, r.amount, r.reason, r.status, p.payment_number, o.shop_id
    FROM refunds r JOIN payments p ON p.id = r.payment_id JOIN orders o ON o.id = r.order_id WHERE r.id = ${refundId}::uuid`;
  return rows[0] ?? null;
}

export async function lockRefund(tx: Tx, refundId: string): Promise<{ id: string; status: string } | null> {
  const rows = await tx.$queryRaw<{ id: string; status: string }[]>`SELECT id, status FROM refunds WHERE id = ${refundId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

export function markRefundDone(tx: Tx, refundId: string, at: Date) {
  return tx.refund.update({ where: { id: refundId }, data: { status: "done", completedAt: at } });
}

export function recordRefundFailure(refundId: string, message: string) {
  return db().refund.update({ where: { id: refundId }, data: { attempts: { increment: 1 }, lastError: message.slice(0, 500) } });
}

export async function pendingRefundIds(limit: number): Promise<string[]> {
  const rows = await db().refund.findMany({ where: { status: "pending" }, select: { id: true }, orderBy: { createdAt: "asc" }, take: limit });
  return rows.map((r) => r.id);
}

// ---- reading -------------------------------------------------------------------------------------

const ORDER_DETAIL = {
  shop: { select: { id: true, name: true, slug: true } },
  items: true,
  shipment: true,
  events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  refunds: true,
  payment: { select: { paymentNumber: true, status: true, grossAmount: true, expiresAt: true, redirectUrl: true, paymentType: true, settledAt: true } },
} as const satisfies Prisma.OrderInclude;

export function listBuyerOrders(buyerId: string, opts: { status?: string; take?: number } = {}) {
  return db().order.findMany({ where: { buyerId, ...(opts.status ? { status: opts.status } : {}) }, include: ORDER_DETAIL, orderBy: { createdAt: "desc" }, take: opts.take ?? 50 });
}

export function findBuyerOrder(buyerId: string, orderNumber: string) {
  return db().order.findFirst({ where: { orderNumber, buyerId }, include: ORDER_DETAIL });
}

export function findOrderById(orderId: string) {
  return db().order.findUnique({ where: { id: orderId }, include: ORDER_DETAIL });
}

export function searchOrdersForAdmin(q: string, take = 50) {
  const term = q.trim();
  const where: Prisma.OrderWhereInput = term
    ? {
        OR: [
          { orderNumber: { contains: term, mode: "insensitive" } },
          { payment: { paymentNumber: { contains: term, mode: "insensitive" } } },
          { buyer: { email: { contains: term, mode: "insensitive" } } },
          { shop: { name: { contains: term, mode: "insensitive" } } },
          { shipment: { resi: { equals: term } } },
        ],
      }
    : {};
  return db().order.findMany({
    where,
    select: { id: true, orderNumber: true, status: true, total: true, createdAt: true, buyer: { select: { name: true, email: true } }, shop: { select: { name: true } }, payment: { select: { paymentNumber: true, status: true } } },
    orderBy: { createdAt: "desc" },
    take,
  });
}

export function findOrderForAdmin(orderNumber: string) {
  return db().order.findUnique({
    where: { orderNumber },
    include: {
      ...ORDER_DETAIL,
      buyer: { select: { name: true, email: true } },
      payment: { include: { events: { orderBy: { createdAt: "asc" } }, refunds: true, orders: { select: { orderNumber: true, status: true, total: true } } } },
    },
  });
}

/**
 * A transaction for buying work. Checkouts and notifications come in bursts (a flash sale, a gateway's retries):
 * waiting longer than Prisma's 2 s default for a pooled connection beats failing the buyer's payment.
 */
export function inOrderTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(work, { maxWait: 20_000, timeout: 30_000 });
}
