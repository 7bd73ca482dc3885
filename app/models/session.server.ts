import { db, type Tx } from "~/infra/db.server";

export function insertSession(tx: Tx | ReturnType<typeof db>, data: { tokenHash: string; userId: string; expiresAt: Date; ip?: string; userAgent?: string }) {
  return tx.session.create({ data });
}

/** The session and its user in one query; expired sessions do not count. */
export function findLiveSession(tokenHash: string, now: Date) {
  return db().session.findFirst({
    where: { tokenHash, expiresAt: { gt: now } },
    select: { id: true, userId: true, user: { select: { id: true, email: true, name: true, isAdmin: true, locale: true } } },
  });
}

export function listSessionsOf(userId: string, now: Date) {
  return db().session.findMany({
    where: { userId, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, userAgent: true, ip: true, tokenHash: true },
  });
}

export function deleteSessionByTokenHash(tokenHash: string) {
  return db().session.deleteMany({ where: { tokenHash } });
}

export function deleteAllSessionsOf(tx: Tx | ReturnType<typeof db>, userId: string, exceptTokenHash?: string) {
  return tx.session.deleteMany({ where: { userId, ...(exceptTokenHash ? { tokenHash: { not: exceptTokenHash } } : {}) } });
}
