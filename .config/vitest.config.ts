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
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", root, include: ["app/**/*.test.ts", "app/**/*.test.tsx"], environment: "node" },
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
          fileParallelism: false,
          env: { NODE_ENV: "test", LOG_LEVEL: "silent", PASSWORD_HASH_COST: "test" },
        },
      },
    ],
  },
});
