// Every query of a payout bank account change: the request, its review, its steps in the audit trail.
import type { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/infra/db.server";

export function insertBankAccountChange(tx: Tx, data: Prisma.BankAccountChangeUncheckedCreateInput) {
  return tx.bankAccountChange.create({ data });
}

export async function lockBankAccountChange(tx: Tx, id: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM bank_account_changes WHERE id = ${id}::uuid FOR UPDATE`;
  return rows.length ? tx.bankAccountChange.findUniqueOrThrow({ where: { id }, include: { shop: { select: { id: true, name: true, ownerId: true, owner: { select: { name: true, email: true, locale: true } } } } } }) : null;
}

export function updateBankAccountChange(tx: Tx, id: string, data: Prisma.BankAccountChangeUncheckedUpdateInput) {
  return tx.bankAccountChange.update({ where: { id }, data });
}

const LISTED = { shop: { select: { name: true, kyc: { select: { fullName: true } } } }, reviewer: { select: { name: true } } } as const;

/** Pending changes, oldest first: the admin's queue. */
export function listPendingBankAccountChanges(take = 100) {
  return db().bankAccountChange.findMany({ where: { status: "pending" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take, include: LISTED });
}

/** The latest decided or cancelled changes, newest first. */
export function listClosedBankAccountChanges(take = 20) {
  return db().bankAccountChange.findMany({ where: { status: { not: "pending" } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take, include: LISTED });
}

export function countPendingBankAccountChanges() {
  return db().bankAccountChange.count({ where: { status: "pending" } });
}

export function findBankAccountChange(id: string) {
  return db().bankAccountChange.findUnique({
    where: { id },
    include: {
      shop: { select: { id: true, name: true, status: true, ownerId: true, owner: { select: { email: true } }, kyc: { select: { fullName: true } } } },
      document: true,
      reviewer: { select: { name: true } },
      events: { orderBy: { createdAt: "asc" } },
    },
  });
}

/** The pending change of a shop, if any, and the latest one that is not pending (to say how it ended). */
export async function bankAccountChangesOfShop(shopId: string) {
  const [pending, last] = await Promise.all([
    db().bankAccountChange.findUnique({ where: { pendingShopId: shopId }, include: { document: { select: { id: true, contentType: true, version: true } } } }),
    db().bankAccountChange.findFirst({ where: { shopId, status: { not: "pending" } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
  ]);
  return { pending, last };
}

/** A bank book uploaded for a change, with the change it is already attached to (if any). */
export function findChangeDocument(tx: Tx, id: string) {
  return tx.kycDocument.findUnique({ where: { id }, select: { id: true, shopId: true, kind: true, deletedAt: true, bankAccountChange: { select: { id: true } } } });
}

/** An approved change's bank book becomes the shop's bank book: the next version of that kind. */
export function relabelDocument(tx: Tx, id: string, kind: string, version: number) {
  return tx.kycDocument.update({ where: { id }, data: { kind, version } });
}

export function findUserNames(ids: string[]) {
  if (!ids.length) return Promise.resolve(new Map<string, string>());
  return db()
    .user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
    .then((users) => new Map(users.map((u) => [u.id, u.name])));
}
