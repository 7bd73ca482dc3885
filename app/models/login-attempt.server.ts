import { isLoginThrottled, type RecentFailures } from "~/domain/auth/login-throttle";
import { db } from "~/infra/db.server";

/**
 * Counts recent failures and, when the address may still try, records this attempt as a failure before the
 * password is checked, all under advisory locks on the address and on (account, address). Parallel guesses
 * are therefore counted one after another: a burst of 20 gets at most the limit through.
 * A success later turns the row into a success (markLoginSucceeded).
 */
export async function reserveLoginAttempt(email: string, ip: string, since: Date): Promise<{ allowed: true; attemptId: bigint } | { allowed: false }> {
  return db().$transaction(async (tx) => {
    // Always the address lock first, then the pair: the same order everywhere, so no deadlock.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`login-ip:${ip}`}, 0))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`login-pair:${email}\n${ip}`}, 0))`;
    const [counts] = await tx.$queryRaw<{ by_pair: bigint; by_ip: bigint }[]>`
      SELECT
        (SELECT count(*) FROM login_attempts
          WHERE email = ${email} AND ip = ${ip} AND NOT succeeded
            AND created_at > GREATEST(${since}::timestamptz,
              COALESCE((SELECT max(created_at) FROM login_attempts WHERE email = ${email} AND ip = ${ip} AND succeeded), '-infinity'))) AS by_pair,
        (SELECT count(*) FROM login_attempts WHERE ip = ${ip} AND NOT succeeded AND created_at > ${since}) AS by_ip`;
    const failures: RecentFailures = { byAccountAndAddress: Number(counts.by_pair), byAddress: Number(counts.by_ip) };
    if (isLoginThrottled(failures)) return { allowed: false as const };
    const row = await tx.loginAttempt.create({ data: { email, ip, succeeded: false }, select: { id: true } });
    return { allowed: true as const, attemptId: row.id };
  });
}

export function markLoginSucceeded(attemptId: bigint) {
  return db().loginAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
}
