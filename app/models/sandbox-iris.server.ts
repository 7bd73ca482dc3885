// Storage of the embedded Iris sandbox (the "payout provider side"). Only app/services/sandbox-iris.server.ts uses it.
import type { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/infra/db.server";

export function findSandboxPayout(referenceNo: string) {
  return db().sandboxIrisPayout.findUnique({ where: { referenceNo } });
}

export function insertSandboxPayouts(tx: Tx, rows: Prisma.SandboxIrisPayoutCreateManyInput[]) {
  return tx.sandboxIrisPayout.createMany({ data: rows });
}

/** The payouts locked in reference order (two approvals of the same payouts apply one after another). */
export async function lockSandboxPayouts(tx: Tx, referenceNos: string[]) {
  const sorted = [...referenceNos].sort();
  await tx.$queryRaw`SELECT reference_no FROM sandbox_iris_payouts WHERE reference_no = ANY(${sorted}::text[]) ORDER BY reference_no FOR UPDATE`;
  return tx.sandboxIrisPayout.findMany({ where: { referenceNo: { in: sorted } } });
}

export function updateSandboxPayout(tx: Tx, referenceNo: string, data: Prisma.SandboxIrisPayoutUpdateInput) {
  return tx.sandboxIrisPayout.update({ where: { referenceNo }, data });
}

export function insertSandboxIrisNotifications(tx: Tx, rows: { referenceNo: string; url: string; body: string; nextAttemptAt?: Date }[]) {
  return tx.sandboxIrisNotification.createMany({ data: rows });
}

export async function claimDueIrisNotifications(now: Date, take: number, leaseMs: number) {
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; url: string; body: string; attempts: number }[]>`
      SELECT id, url, body, attempts FROM sandbox_iris_notifications
      WHERE delivered_at IS NULL AND next_attempt_at <= ${now}
      ORDER BY next_attempt_at, created_at LIMIT ${take} FOR UPDATE SKIP LOCKED`;
    if (rows.length) await tx.sandboxIrisNotification.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { nextAttemptAt: new Date(now.getTime() + leaseMs) } });
    return rows;
  });
}

export function recordIrisNotificationAttempt(id: string, data: { deliveredAt?: Date; nextAttemptAt?: Date; status?: number; attempts: number }) {
  return db().sandboxIrisNotification.update({ where: { id }, data: { deliveredAt: data.deliveredAt, nextAttemptAt: data.nextAttemptAt, lastStatus: data.status ?? null, attempts: data.attempts } });
}

/** Every payout that reached a final state on that Jakarta day, for the settlement report. */
export function listSandboxPayoutsUpdatedBetween(from: Date, to: Date) {
  return db().sandboxIrisPayout.findMany({ where: { updatedAt: { gte: from, lt: to }, status: { in: ["completed", "failed", "rejected"] } }, orderBy: { updatedAt: "asc" } });
}

export function listSandboxMidtransSettledBetween(from: Date, to: Date) {
  return db().sandboxMidtransTransaction.findMany({ where: { settledAt: { gte: from, lt: to } }, orderBy: { settledAt: "asc" } });
}
