import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { startApp } from "../setup/app-server";
import { createTestDatabase } from "../setup/test-db";

// `NODE_ENV=production npm start`: what a fresh production deployment gets.
let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase(inject("pgServerUrl"), inject("templateDb"));
});
afterAll(() => database?.drop());

async function failedStart(env: Record<string, string | undefined>): Promise<string> {
  try {
    const app = await startApp({ DATABASE_URL: database.url, NODE_ENV: "production", BACKGROUND_JOBS: "false", ...env }, 30_000);
    await app.stop();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the app started");
}

describe("a production start", () => {
  it("refuses to boot without SESSION_SECRET, KYC_ENCRYPTION_KEYS and APP_URL, naming each", async () => {
    const out = await failedStart({ SESSION_SECRET: undefined, KYC_ENCRYPTION_KEYS: undefined, APP_URL: undefined });
    expect(out).toMatch(/exited early \(1\)/);
    for (const name of ["SESSION_SECRET", "KYC_ENCRYPTION_KEYS", "APP_URL"]) expect(out).toContain(`${name}: required in production`);
    expect(await failedStart({ APP_URL: undefined })).toContain("APP_URL: required in production");
  });

  it("refuses SEED_DEMO=true", async () => {
    expect(await failedStart({ SEED_DEMO: "true" })).toContain("SEED_DEMO");
  });

  it("never seeds demo data, so no account with the README's password exists", async () => {
    const app = await startApp({ DATABASE_URL: database.url, NODE_ENV: "production", BACKGROUND_JOBS: "false" });
    try {
      expect(app.output()).not.toContain(DEMO_PASSWORD);
      expect(app.output()).not.toContain("admin@lapak.test");
      const login = await fetch(`${app.url}/login`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: "admin@lapak.test", password: DEMO_PASSWORD }),
      });
      expect(login.status).toBe(401);
    } finally {
      await app.stop();
    }
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM users");
    await client.end();
    expect(Number(rows[0].n)).toBe(0);
  });
});
