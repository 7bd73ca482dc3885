import { isLoginThrottled, THROTTLE } from "~/domain/auth/login-throttle";
import { DomainError } from "~/domain/errors";
import { translator, isLocale } from "~/i18n/i18n";
import { db } from "~/infra/db.server";
import { hashPassword, verifyPassword } from "~/infra/password.server";
import { hashToken, newToken } from "~/infra/tokens.server";
import { countRecentFailures, recordLoginAttempt } from "~/models/login-attempt.server";
import { enqueueMail } from "~/models/outbox.server";
import { consumeResetToken, insertResetToken } from "~/models/password-reset.server";
import { deleteAllSessionsOf } from "~/models/session.server";
import { createUser, findUserByEmail, normalizeEmail, updatePassword } from "~/models/user.server";

const RESET_TTL_MS = 60 * 60 * 1000;

export async function signUp(input: { name: string; email: string; password: string; locale: string }, appUrl: string) {
  const existing = await findUserByEmail(input.email);
  if (existing) throw new DomainError("conflict", "auth.emailTaken");
  const passwordHash = await hashPassword(input.password);
  const t = translator(isLocale(input.locale) ? input.locale : "id");
  try {
    return await db().$transaction(async (tx) => {
      const user = await createUser(tx, { email: input.email, name: input.name, passwordHash, locale: input.locale });
      await enqueueMail(tx, {
        to: user.email,
        subject: t("mail.welcome.subject"),
        text: t("mail.welcome.body", { name: user.name, link: `${appUrl}/seller/onboarding` }),
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
  if (isLoginThrottled(await countRecentFailures(email, ip, since))) {
    throw new DomainError("rate_limited", "auth.tooManyAttempts", { minutes: THROTTLE.windowMinutes });
  }
  const user = await findUserByEmail(email);
  // Verify against a dummy hash when the account does not exist, so timing does not reveal which emails are registered.
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : await verifyPassword(DUMMY_HASH, input.password);
  await recordLoginAttempt(email, ip, Boolean(user && ok));
  if (!user || !ok) throw new DomainError("unauthenticated", "auth.invalidCredentials");
  return user;
}

const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$DgkCvgzWUMPTkfn9xy58zg$4oNOS/JPA7ubG7GEcc8w75H1nOcZkHATgyT2kN7MErA";

/** Always answers the same way, whether or not the email is registered. */
export async function requestPasswordReset(emailInput: string, appUrl: string) {
  const user = await findUserByEmail(emailInput);
  if (!user) return;
  const { token, hash } = newToken();
  const t = translator(isLocale(user.locale) ? user.locale : "id");
  await db().$transaction(async (tx) => {
    await insertResetToken(tx, { tokenHash: hash, userId: user.id, expiresAt: new Date(Date.now() + RESET_TTL_MS) });
    await enqueueMail(tx, {
      to: user.email,
      subject: t("mail.reset.subject"),
      text: t("mail.reset.body", { name: user.name, link: `${appUrl}/reset-password?token=${token}` }),
    });
  });
}

/** Sets the new password, uses up the token and ends every session of the account. */
export async function resetPassword(token: string, password: string) {
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    const userId = await consumeResetToken(tx, hashToken(token), new Date());
    if (!userId) throw new DomainError("not_found", "auth.resetInvalid");
    await updatePassword(tx, userId, passwordHash);
    await deleteAllSessionsOf(tx, userId);
    return userId;
  });
}

export function logOutEverywhereElse(userId: string, currentTokenHash: string) {
  return deleteAllSessionsOf(db(), userId, currentTokenHash);
}
