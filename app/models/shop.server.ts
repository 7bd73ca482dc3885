import type { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/infra/db.server";

export function findShopOfOwner(ownerId: string) {
  return db().shop.findUnique({ where: { ownerId } });
}

export function findShopById(id: string) {
  return db().shop.findUnique({ where: { id }, include: { owner: { select: { id: true, name: true, email: true, locale: true } } } });
}

export async function isSlugTaken(slug: string, exceptShopId?: string) {
  const shop = await db().shop.findUnique({ where: { slug }, select: { id: true } });
  return Boolean(shop && shop.id !== exceptShopId);
}

export function createShop(tx: Tx, data: Prisma.ShopUncheckedCreateInput) {
  return tx.shop.create({ data });
}

export function updateShopProfile(tx: Tx, id: string, data: Prisma.ShopUncheckedUpdateInput) {
  return tx.shop.update({ where: { id }, data });
}

/**
 * Moves a shop to a new status only if it is still in the status and version the caller saw.
 * Two admins deciding at once: exactly one update matches; the other gets false.
 */
export async function moveShopStatus(tx: Tx, id: string, expected: { status: string; version: number }, to: string, stamps: { submittedAt?: Date; decidedAt?: Date }) {
  const { count } = await tx.shop.updateMany({
    where: { id, status: expected.status, version: expected.version },
    data: { status: to, version: { increment: 1 }, ...stamps },
  });
  return count === 1;
}

export function insertVerificationEvent(tx: Tx, data: Prisma.VerificationEventUncheckedCreateInput) {
  return tx.verificationEvent.create({ data });
}

export function listVerificationEvents(shopId: string) {
  return db().verificationEvent.findMany({ where: { shopId }, orderBy: { createdAt: "asc" } });
}

export function latestChangeRequest(shopId: string) {
  return db().verificationEvent.findFirst({ where: { shopId, toStatus: "changes_requested" }, orderBy: { createdAt: "desc" } });
}

export interface QueueFilter {
  statuses: string[];
  search?: { shopIds?: string[]; text?: string };
  after?: { submittedAt: Date; id: string };
  take: number;
}

/** The review queue: oldest submission first, keyset-paginated on (submitted_at, id). */
export function listQueue(f: QueueFilter) {
  const where: Prisma.ShopWhereInput = {
    status: { in: f.statuses },
    submittedAt: { not: null },
    ...(f.search?.shopIds ? { id: { in: f.search.shopIds } } : {}),
    ...(f.search?.text
      ? { OR: [{ name: { contains: f.search.text, mode: "insensitive" } }, { kyc: { fullName: { contains: f.search.text, mode: "insensitive" } } }] }
      : {}),
    ...(f.after ? { OR: [{ submittedAt: { gt: f.after.submittedAt } }, { submittedAt: f.after.submittedAt, id: { gt: f.after.id } }] } : {}),
  };
  if (f.search?.text && f.after) {
    // Both filters use OR: combine them with AND so neither replaces the other.
    delete where.OR;
    where.AND = [
      { OR: [{ name: { contains: f.search.text, mode: "insensitive" } }, { kyc: { fullName: { contains: f.search.text, mode: "insensitive" } } }] },
      { OR: [{ submittedAt: { gt: f.after.submittedAt } }, { submittedAt: f.after.submittedAt, id: { gt: f.after.id } }] },
    ];
  }
  return db().shop.findMany({
    where,
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: f.take,
    select: { id: true, name: true, slug: true, status: true, submittedAt: true, kyc: { select: { fullName: true, nikLast4: true } }, owner: { select: { name: true } } },
  });
}

export function countByStatus() {
  return db().shop.groupBy({ by: ["status"], _count: { _all: true } });
}
