import { afterAll } from "vitest";
import { disconnectDb } from "../../app/infra/db.server";
import { resetEnvCache } from "../../app/infra/env.server";

// The e2e files share a worker process (isolate: false). Several point this process at their own app's database and
// URL (process.env, to make data in-process); after each file, the environment is put back as the file found it and
// any pool it opened is closed, so the next file starts clean. Registered first, so this runs after the file's own afterAll.
const before = { ...process.env };

afterAll(async () => {
  await disconnectDb();
  for (const key of Object.keys(process.env)) if (!(key in before)) delete process.env[key];
  Object.assign(process.env, before);
  resetEnvCache();
});
