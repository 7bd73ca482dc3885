import { createHash, createHmac, randomBytes } from "node:crypto";
import { env } from "./env.server";

/** A random token for a cookie; only its hash is stored. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * The token of an emailed link, derived from the server secret and the id of its row, so it never has to be
 * stored anywhere (the outbox keeps a placeholder; see app/domain/mail/secrets.ts). Only its hash is in the
 * database, as for random tokens.
 */
export function derivedToken(purpose: string, id: string): string {
  const key = createHash("sha256").update(`lapak-mail-secret:${env().SESSION_SECRET}`).digest();
  return createHmac("sha256", key).update(`${purpose}:${id}`).digest("base64url");
}
