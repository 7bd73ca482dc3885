import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/infra/db.server";
import { resetEnvCache } from "../../app/infra/env.server";
import { deliverPendingMails, mailTransport } from "../../app/infra/mail-worker.server";
import { loader as outboxLoader } from "../../app/routes/admin.outbox";
import { headers as reviewHeaders, loader as reviewLoader } from "../../app/routes/admin.verifications.$shopId";
import { action as forgotAction } from "../../app/routes/forgot-password";
import { action as languageAction } from "../../app/routes/language";
import { action as loginAction } from "../../app/routes/login";
import { action as resetAction, loader as resetLoader } from "../../app/routes/reset-password";
import { action as signupAction } from "../../app/routes/signup";
import { changePassword } from "../../app/services/auth.server";
import { hashPassword } from "../../app/infra/password.server";
import { aSeller, anAdmin } from "../factories/shops";
import { aUser, cookieFor, TEST_PASSWORD } from "../factories/users";
import { call, getRequest, payload, postForm } from "../setup/http";

let pool: pg.Pool;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
});
afterAll(() => pool.end());

let configuredAppUrl: string | undefined;
beforeAll(() => {
  configuredAppUrl = process.env.APP_URL;
});
afterEach(() => {
  if (configuredAppUrl === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = configuredAppUrl;
  delete process.env.PORT;
  resetEnvCache();
});

/** A request exactly as Remix builds it when a client sends `Host: evil.example`. */
function postFromHost(host: string, pathname: string, fields: Record<string, string>, ip: string) {
  const req = postForm(pathname, fields, { ip });
  return new Request(`http://${host}${pathname}`, { method: "POST", body: req.body, headers: req.headers, duplex: "half" } as RequestInit);
}

let ipCounter = 0;
const freshIp = () => `10.77.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

function forgot(email: string, ip = freshIp()) {
  return call(forgotAction, postForm("/forgot-password", { email }, { ip }));
}

/** Delivers the outbox the way the app does without SMTP in development, and reads the mails the developer gets. */
async function deliveredResetLinks(email: string): Promise<string[]> {
  await deliverPendingMails(pool, mailTransport(undefined, "Lapak <no-reply@lapak.local>"));
  const mails = await db().outboxMail.findMany({ where: { toAddress: email, subject: "Atur ulang kata sandi Lapak" }, orderBy: { createdAt: "asc" } });
  const links: string[] = [];
  for (const m of mails) {
    const file = await readFile(path.join(process.env.DATA_DIR!, "mail", `${m.id}.txt`), "utf8");
    links.push(/(\S+reset-password\?token=\S+)/.exec(file)![1]);
  }
  return links;
}

const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;
const resetWith = (token: string, password: string) => call(resetAction, postForm("/reset-password", { token, password, passwordConfirm: password }));
const usable = async (token: string) => payload<{ usable: boolean }>((await call(resetLoader, getRequest(`/reset-password?token=${encodeURIComponent(token)}`))).result).usable;

describe("finding 1: links in mail come from configuration, never from the Host header", () => {
  it("builds the reset and welcome links on http://localhost:$PORT in development when APP_URL is not set", async () => {
    delete process.env.APP_URL;
    process.env.PORT = "3000";
    resetEnvCache();
    const user = await aUser();
    await call(forgotAction, postFromHost("evil.example", "/forgot-password", { email: user.email }, freshIp()));
    await call(signupAction, postFromHost("evil.example", "/signup", { name: "Rudi Hartono", email: "rudi@contoh.id", password: "kopi-tubruk-12", passwordConfirm: "kopi-tubruk-12" }, freshIp()));
    const reset = await db().outboxMail.findFirstOrThrow({ where: { toAddress: user.email } });
    const welcome = await db().outboxMail.findFirstOrThrow({ where: { toAddress: "rudi@contoh.id" } });
    expect(reset.textBody).toContain("http://localhost:3000/reset-password?token=");
    expect(welcome.textBody).toContain("http://localhost:3000/seller/onboarding");
    for (const body of [reset.textBody, welcome.textBody]) expect(body).not.toContain("evil.example");
  });

  it("uses APP_URL's origin when it is set", async () => {
    process.env.APP_URL = "https://lapak.example.id/";
    resetEnvCache();
    const user = await aUser();
    await call(forgotAction, postFromHost("evil.example", "/forgot-password", { email: user.email }, freshIp()));
    const [link] = await deliveredResetLinks(user.email);
    expect(link.startsWith("https://lapak.example.id/reset-password?token=")).toBe(true);
  });
});

describe("finding 4: redirect targets stay on the app's own origin", () => {
  const targets = ["/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/\\evil.example", "//evil.example/x", "/..//evil.example", "https://evil.example/"];

  it("after login, never sends the browser to another host and never fails on a control character", async () => {
    const user = await aUser();
    for (const redirectTo of targets) {
      const res = await call(loginAction, postForm("/login", { email: user.email, password: TEST_PASSWORD, redirectTo }, { ip: freshIp() }));
      expect(res.status, JSON.stringify(redirectTo)).toBe(302);
      const location = res.headers.get("Location")!;
      expect(new URL(location, "http://lapak.test").origin, JSON.stringify(redirectTo)).toBe("http://lapak.test");
      expect(location).not.toMatch(/[\u0000-\u001f]/);
    }
    const kept = await call(loginAction, postForm("/login", { email: user.email, password: TEST_PASSWORD, redirectTo: "/seller/products?q=baju" }, { ip: freshIp() }));
    expect(kept.headers.get("Location")).toBe("/seller/products?q=baju");
  });

  it("does the same after sign-up and a language switch", async () => {
    const signup = await call(signupAction, postForm("/signup", { name: "Nyoman Arta", email: "nyoman@contoh.id", password: "tirta-gangga-8", passwordConfirm: "tirta-gangga-8", redirectTo: "/\t/evil.example" }, { ip: freshIp() }));
    expect(signup.headers.get("Location")).toBe("/");
    const lang = await call(languageAction, postForm("/language", { locale: "en", redirectTo: "/\t/evil.example" }));
    expect(lang.headers.get("Location")).toBe("/");
  });
});

describe("finding 5: reset tokens", () => {
  it("keeps one live link per account: a new request revokes the older link", async () => {
    const user = await aUser();
    await forgot(user.email);
    await forgot(user.email);
    const [first, second] = (await deliveredResetLinks(user.email)).map(tokenOf);
    expect(await usable(first)).toBe(false);
    expect(await usable(second)).toBe(true);
    expect((await resetWith(first, "sandi-lama-tak-jalan-1")).status).toBe(400);
    expect((await resetWith(second, "sandi-baru-456")).headers.get("Location")).toBe("/login");
    expect(await db().passwordResetToken.count({ where: { userId: user.id, usedAt: null } })).toBe(0);
  });

  it("revokes every outstanding link when the password changes", async () => {
    const user = await aUser();
    await forgot(user.email);
    const [token] = (await deliveredResetLinks(user.email)).map(tokenOf);
    await db().$transaction(async (tx) => changePassword(tx, user.id, await hashPassword("sandi-lain-789")));
    expect(await usable(token)).toBe(false);
    expect((await resetWith(token, "sandi-penyerang-1")).status).toBe(400);
  });

  it("throttles requests per account and per address, whether or not the email is registered", async () => {
    const user = await aUser();
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await forgot(user.email)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    expect(statuses.slice(3).every((s) => s === 429)).toBe(true);
    expect(await db().outboxMail.count({ where: { toAddress: user.email } })).toBe(3);

    const ip = freshIp();
    const fromOneAddress = [];
    for (let i = 0; i < 12; i++) fromOneAddress.push((await forgot(`orang${i}@contoh.id`, ip)).status);
    expect(fromOneAddress.filter((s) => s === 200)).toHaveLength(10);
    expect(fromOneAddress.slice(10)).toEqual([429, 429]);
  });

  it("stores no usable token in the outbox and shows none to admins, while the mail delivered carries a working link", async () => {
    const user = await aUser();
    await forgot(user.email);
    const [link] = await deliveredResetLinks(user.email);
    const token = tokenOf(link);
    expect(await usable(token)).toBe(true);

    const { rows } = await pool.query<{ text_body: string }>("SELECT text_body FROM outbox_mails WHERE to_address = $1", [user.email]);
    expect(rows[0].text_body).not.toContain(token);
    expect(rows[0].text_body).not.toMatch(/token=[A-Za-z0-9_-]{20,}/);
    const { rows: tokens } = await pool.query("SELECT * FROM password_reset_tokens WHERE user_id = $1", [user.id]);
    expect(JSON.stringify(tokens)).not.toContain(token);

    const admin = await anAdmin();
    const page = await call(outboxLoader, getRequest(`/admin/outbox?to=${encodeURIComponent(user.email)}`, { cookie: await cookieFor(admin.id) }));
    const shown = payload<{ mails: { text: string }[] }>(page.result).mails[0].text;
    expect(shown).toContain("reset-password?token=[disembunyikan]");
    expect(shown).not.toContain(token);
  });
});

describe("finding 6: login throttling slows attackers without locking the owner out", () => {
  it("checks at most five of twenty parallel guesses from one address, and the owner still gets in from their own address", async () => {
    const user = await aUser();
    const attacker = freshIp();
    const guesses = await Promise.all(Array.from({ length: 20 }, (_, i) => call(loginAction, postForm("/login", { email: user.email, password: `tebakan-${i}` }, { ip: attacker }))));
    const checked = guesses.filter((g) => g.status === 401).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(checked + guesses.filter((g) => g.status === 429).length).toBe(20);
    expect(await db().loginAttempt.count({ where: { email: user.email, ip: attacker } })).toBeLessThanOrEqual(5);

    // The stranger's address stays blocked, even with the right password...
    expect((await call(loginAction, postForm("/login", { email: user.email, password: TEST_PASSWORD }, { ip: attacker }))).status).toBe(429);
    // ...but the owner is never locked out by it.
    expect((await call(loginAction, postForm("/login", { email: user.email, password: TEST_PASSWORD }, { ip: freshIp() }))).status).toBe(302);
  });

  it("does not lock the owner out when many addresses each fail a few times", async () => {
    const user = await aUser();
    for (let i = 0; i < 12; i++) await call(loginAction, postForm("/login", { email: user.email, password: "salah-sandi" }, { ip: freshIp() }));
    expect((await call(loginAction, postForm("/login", { email: user.email, password: TEST_PASSWORD }, { ip: freshIp() }))).status).toBe(302);
  });

  it("a successful login clears the address's earlier failures on that account", async () => {
    const user = await aUser();
    const ip = freshIp();
    for (let i = 0; i < 4; i++) await call(loginAction, postForm("/login", { email: user.email, password: "typo-sandi" }, { ip }));
    expect((await call(loginAction, postForm("/login", { email: user.email, password: TEST_PASSWORD }, { ip }))).status).toBe(302);
    for (let i = 0; i < 4; i++) expect((await call(loginAction, postForm("/login", { email: user.email, password: "typo-sandi" }, { ip }))).status).toBe(401);
  });
});

describe("finding 10: admin pages with full personal numbers are never cached", () => {
  it("sends Cache-Control: no-store with the verification review page", async () => {
    const { shop } = await aSeller({ status: "submitted" });
    const admin = await anAdmin();
    const res = await call(reviewLoader, getRequest(`/admin/verifications/${shop.id}`, { cookie: await cookieFor(admin.id) }), { shopId: shop.id });
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toMatch(/no-store/);
    expect(new Headers(reviewHeaders() as HeadersInit).get("Cache-Control")).toMatch(/no-store/);
  });
});

describe("rate-limit records do not pile up", () => {
  it("the daily prune deletes login attempts, throttle hits and reset tokens older than a day, and keeps recent ones", async () => {
    const { pruneAuthRecords } = await import("../../app/models/throttle.server");
    const user = await aUser();
    const old = new Date(Date.now() - 2 * 24 * 3600_000);
    await db().loginAttempt.create({ data: { email: user.email, ip: "10.99.0.1", succeeded: false, createdAt: old } });
    await db().throttleEvent.create({ data: { bucket: "reset-address", key: "10.99.0.1", createdAt: old } });
    await db().passwordResetToken.create({ data: { tokenHash: "old-hash-for-prune-test", userId: user.id, expiresAt: old, createdAt: old } });
    await forgot(user.email, "10.99.0.2");
    await pruneAuthRecords(new Date(Date.now() - 24 * 3600_000));
    expect(await db().loginAttempt.count({ where: { ip: "10.99.0.1" } })).toBe(0);
    expect(await db().throttleEvent.count({ where: { key: "10.99.0.1" } })).toBe(0);
    expect(await db().throttleEvent.count({ where: { key: "10.99.0.2" } })).toBe(1);
    expect(await db().passwordResetToken.count({ where: { userId: user.id } })).toBe(1);
  });
});
