import { db, type Tx } from "~/infra/db.server";

export function createNotification(tx: Tx, data: { userId: string; kind: string; title: string; body: string; link?: string }) {
  return tx.notification.create({ data });
}

export function listNotifications(userId: string, take = 30) {
  return db().notification.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take });
}

export function countUnread(userId: string) {
  return db().notification.count({ where: { userId, readAt: null } });
}

/** Marks these notifications of this user read (ownership in the where: another user's ids change nothing). */
export function markRead(userId: string, ids: string[], now: Date) {
  return db().notification.updateMany({ where: { userId, id: { in: ids }, readAt: null }, data: { readAt: now } });
}

/** Who owns a shop: the person a shop's notices go to. */
export async function shopOwnerId(tx: Tx, shopId: string): Promise<string> {
  return (await tx.shop.findUniqueOrThrow({ where: { id: shopId }, select: { ownerId: true } })).ownerId;
}
