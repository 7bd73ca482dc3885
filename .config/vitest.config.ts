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
    // Two files at a time (vitest's default on two cores is one worker): a file waits on PostgreSQL, the app it
    // started or Chromium much of the time. Unit and integration files first, then the e2e files, two at a time too
    // (e2e beside integration files cost more CPU than either alone). docs/decisions/0005-browse-speed.md, sixth round.
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          root,
          include: ["app/**/*.test.ts", "app/**/*.test.tsx"],
          environment: "node",
          isolate: false, // pure modules: one process for all files (20 s → 6 s)
          // The image re-encoding tests (sharp) share two cores with an integration file: 5 s was too tight under load.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          root,
          include: ["tests/integration/**/*.test.ts"],
          // The files share a process per worker instead of importing the app and Prisma anew each (unit and
          // integration: 6.3 → 4.0 min and 12.2 → 7.6 min of CPU). Each still gets its own database (per-file-db.ts), and
          // state that outlives a file is keyed by it (factories' admin) or reset by it (env, providers).
          isolate: false,
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
          sequence: { groupOrder: 1 },
          // Like the integration files: the helpers, Playwright and the factories load once per worker, not per file
          // (each still starts its own app, database and Chromium); e2e-file-env.ts puts the environment back after each.
          isolate: false,
          globalSetup: ["tests/setup/global-db.ts"],
          setupFiles: ["tests/setup/e2e-file-env.ts"],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          env: { NODE_ENV: "test", LOG_LEVEL: "silent", PASSWORD_HASH_COST: "test" },
        },
      },
    ],
  },
});
