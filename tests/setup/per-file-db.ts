import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import { disconnectDb } from "../../app/infra/db.server";
import { resetEnvCache } from "../../app/infra/env.server";
import { setStorageForTests } from "../../app/infra/storage/storage.server";
import { createTestDatabase } from "./test-db";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let dataDir: string;

beforeAll(async () => {
  database = await createTestDatabase(inject("pgServerUrl"), inject("templateDb"));
  dataDir = await mkdtemp(path.join(tmpdir(), "lapak-test-data-"));
  process.env.DATABASE_URL = database.url;
  process.env.DATA_DIR = dataDir;
  process.env.APP_URL = "http://lapak.test";
  resetEnvCache();
  setStorageForTests(undefined);
});

afterAll(async () => {
  await disconnectDb();
  await database.drop();
  await rm(dataDir, { recursive: true, force: true });
});
