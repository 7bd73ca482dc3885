// Storage of the embedded Midtrans sandbox (the "gateway side"). Only app/services/sandbox-midtrans.server.ts uses it.
import type { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/infra/db.server";

export type SandboxTransaction = Prisma.SandboxMidtransTransactionGetPayload<{ include: { refunds: true } }>;

export function findSandboxTransaction(orderId: string) {
  return db().sandboxMidtransTransaction.findUnique({ where: { orderId }, include: { refunds: { orderBy: { createdAt: "asc" } } } });
}

export function findSandboxTransactionByToken(token: string) {
  return db().sandboxMidtransTransaction.findUnique({ where: { token }, include: { refunds: { orderBy: { createdAt: "asc" } } } });
}

export function insertSandboxTransaction(data: Prisma.SandboxMidtransTransactionUncheckedCreateInput) {
  return db().sandboxMidtransTransaction.create({ data });
}

/** Runs `fn` with the transaction row locked, so concurrent pay / refund / expire calls apply one after another. */
export async function withLockedSandboxTransaction<T>(orderId: string, fn: (tx: Tx, row: SandboxTransaction) => Promise<T>): Promise<T | null> {
  return db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ order_id: string }[]>`SELECT order_id FROM sandbox_midtrans_transactions WHERE order_id = ${orderId} FOR UPDATE`;
    if (!locked.length) return null;
    const row = await tx.sandboxMidtransTransaction.findUniqueOrThrow({ where: { orderId }, include: { refunds: { orderBy: { createdAt: "asc" } } } });
    return fn(tx, row);
  });
}

export function updateSandboxTransaction(tx: Tx, orderId: string, data: Prisma.SandboxMidtransTransactionUncheckedUpdateInput) {
  return tx.sandboxMidtransTransaction.update({ where: { orderId }, data, include: { refunds: { orderBy: { createdAt: "asc" } } } });
}

export function insertSandboxRefund(tx: Tx, data: { orderId: string; refundKey: string; amount: number; reason: string }) {
  return tx.sandboxMidtransRefund.create({ data });
}

export function insertSandboxNotifications(tx: Tx, rows: { orderId: string; url: string; body: object; nextAttemptAt?: Date }[]) {
  return tx.sandboxMidtransNotification.createMany({ data: rows.map((r) => ({ ...r, body: r.body as Prisma.InputJsonValue })) });
}

export function listSandboxNotifications(orderId: string) {
  return db().sandboxMidtransNotification.findMany({ where: { orderId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** Pending transactions whose Snap expiry has passed (oldest first). */
export function listExpiredPendingOrderIds(now: Date, take = 100) {
  return db()
    .sandboxMidtransTransaction.findMany({ where: { status: "pending", expiresAt: { lte: now } }, select: { orderId: true }, take, orderBy: { expiresAt: "asc" } })
    .then((rows) => rows.map((r) => r.orderId));
}

/**
 * Claims due notifications (several workers never take the same one): pushes their next attempt `leaseMs` ahead
 * inside the claiming transaction, so a crashed worker's claim runs out by itself.
 */
export async function claimDueNotifications(now: Date, take: number, leaseMs: number) {
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; order_id: string; url: string; body: unknown; attempts: number }[]>`
      SELECT id, order_id, url, body, attempts FROM sandbox_midtrans_notifications
      WHERE delivered_at IS NULL AND next_attempt_at <= ${now}
      ORDER BY next_attempt_at, created_at
      LIMIT ${take}
      FOR UPDATE SKIP LOCKED`;
    if (rows.length) {
      await tx.sandboxMidtransNotification.updateMany({
        where: { id: { in: rows.map((r) => r.id) } },
        data: { nextAttemptAt: new Date(now.getTime() + leaseMs) },
      });
    }
    return rows;
  });
}

export function recordNotificationAttempt(id: string, data: { deliveredAt?: Date; nextAttemptAt?: Date; status?: number; error?: string; attempts: number }) {
  return db().sandboxMidtransNotification.update({
    where: { id },
    data: { deliveredAt: data.deliveredAt, nextAttemptAt: data.nextAttemptAt, lastStatus: data.status ?? null, lastError: data.error ?? null, attempts: data.attempts },
  });
}

export function countUndeliveredNotifications() {
  return db().sandboxMidtransNotification.count({ where: { deliveredAt: null } });
}
