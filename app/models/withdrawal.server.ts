// Withdrawals, payout batches and payout notifications: every query of the money-out side in one place.
import type { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/infra/db.server";

/** Locks the shop row: every withdrawal of a shop is decided one at a time (the "never more than available" rule). */
export async function lockShop(tx: Tx, shopId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM shops WHERE id = ${shopId}::uuid FOR UPDATE`;
  return rows.length === 1;
}

export function findOpenWithdrawal(tx: Tx | undefined, shopId: string) {
  return (tx ?? db()).withdrawal.findUnique({ where: { openShopId: shopId } });
}

export function insertWithdrawal(tx: Tx, data: Prisma.WithdrawalUncheckedCreateInput) {
  return tx.withdrawal.create({ data });
}

export function listWithdrawalsOfShop(shopId: string, take = 50) {
  return db().withdrawal.findMany({ where: { shopId }, orderBy: { createdAt: "desc" }, take });
}

export function findWithdrawal(id: string) {
  return db().withdrawal.findUnique({ where: { id } });
}

/** Locks one withdrawal (by id or by the provider's reference) and returns it. */
export async function lockWithdrawal(tx: Tx, by: { id: string } | { providerReference: string }) {
  const rows =
    "id" in by
      ? await tx.$queryRaw<{ id: string }[]>`SELECT id FROM withdrawals WHERE id = ${by.id}::uuid FOR UPDATE`
      : await tx.$queryRaw<{ id: string }[]>`SELECT id FROM withdrawals WHERE provider_reference = ${by.providerReference} FOR UPDATE`;
  if (!rows.length) return null;
  return tx.withdrawal.findUniqueOrThrow({ where: { id: rows[0].id } });
}

export function updateWithdrawal(tx: Tx, id: string, data: Prisma.WithdrawalUncheckedUpdateInput) {
  return tx.withdrawal.update({ where: { id }, data });
}

/** Withdrawals waiting for a batch, oldest first, locked (two admins making batches never take the same one). */
export async function lockRequestedWithdrawals(tx: Tx, take: number) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM withdrawals WHERE status = 'requested' ORDER BY created_at, id LIMIT ${take} FOR UPDATE SKIP LOCKED`;
  return tx.withdrawal.findMany({ where: { id: { in: rows.map((r) => r.id) } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

export function insertBatch(tx: Tx, data: Prisma.PayoutBatchUncheckedCreateInput) {
  return tx.payoutBatch.create({ data });
}

export async function lockBatch(tx: Tx, id: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM payout_batches WHERE id = ${id}::uuid FOR UPDATE`;
  if (!rows.length) return null;
  return tx.payoutBatch.findUniqueOrThrow({ where: { id }, include: { withdrawals: { orderBy: { createdAt: "asc" } } } });
}

export function updateBatch(tx: Tx, id: string, data: Prisma.PayoutBatchUncheckedUpdateInput) {
  return tx.payoutBatch.update({ where: { id }, data });
}

export function findBatch(id: string) {
  return db().payoutBatch.findUnique({
    where: { id },
    include: { withdrawals: { orderBy: { createdAt: "asc" }, include: { shop: { select: { name: true } } } }, maker: { select: { name: true } }, checker: { select: { name: true } } },
  });
}

export function listBatches(take = 30) {
  return db().payoutBatch.findMany({
    orderBy: { createdAt: "desc" },
    take,
    include: { maker: { select: { name: true } }, checker: { select: { name: true } }, _count: { select: { withdrawals: true } } },
  });
}

export function listQueue(take = 100) {
  return db().withdrawal.findMany({ where: { status: "requested" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take, include: { shop: { select: { name: true } } } });
}

/** Withdrawals of batches that still need work at the provider: no reference yet, or approved but not sent. */
export function listUnfinishedBatches() {
  return db().payoutBatch.findMany({
    where: { withdrawals: { some: { status: "batched" } } },
    include: { withdrawals: { where: { status: "batched" }, orderBy: { createdAt: "asc" } } },
    orderBy: { createdAt: "asc" },
  });
}

export function listSentWithdrawals(take = 100) {
  return db().withdrawal.findMany({ where: { status: "sent" }, orderBy: { sentAt: "asc" }, take });
}

export function recordPayoutNotification(tx: Tx | undefined, data: { referenceNo: string | null; status: string | null; outcome: string; body: string }) {
  return (tx ?? db()).payoutNotification.create({ data });
}

/** A payout bank account change waits for review: the shop's withdrawals are on hold. */
export function hasPendingBankChange(tx: Tx | undefined, shopId: string) {
  return (tx ?? db()).bankAccountChange.count({ where: { pendingShopId: shopId } }).then((n) => n > 0);
}

export function findShopOfOwner(ownerId: string) {
  return db().shop.findUnique({ where: { ownerId }, select: { id: true, name: true, status: true, kyc: { select: { bankCode: true, accountLast4: true, holderName: true } } } });
}

export function findPayoutAccount(tx: Tx | undefined, shopId: string) {
  return (tx ?? db()).kycProfile.findUnique({ where: { shopId }, select: { bankCode: true, accountEncrypted: true, accountHash: true, accountLast4: true, holderName: true } });
}

export function findPasswordHash(userId: string) {
  return db().user.findUnique({ where: { id: userId }, select: { passwordHash: true } }).then((u) => u?.passwordHash ?? null);
}
