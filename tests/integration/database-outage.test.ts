import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { withOutagePages } from "../../app/cli/server";
import { db, disconnectDb } from "../../app/infra/db.server";
import { resilientPool } from "../../app/infra/pg-pool.server";
import { categoryTree, invalidateCategoryTree } from "../../app/models/category.server";

// While the database is away, pages answer 503, and nothing keeps the failure once it is back.
const DOWN = "postgres://postgres:x@127.0.0.1:1/none";

async function withDatabaseDown<T>(work: () => Promise<T>): Promise<T> {
  const real = process.env.DATABASE_URL;
  process.env.DATABASE_URL = DOWN;
  try {
    return await work();
  } finally {
    await disconnectDb();
    process.env.DATABASE_URL = real;
  }
}

describe("the database goes away and comes back", () => {
  it("the category tree cache does not keep a failed load", async () => {
    invalidateCategoryTree();
    await withDatabaseDown(() => expect(categoryTree()).rejects.toThrow());
    // Back: the very next read goes to the database again (no 60-second wait for the cache to expire).
    await expect(categoryTree()).resolves.toMatchObject({ all: expect.any(Array) });
  });

  it("a loader or action that meets an unreachable database answers 503; other errors stay errors", async () => {
    const build = {
      routes: {
        page: { id: "page", path: "/", module: { loader: () => db().category.count(), action: () => db().$queryRaw`SELECT 1` } },
        broken: { id: "broken", path: "/x", module: { loader: () => Promise.reject(new Error("a bug")) } },
      },
    } as unknown as ServerBuild;
    const routes = withOutagePages(build).routes;
    const args = {} as never;
    for (const fn of [routes.page.module.loader!, routes.page.module.action!]) {
      const thrown = await withDatabaseDown(() => Promise.resolve(fn(args)).then(() => null, (e: unknown) => e));
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(503);
      expect((thrown as Response).headers.get("Retry-After")).toBeTruthy();
    }
    await expect(Promise.resolve(routes.broken.module.loader!(args))).rejects.toThrow("a bug");
    expect(await routes.page.module.loader!(args)).toBeTypeOf("number");
  });

  it("a checked-out connection that the server cuts between two queries does not crash the process", async () => {
    const pool = resilientPool({ connectionString: process.env.DATABASE_URL }, "test");
    try {
      const client = await pool.connect();
      const { pid } = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0];
      await pool.query("SELECT pg_terminate_backend($1)", [pid]); // as a restart or failover would
      await new Promise((r) => setTimeout(r, 200));
      await expect(client.query("SELECT 1")).rejects.toThrow();
      client.release(true);
      expect((await pool.query<{ ok: number }>("SELECT 1 AS ok")).rows[0].ok).toBe(1);
    } finally {
      await pool.end();
    }
  });
});
