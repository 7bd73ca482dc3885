import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");
const alias = { "~": path.join(root, "app") };

// Three suites, all run by `npm test`: unit (pure modules), integration (real PostgreSQL, one database
// per test file, cloned from a migrated template), e2e (the built app in a real Chromium).
export default defineConfig({
  root,
  resolve: { alias },
  test: {
    passWithNoTests: false,
    // Two files at a time, e2e files too (vitest's default on two cores is one worker, and the e2e files ran one at a
    // time after everything else): a file waits on PostgreSQL, the app it started or Chromium much of the time. Full
    // run at load 2-4: 10.6 min against 13.9 min with one worker (docs/decisions/0005-browse-speed.md, sixth round).
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          root,
          include: ["app/**/*.test.ts", "app/**/*.test.tsx"],
          environment: "node",
          // Image re-encoding tests (sharp) share the two cores with an e2e file's app and Chromium: 5 s was too tight.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          root,
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/global-db.ts"],
          setupFiles: ["tests/setup/per-file-db.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          env: { NODE_ENV: "test", LOG_LEVEL: "silent", PASSWORD_HASH_COST: "test" },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          root,
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/setup/global-db.ts"],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          env: { NODE_ENV: "test", LOG_LEVEL: "silent", PASSWORD_HASH_COST: "test" },
        },
      },
    ],
  },
});
