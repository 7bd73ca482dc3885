import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedDb } from "../../app/infra/embedded-db.server";
import { migrate } from "../../app/infra/migrate.server";

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
    templateDb: string;
  }
}

export const TEMPLATE_DB = "lapak_template";

/**
 * One real PostgreSQL for the whole run (embedded, in a temp dir; or TEST_DATABASE_SERVER_URL pointing at a
 * server of your own), with a migrated template database that each test file clones.
 */
export default async function setup(project: TestProject) {
  let stop: () => Promise<void> = async () => {};
  let serverUrl: (db: string) => string;
  const external = process.env.TEST_DATABASE_SERVER_URL;
  if (external) {
    serverUrl = (db) => {
      const u = new URL(external);
      u.pathname = `/${db}`;
      return u.toString();
    };
  } else {
    const dir = await mkdtemp(path.join(tmpdir(), "lapak-test-pg-"));
    const port = 55000 + Math.floor(Math.random() * 4000);
    // Throwaway: no fsync (every test file clones a database and commits thousands of transactions).
    const embedded = await startEmbeddedDb({ dataDir: dir, port, database: "postgres", throwaway: true });
    serverUrl = embedded.serverUrl;
    stop = async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const pg = (await import("pg")).default;
  const admin = new pg.Client({ connectionString: serverUrl("postgres") });
  await admin.connect();
  const template = `${TEMPLATE_DB}_${process.pid}`;
  await admin.query(`DROP DATABASE IF EXISTS "${template}"`);
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();
  await migrate(serverUrl(template), path.resolve("prisma/migrations"));

  project.provide("pgServerUrl", serverUrl("postgres"));
  project.provide("templateDb", template);

  return async () => {
    const a = new pg.Client({ connectionString: serverUrl("postgres") });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`).catch(() => undefined);
    await a.end();
    await stop();
  };
}
