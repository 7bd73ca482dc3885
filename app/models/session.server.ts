import { db, type Tx } from "~/infra/db.server";

export function insertSession(tx: Tx | ReturnType<typeof db>, data: { tokenHash: string; userId: string; expiresAt: Date; ip?: string; userAgent?: string }) {
  return tx.session.create({ data });
}

/**
 * The session, its user and the status of the user's shop (null without one) in one statement, asked on every
 * signed-in request; expired sessions do not count. (Prisma's include took a round trip per relation, and the shop
 * status was a third.)
 */
export async function findLiveSession(tokenHash: string, now: Date) {
  const [row] = await db().$queryRaw<{ id: string; userId: string; email: string; name: string; isAdmin: boolean; locale: string; shopStatus: string | null }[]>`
    SELECT s.id, s.user_id AS "userId", u.email, u.name, u.is_admin AS "isAdmin", u.locale, sh.status AS "shopStatus"
      FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN shops sh ON sh.owner_id = u.id
     WHERE s.token_hash = ${tokenHash} AND s.expires_at > ${now}`;
  if (!row) return null;
  return { id: row.id, userId: row.userId, shopStatus: row.shopStatus, user: { id: row.userId, email: row.email, name: row.name, isAdmin: row.isAdmin, locale: row.locale } };
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
