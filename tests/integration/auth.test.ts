import { describe, expect, it } from "vitest";
import { revealSecrets } from "../../app/domain/mail/secrets";
import { db } from "../../app/infra/db.server";
import { derivedToken } from "../../app/infra/tokens.server";
import { loader as accountLoader, action as accountAction } from "../../app/routes/account";
import { action as forgotAction } from "../../app/routes/forgot-password";
import { action as loginAction } from "../../app/routes/login";
import { action as logoutAction } from "../../app/routes/logout";
import { action as resetAction, loader as resetLoader } from "../../app/routes/reset-password";
import { action as signupAction } from "../../app/routes/signup";
import { aUser, cookieFor, TEST_PASSWORD } from "../factories/users";
import { aSeller, anAdmin } from "../factories/shops";
import { call, getRequest, payload, postForm, sessionCookieFrom } from "../setup/http";

const signup = (fields: Record<string, string>) => call(signupAction, postForm("/signup", fields));

describe("sign up", () => {
  it("creates the account, logs the user in and queues a welcome mail in the same transaction", async () => {
    const res = await signup({ name: "Putri Anggraini", email: "Putri@Contoh.ID ", password: "kopi-susu-123", passwordConfirm: "kopi-susu-123" });
    expect(res.status).toBe(302);
    expect(sessionCookieFrom(res.headers)).toBeTruthy();
    const user = await db().user.findUniqueOrThrow({ where: { email: "putri@contoh.id" } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const mails = await db().outboxMail.findMany({ where: { toAddress: "putri@contoh.id" } });
    expect(mails.map((m) => m.subject)).toEqual(["Selamat datang di Lapak"]);
  });

  it("answers bad input with field errors in i18n keys and keeps the typed values, but never the password", async () => {
    const res = await signup({ name: "A", email: "bukan-email", password: "pendek", passwordConfirm: "lain" });
    expect(res.status).toBe(400);
    const body = payload<{ errors: Record<string, string>; values: Record<string, string> }>(res.result);
    expect(body.errors).toMatchObject({ name: "validation.nameMin", email: "validation.email", password: "validation.passwordMin" });
    expect(body.values.email).toBe("bukan-email");
    expect(body.values).not.toHaveProperty("password");
    expect(await db().user.count({ where: { email: "bukan-email" } })).toBe(0);
  });

  it("refuses a second account on the same email, next to the email field", async () => {
    const existing = await aUser();
    const res = await signup({ name: "Orang Lain", email: existing.email.toUpperCase(), password: "kopi-susu-123", passwordConfirm: "kopi-susu-123" });
    expect(res.status).toBe(409);
    expect(payload<{ errors: Record<string, string> }>(res.result).errors.email).toBe("auth.emailTaken");
  });
});

describe("log in and out", () => {
  it("logs in with the right password and the session reaches protected pages", async () => {
    const user = await aUser();
    const res = await call(loginAction, postForm("/login", { email: user.email, password: TEST_PASSWORD, redirectTo: "/account" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/account");
    const cookie = sessionCookieFrom(res.headers)!;
    expect(res.headers.getSetCookie().find((c) => c.startsWith("lapak_session="))).toMatch(/HttpOnly/i);
    const account = await call(accountLoader, getRequest("/account", { cookie }));
    expect(payload<{ user: { email: string } }>(account.result).user.email).toBe(user.email);
  });

  it("lands where each user works when no page asked for the log-in: admin desk, seller's shop, shop front", async () => {
    const seller = await aSeller({ status: "approved" });
    const admin = await anAdmin();
    const buyer = await aUser();
    for (const [who, to] of [[seller.owner, "/seller"], [admin, "/admin"], [buyer, "/"]] as const) {
      const res = await call(loginAction, postForm("/login", { email: who.email, password: TEST_PASSWORD, redirectTo: "" }));
      expect([res.status, res.headers.get("Location")]).toEqual([302, to]);
    }
    const asked = await call(loginAction, postForm("/login", { email: seller.owner.email, password: TEST_PASSWORD, redirectTo: "/checkout" }));
    expect(asked.headers.get("Location")).toBe("/checkout");
  });

  it("never redirects to another site after login", async () => {
    const user = await aUser();
    const res = await call(loginAction, postForm("/login", { email: user.email, password: TEST_PASSWORD, redirectTo: "//evil.example/x" }));
    expect(res.headers.get("Location")).toBe("/");
  });

  it("refuses a wrong password with one message that does not say which part was wrong", async () => {
    const user = await aUser();
    const wrong = await call(loginAction, postForm("/login", { email: user.email, password: "salah-sandi-1" }));
    const unknown = await call(loginAction, postForm("/login", { email: "tidak-ada@contoh.id", password: "salah-sandi-1" }));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(payload<{ errors: Record<string, string> }>(wrong.result).errors._form).toBe("auth.invalidCredentials");
    // The email comes back for the form (also without JavaScript); the password typed does not, anywhere.
    expect(payload<{ values: Record<string, string> }>(wrong.result).values.email).toBe(user.email);
    expect(JSON.stringify(payload(wrong.result))).not.toContain("salah-sandi-1");
  });

  it("stops an address after five failures on an account, even with the right password, but not the owner elsewhere", async () => {
    const user = await aUser();
    const other = await aUser();
    for (let i = 0; i < 5; i++) await call(loginAction, postForm("/login", { email: user.email, password: "salah" }, { ip: "10.1.0.1" }));
    const locked = await call(loginAction, postForm("/login", { email: user.email, password: TEST_PASSWORD }, { ip: "10.1.0.1" }));
    expect(locked.status).toBe(429);
    const owner = await call(loginAction, postForm("/login", { email: user.email, password: TEST_PASSWORD }, { ip: "10.2.0.1" }));
    expect(owner.status).toBe(302);
    const fine = await call(loginAction, postForm("/login", { email: other.email, password: TEST_PASSWORD }, { ip: "10.1.0.1" }));
    expect(fine.status).toBe(302);
  });

  it("limits one IP that tries many accounts", async () => {
    const user = await aUser();
    for (let i = 0; i < 30; i++) await call(loginAction, postForm("/login", { email: `tebak${i}@contoh.id`, password: "salah" }, { ip: "10.9.9.9" }));
    const res = await call(loginAction, postForm("/login", { email: user.email, password: TEST_PASSWORD }, { ip: "10.9.9.9" }));
    expect(res.status).toBe(429);
  });

  it("log out deletes the session server-side", async () => {
    const user = await aUser();
    const cookie = await cookieFor(user.id);
    await call(logoutAction, postForm("/logout", {}, { cookie }));
    const account = await call(accountLoader, getRequest("/account", { cookie }));
    expect(account.status).toBe(302);
    expect(account.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("log out of all devices ends every other session but keeps this one", async () => {
    const user = await aUser();
    const phone = await cookieFor(user.id);
    const laptop = await cookieFor(user.id);
    await call(accountAction, postForm("/account", {}, { cookie: laptop }));
    expect((await call(accountLoader, getRequest("/account", { cookie: phone }))).status).toBe(302);
    expect((await call(accountLoader, getRequest("/account", { cookie: laptop }))).status).toBe(200);
  });
});

describe("password reset", () => {
  it("mails a one-time link that sets a new password and ends all sessions", async () => {
    const user = await aUser();
    const oldSession = await cookieFor(user.id);
    const res = await call(forgotAction, postForm("/forgot-password", { email: user.email }));
    expect(payload(res.result)).toEqual({ sent: true });
    const mail = await db().outboxMail.findFirstOrThrow({ where: { toAddress: user.email, subject: "Atur ulang kata sandi Lapak" } });
    // What the recipient gets: the outbox holds a placeholder, the delivery puts the token in.
    const token = /token=([\w-]+)/.exec(revealSecrets(mail.textBody, derivedToken))![1];
    expect(payload<{ usable: boolean }>((await call(resetLoader, getRequest(`/reset-password?token=${token}`))).result).usable).toBe(true);

    const reset = await call(resetAction, postForm("/reset-password", { token, password: "sandi-baru-456", passwordConfirm: "sandi-baru-456" }));
    expect(reset.headers.get("Location")).toBe("/login");
    expect((await call(accountLoader, getRequest("/account", { cookie: oldSession }))).status).toBe(302);
    expect((await call(loginAction, postForm("/login", { email: user.email, password: "sandi-baru-456" }))).status).toBe(302);

    const again = await call(resetAction, postForm("/reset-password", { token, password: "sandi-ketiga-789", passwordConfirm: "sandi-ketiga-789" }));
    expect(again.status).toBe(400);
    expect(payload<{ errors: Record<string, string> }>(again.result).errors._form).toBe("auth.resetInvalid");
  });

  it("answers the same for an unknown email and sends nothing", async () => {
    const before = await db().outboxMail.count();
    const res = await call(forgotAction, postForm("/forgot-password", { email: "siapa@contoh.id" }));
    expect(payload(res.result)).toEqual({ sent: true });
    expect(await db().outboxMail.count()).toBe(before);
  });
});
