import { randomBytes, randomUUID } from "node:crypto";
import { RESET_THROTTLE, THROTTLE } from "~/domain/auth/login-throttle";
import { DomainError } from "~/domain/errors";
import { secretPlaceholder } from "~/domain/mail/secrets";
import { translator, localeOr } from "~/i18n/i18n";
import { db, type Tx } from "~/infra/db.server";
import { appOrigin } from "~/infra/env.server";
import { hashPassword, verifyPassword } from "~/infra/password.server";
import { derivedToken, hashToken } from "~/infra/tokens.server";
import { markLoginSucceeded, reserveLoginAttempt } from "~/models/login-attempt.server";
import { enqueueMail } from "~/models/outbox.server";
import { consumeResetToken, insertResetToken, revokeResetTokensOf } from "~/models/password-reset.server";
import { deleteAllSessionsOf } from "~/models/session.server";
import { takeThrottleHits } from "~/models/throttle.server";
import { createUser, findUserByEmail, normalizeEmail, updatePassword } from "~/models/user.server";

const RESET_TTL_MS = 60 * 60 * 1000;

export async function signUp(input: { name: string; email: string; password: string; locale: string }) {
  const existing = await findUserByEmail(input.email);
  if (existing) throw new DomainError("conflict", "auth.emailTaken");
  const passwordHash = await hashPassword(input.password);
  const t = translator(localeOr(input.locale));
  try {
    return await db().$transaction(async (tx) => {
      const user = await createUser(tx, { email: input.email, name: input.name, passwordHash, locale: input.locale });
      await enqueueMail(tx, {
        to: user.email,
        subject: t("mail.welcome.subject"),
        text: t("mail.welcome.body", { name: user.name, link: `${appOrigin()}/seller/onboarding` }),
      });
      return user;
    });
  } catch (error) {
    // Two sign-ups racing on one email: the unique index decides.
    if ((error as { code?: string }).code === "P2002") throw new DomainError("conflict", "auth.emailTaken");
    throw error;
  }
}

export async function logIn(input: { email: string; password: string }, ip: string) {
  const email = normalizeEmail(input.email);
  const since = new Date(Date.now() - THROTTLE.windowMinutes * 60_000);
  // Counted (as a failure until proven otherwise) before the password is checked: parallel guesses cannot overtake the count.
  const attempt = await reserveLoginAttempt(email, ip, since);
  if (!attempt.allowed) throw new DomainError("rate_limited", "auth.tooManyAttempts", { minutes: THROTTLE.windowMinutes });
  const user = await findUserByEmail(email);
  // Verify against a dummy hash when the account does not exist, so timing does not reveal which emails are registered.
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : await verifyPassword(await dummyHash(), input.password);
  if (!user || !ok) throw new DomainError("unauthenticated", "auth.invalidCredentials");
  await markLoginSucceeded(attempt.attemptId);
  return user;
}

// Made once with this process's parameters, so an unknown email costs what a real account's check costs.
let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString("hex")));

/**
 * Answers the same whether or not the email is registered. Throttled per email and per address (counted for
 * unknown emails too, so a 429 reveals nothing). A new link revokes the account's older ones. The mail is
 * stored with a placeholder for the token; the token itself is derived at delivery and never stored.
 */
export async function requestPasswordReset(emailInput: string, ip: string) {
  const email = normalizeEmail(emailInput);
  const since = new Date(Date.now() - RESET_THROTTLE.windowMinutes * 60_000);
  const user = await findUserByEmail(email);
  const locale = user?.locale;
  const t = translator(localeOr(locale));
  const allowed = await db().$transaction(async (tx) => {
    const ok = await takeThrottleHits(
      tx,
      [
        { bucket: "reset-account", key: email, limit: RESET_THROTTLE.maxPerAccount },
        { bucket: "reset-address", key: ip, limit: RESET_THROTTLE.maxPerAddress },
      ],
      since,
    );
    if (!ok || !user) return ok;
    await revokeResetTokensOf(tx, user.id);
    const id = randomUUID();
    await insertResetToken(tx, { id, tokenHash: hashToken(derivedToken("password-reset", id)), userId: user.id, expiresAt: new Date(Date.now() + RESET_TTL_MS) });
    await enqueueMail(tx, {
      to: user.email,
      subject: t("mail.reset.subject"),
      text: t("mail.reset.body", { name: user.name, link: `${appOrigin()}/reset-password?token=${secretPlaceholder("password-reset", id)}` }),
    });
    return true;
  });
  if (!allowed) throw new DomainError("rate_limited", "auth.tooManyResets", { minutes: RESET_THROTTLE.windowMinutes });
}

/** Sets the new password with a reset link: uses up the token, revokes every other link, ends every session. */
export async function resetPassword(token: string, password: string) {
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    const userId = await consumeResetToken(tx, hashToken(token), new Date());
    if (!userId) throw new DomainError("not_found", "auth.resetInvalid");
    await changePassword(tx, userId, passwordHash);
    return userId;
  });
}

/** The one way a password changes: any reset link still out there and every session stop working. */
export async function changePassword(tx: Tx, userId: string, passwordHash: string) {
  await updatePassword(tx, userId, passwordHash);
  await revokeResetTokensOf(tx, userId);
  await deleteAllSessionsOf(tx, userId);
}

export function logOutEverywhereElse(userId: string, currentTokenHash: string) {
  return deleteAllSessionsOf(db(), userId, currentTokenHash);
}
