import { describe, expect, it } from "vitest";
import { db, disconnectDb } from "../../app/infra/db.server";
import { loader } from "../../app/routes/healthz";

describe("GET /healthz", () => {
  it("answers 200 when the database is reachable", async () => {
    // The first query opens the pool's first connection, which can take over the check's 1 s on a busy machine.
    await db().$queryRaw`SELECT 1`;
    const res = await loader();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: true });
  });

  it("answers 503 when the database is not", async () => {
    const real = process.env.DATABASE_URL;
    await disconnectDb();
    process.env.DATABASE_URL = "postgres://postgres:x@127.0.0.1:1/none";
    try {
      const res = await loader();
      expect(res.status).toBe(503);
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = real;
    }
  });
});
