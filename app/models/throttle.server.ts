import { db, type Tx } from "~/infra/db.server";

/**
 * Records one hit in each (bucket, key) unless one of them already has `limit` hits since `since`; counted
 * under advisory locks so parallel requests cannot all slip under the limit. Returns whether it was allowed.
 */
export async function takeThrottleHits(tx: Tx, hits: { bucket: string; key: string; limit: number }[], since: Date): Promise<boolean> {
  const ordered = [...hits].sort((a, b) => `${a.bucket}\n${a.key}`.localeCompare(`${b.bucket}\n${b.key}`));
  for (const h of ordered) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`throttle:${h.bucket}\n${h.key}`}, 0))`;
  for (const h of ordered) {
    const n = await tx.throttleEvent.count({ where: { bucket: h.bucket, key: h.key, createdAt: { gt: since } } });
    if (n >= h.limit) return false;
  }
  await tx.throttleEvent.createMany({ data: ordered.map((h) => ({ bucket: h.bucket, key: h.key })) });
  return true;
}

/** Rate-limit records and spent reset tokens older than `before` are of no use to any limit: deleted daily. */
export async function pruneAuthRecords(before: Date) {
  const [attempts, hits, tokens] = await db().$transaction([
    db().loginAttempt.deleteMany({ where: { createdAt: { lt: before } } }),
    db().throttleEvent.deleteMany({ where: { createdAt: { lt: before } } }),
    db().passwordResetToken.deleteMany({ where: { expiresAt: { lt: before } } }),
  ]);
  return { attempts: attempts.count, hits: hits.count, tokens: tokens.count };
}
