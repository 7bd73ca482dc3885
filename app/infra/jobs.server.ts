import PgBoss from "pg-boss";
import { logger } from "./logger.server";
import { deliverPendingMails, mailTransport, startMailListener } from "./mail-worker.server";
import { isOutage } from "./outage.server";
import { logUnlessStopping } from "./lifecycle.server";
import { resilientPool } from "./pg-pool.server";

export type JobHandler = () => Promise<unknown>;

/** Recurring jobs: name → cron (UTC) and handler. Later features add theirs here. */
export interface Schedule {
  name: string;
  cron: string;
  run: JobHandler;
}

/**
 * Background work on PostgreSQL via pg-boss: safe with several app instances, since a scheduled job is
 * handed to exactly one worker.
 */
export async function startBackgroundWork(opts: { connectionString: string; smtpUrl?: string; mailFrom: string; schedules?: Schedule[] }) {
  const pool = resilientPool({ connectionString: opts.connectionString, max: 4 }, "worker");
  const transport = mailTransport(opts.smtpUrl, opts.mailFrom);
  const mail = await startMailListener(pool, transport, opts.connectionString);

  const boss = new PgBoss({ connectionString: opts.connectionString, max: 4 });
  boss.on("error", (error) => (isOutage(error) ? logUnlessStopping("error", { err: error }, "pg-boss error") : logger.error({ err: error }, "pg-boss error")));
  await boss.start();

  const schedules: Schedule[] = [{ name: "mail-sweep", cron: "* * * * *", run: () => deliverPendingMails(pool, transport) }, ...(opts.schedules ?? [])];
  for (const s of schedules) {
    await boss.createQueue(s.name);
    await boss.schedule(s.name, s.cron);
    await boss.work(s.name, async () => {
      const started = Date.now();
      await s.run();
      logger.info({ job: s.name, ms: Date.now() - started }, "job done");
    });
  }

  return {
    boss,
    drainMail: mail.drain,
    async stop() {
      await boss.stop({ graceful: true, timeout: 5000 });
      await mail.stop();
      await pool.end();
    },
  };
}
