import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, type RunningApp, startApp } from "../setup/app-server";
import { appEnv } from "./helpers";

// Fault test: the embedded postmaster is killed with SIGKILL in the middle of a burst of reads and sign-ups.
// The app must stay up, answer 503 (never 500) while the database is away, restart the postmaster itself and
// serve every page again within seconds of the database being back, with no sign-up half-applied.

type Outcome = { at: number; path: string; status: number | "network"; body?: string };

let app: RunningApp | undefined;
let cleanup: (() => Promise<void>) | undefined;
afterAll(async () => {
  await app?.stop("SIGINT");
  await cleanup?.();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function hit(url: string, pathname: string, init?: RequestInit): Promise<Outcome> {
  const at = Date.now();
  try {
    const res = await fetch(`${url}${pathname}`, { redirect: "manual", signal: AbortSignal.timeout(10_000), ...init });
    const body = await res.text();
    return { at, path: pathname, status: res.status, body: res.status === 503 ? body : undefined };
  } catch {
    return { at, path: pathname, status: "network" };
  }
}

function signUp(url: string, email: string) {
  return hit(url, "/signup", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ name: "Uji Gangguan", email, password: "tahan-banting-9", passwordConfirm: "tahan-banting-9" }),
  });
}

describe("the embedded database is killed during traffic", () => {
  it("answers 503 during the gap, restarts PostgreSQL, recovers within seconds, and leaves no half-applied sign-up", async () => {
    const data = await appEnv();
    cleanup = data.cleanup;
    const pgPort = await freePort();
    delete process.env.DATABASE_URL;
    app = await startApp({ ...data.env, DATABASE_URL: undefined, EMBEDDED_PG_PORT: String(pgPort), SEED_DEMO: "false" });
    const url = app.url;
    const dbUrl = `postgres://postgres:lapak@127.0.0.1:${pgPort}/lapak`;
    const probe = new pg.Client({ connectionString: dbUrl });
    await probe.connect();
    const slug = (await probe.query<{ slug: string }>("SELECT slug FROM categories WHERE level = 1 ORDER BY position LIMIT 1")).rows[0].slug;
    await probe.end();
    const pages = ["/", "/cari?q=baju", `/kategori/${slug}`];

    // The burst: three readers and one writer, until told to stop.
    const outcomes: Outcome[] = [];
    const emails: { email: string; status: Outcome["status"] }[] = [];
    let running = true;
    const readers = [0, 1, 2].map(async (i) => {
      for (let n = i; running; n++) outcomes.push(await hit(url, pages[n % pages.length]), await hit(url, "/healthz"));
    });
    const writer = (async () => {
      for (let n = 0; running; n++) {
        const email = `gangguan-${n}@contoh.id`;
        const outcome = await signUp(url, email);
        outcomes.push(outcome);
        emails.push({ email, status: outcome.status });
      }
    })();
    await sleep(1500);

    const pid = Number((await readFile(path.join(data.env.DATA_DIR, "pg", "postmaster.pid"), "utf8")).split("\n")[0]);
    const killedAt = Date.now();
    process.kill(pid, "SIGKILL");

    // Until the database is back (polled directly), pages and health are asked too: they must say 503.
    // (A backend may still serve a query for a moment after its postmaster died, so a 200 right after the
    // kill is fine; what matters is a 503 during the gap and never a 500.)
    const gap: Outcome[] = [];
    let dbBackAt = 0;
    while (!dbBackAt && Date.now() - killedAt < 60_000) {
      gap.push(...(await Promise.all(["/healthz", ...pages].map((p) => hit(url, p)))));
      const c = new pg.Client({ connectionString: dbUrl, connectionTimeoutMillis: 1000 });
      try {
        await c.connect();
        await c.query("SELECT 1");
        dbBackAt = Date.now();
      } catch {
        await sleep(100);
      } finally {
        await c.end().catch(() => undefined);
      }
    }
    expect(dbBackAt, `the app did not restart PostgreSQL:\n${app.output()}`).toBeGreaterThan(0);

    // Every page answers 200 again, without restarting the app.
    const firstOk: Record<string, number> = {};
    for (const p of [...pages, "/healthz"]) {
      while (Date.now() - dbBackAt < 15_000) {
        const o = await hit(url, p);
        if (o.status === 200) {
          firstOk[p] = Date.now();
          break;
        }
        await sleep(100);
      }
    }
    await sleep(1000); // more of the burst after recovery
    running = false;
    await Promise.all([...readers, writer]);

    const recoveredAt = Math.max(...Object.values(firstOk));
    const downSeconds = (dbBackAt - killedAt) / 1000;
    const afterBackSeconds = (recoveredAt - dbBackAt) / 1000;
    console.log(
      `database fault: killed → database back ${downSeconds.toFixed(2)} s; database back → every page 200 ${afterBackSeconds.toFixed(2)} s; ` +
        `killed → first 200 ${((recoveredAt - killedAt) / 1000).toFixed(2)} s; ${outcomes.length} requests in the burst, ` +
        `${outcomes.filter((o) => o.status === 503).length} answered 503, ${emails.length} sign-ups tried`,
    );

    console.log(app.output().split("\n").filter((l) => /PostgreSQL (stopped|is running|could not)/.test(l)).join("\n"));
    expect(app.process.exitCode, app.output()).toBeNull();
    expect(app.output()).toMatch(/PostgreSQL stopped unexpectedly/);
    expect(app.output()).toMatch(/PostgreSQL is running again/);
    for (const p of ["/healthz", ...pages]) expect({ p, during: gap.filter((o) => o.path === p && o.status === 503).length > 0 }).toEqual({ p, during: true });
    expect(gap.filter((o) => o.status !== 503 && o.status !== 200)).toEqual([]);
    expect(Object.keys(firstOk).sort()).toEqual([...pages, "/healthz"].sort());
    expect(afterBackSeconds).toBeLessThan(10);
    // Never a 500, and no request left without an answer.
    const errors = app.output().split("\n").filter((l) => l.includes('"level":50') && l.includes("unhandled error"));
    expect(outcomes.filter((o) => o.status === 500 || o.status === "network"), errors.join("\n")).toEqual([]);
    expect(outcomes.some((o) => o.status === 503)).toBe(true);

    // The 503 page is the error page in Indonesian; /healthz says why in JSON.
    expect(gap.find((o) => o.path === "/" && o.status === 503)?.body).toContain("Layanan sedang gangguan");
    expect(JSON.parse(gap.find((o) => o.path === "/healthz" && o.status === 503)!.body!)).toEqual({ status: "unavailable", database: false });
    const check = new pg.Client({ connectionString: dbUrl });
    await check.connect();
    try {
      for (const { email, status } of emails) {
        const users = Number((await check.query("SELECT count(*) FROM users WHERE email = $1", [email])).rows[0].count);
        const mails = Number((await check.query("SELECT count(*) FROM outbox_mails WHERE to_address = $1", [email])).rows[0].count);
        expect({ email, users, mails }).toEqual({ email, users: mails, mails: users });
        if (status === 302) expect({ email, users }).toEqual({ email, users: 1 });
      }
      // The mail listener reconnected: a sign-up now is delivered (to the local outbox) by its notice, not the minute sweep.
      expect((await signUp(url, "setelah-pulih@contoh.id")).status).toBe(302);
      let delivered = "";
      for (let i = 0; i < 50 && delivered !== "local"; i++) {
        await sleep(100);
        delivered = (await check.query("SELECT status FROM outbox_mails WHERE to_address = $1", ["setelah-pulih@contoh.id"])).rows[0]?.status ?? "";
      }
      expect(delivered).toBe("local");
    } finally {
      await check.end();
    }
  }, 240_000);
});
