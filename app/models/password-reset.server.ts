import { db, type Tx } from "~/infra/db.server";

export function insertResetToken(tx: Tx, data: { id: string; tokenHash: string; userId: string; expiresAt: Date }) {
  return tx.passwordResetToken.create({ data });
}

/** Every link of the account stops working: before a new one is made, and after the password changed. */
export function revokeResetTokensOf(tx: Tx, userId: string) {
  return tx.passwordResetToken.deleteMany({ where: { userId, usedAt: null } });
}

/** Marks the token used; only one caller can win, so a link works exactly once. */
export async function consumeResetToken(tx: Tx, tokenHash: string, now: Date) {
  const rows = await tx.passwordResetToken.updateManyAndReturn({
    where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
    select: { userId: true },
  });
  return rows[0]?.userId ?? null;
}

export function findUsableResetToken(tokenHash: string, now: Date) {
  return db().passwordResetToken.findFirst({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, select: { id: true } });
}
