import { db } from "~/infra/db.server";

export async function countRecentFailures(email: string, ip: string, since: Date) {
  const [byEmail, byIp] = await Promise.all([
    db().loginAttempt.count({ where: { email, succeeded: false, createdAt: { gt: since } } }),
    db().loginAttempt.count({ where: { ip, succeeded: false, createdAt: { gt: since } } }),
  ]);
  return { byEmail, byIp };
}

export function recordLoginAttempt(email: string, ip: string, succeeded: boolean) {
  return db().loginAttempt.create({ data: { email, ip, succeeded } });
}
