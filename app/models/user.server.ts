import { db, type Tx } from "~/infra/db.server";

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

export function findUserByEmail(email: string) {
  return db().user.findUnique({ where: { email: normalizeEmail(email) }, include: { shop: { select: { id: true } } } });
}

export function findUserById(id: string) {
  return db().user.findUnique({ where: { id } });
}

export function createUser(tx: Tx, data: { email: string; name: string; passwordHash: string; isAdmin?: boolean; locale?: string }) {
  return tx.user.create({ data: { ...data, email: normalizeEmail(data.email) } });
}

export function updatePassword(tx: Tx, userId: string, passwordHash: string) {
  return tx.user.update({ where: { id: userId }, data: { passwordHash } });
}

/** The language each of these users reads (for notices written in theirs). */
export async function localesOfUsers(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  const rows = await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, locale: true } });
  return new Map(rows.map((r) => [r.id, r.locale]));
}

export function setUserLocale(userId: string, locale: string) {
  return db().user.update({ where: { id: userId }, data: { locale } });
}
