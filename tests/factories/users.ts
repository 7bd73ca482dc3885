import { randomBytes } from "node:crypto";
import { startSession } from "../../app/infra/auth.server";
import { db } from "../../app/infra/db.server";
import { hashPassword } from "../../app/infra/password.server";

export const TEST_PASSWORD = "rahasia-sekali-123";
let cachedHash: string | undefined;

export async function aUser(opts: { admin?: boolean; name?: string; email?: string } = {}) {
  cachedHash ??= await hashPassword(TEST_PASSWORD);
  return db().user.create({
    data: {
      email: opts.email ?? `u${randomBytes(5).toString("hex")}@contoh.id`,
      name: opts.name ?? "Siti Rahmawati",
      passwordHash: cachedHash,
      isAdmin: opts.admin ?? false,
    },
  });
}

/** A Cookie header value for a fresh session of this user, as the browser would send it. */
export async function cookieFor(userId: string): Promise<string> {
  const setCookie = await startSession(userId, { ip: "127.0.0.1", userAgent: "vitest" });
  return setCookie.split(";")[0];
}
