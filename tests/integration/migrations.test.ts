import { cp, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { migrate, readMigrations } from "../../app/infra/migrate.server";
import { createTestDatabase } from "../setup/test-db";

async function emptyDatabase() {
  const server = inject("pgServerUrl");
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const name = `m_${Math.random().toString(16).slice(2, 10)}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

describe("migration runner", () => {
  it("applies every migration once when several instances start together, recorded as prisma migrate deploy does", async () => {
    const url = await emptyDatabase();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    const files = await readMigrations();
    expect(results.flat().sort()).toEqual(files.map((f) => f.name).sort());
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date; applied_steps_count: number; id: string }>(
      url,
      `SELECT id, migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    expect(rows.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
    expect(rows.every((r) => r.finished_at instanceof Date && r.applied_steps_count === 1 && r.id.length === 36)).toBe(true);
    expect(await migrate(url)).toEqual([]);
  });

  it("rolls a failing migration back completely and records nothing for it", async () => {
    const url = await emptyDatabase();
    const dir = await mkdtemp(path.join(tmpdir(), "lapak-mig-"));
    await cp(path.resolve("prisma/migrations"), dir, { recursive: true });
    await cp(path.join(dir, (await readMigrations())[0].name), path.join(dir, "29991231000000_broken"), { recursive: true });
    await writeFile(path.join(dir, "29991231000000_broken", "migration.sql"), `CREATE TABLE half_done (id int); SELECT * FROM no_such_table;`);
    await expect(migrate(url, dir)).rejects.toThrow(/29991231000000_broken failed and was rolled back/);
    expect(await query(url, `SELECT to_regclass('half_done') AS t`)).toEqual([{ t: null }]);
    expect((await query(url, `SELECT migration_name FROM _prisma_migrations WHERE migration_name LIKE '2999%'`)).length).toBe(0);
  });

  it("refuses to start when an applied migration file was edited afterwards", async () => {
    const db = await createTestDatabase(inject("pgServerUrl"), inject("templateDb"));
    const dir = await mkdtemp(path.join(tmpdir(), "lapak-mig-"));
    await cp(path.resolve("prisma/migrations"), dir, { recursive: true });
    const first = (await readMigrations())[0].name;
    await writeFile(path.join(dir, first, "migration.sql"), "-- edited\n", { flag: "a" });
    await expect(migrate(db.url, dir)).rejects.toThrow(/was changed after it was applied/);
    await db.drop();
  });
});
