import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import pg from "pg";
import { revealSecrets } from "~/domain/mail/secrets";
import { env } from "./env.server";
import { logger } from "./logger.server";
import { listenWithReconnect } from "./pg-listen.server";
import { derivedToken } from "./tokens.server";

export interface MailTransport {
  /** "sent" when it left through SMTP, "local" when it stays in the local outbox. */
  deliver(mail: { id: string; to: string; subject: string; text: string }): Promise<"sent" | "local">;
}

/**
 * The outbox stores secret links as placeholders (app/domain/mail/secrets.ts); the real token is put in only
 * here, on the way out. Without SMTP the mail stays in the local outbox, where admins see it with the secret
 * hidden; in development and tests the full mail is also written to DATA_DIR/mail/ so a developer can follow
 * a reset link. Never in production.
 */
export function mailTransport(smtpUrl: string | undefined, from: string): MailTransport {
  const reveal = (text: string) => revealSecrets(text, derivedToken);
  if (!smtpUrl) {
    const devMailDir = env().NODE_ENV === "production" ? null : path.resolve(env().DATA_DIR, "mail");
    return {
      async deliver(mail) {
        if (devMailDir) {
          await mkdir(devMailDir, { recursive: true });
          await writeFile(path.join(devMailDir, `${mail.id}.txt`), `To: ${mail.to}\nSubject: ${mail.subject}\n\n${reveal(mail.text)}\n`, { mode: 0o600 });
        }
        return "local";
      },
    };
  }
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async deliver(mail) {
      // A stable Message-ID lets the receiving side drop a duplicate if a crash made us send twice.
      await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: reveal(mail.text), messageId: `<${mail.id}@lapak.outbox>` });
      return "sent";
    },
  };
}

const MAX_ATTEMPTS = 8;

/**
 * Delivers pending mails one by one. Each mail is locked (FOR UPDATE SKIP LOCKED) for the length of its
 * delivery and marked delivered in the same transaction, so two workers never send the same mail, and
 * a worker that dies mid-way leaves it pending for the next one.
 */
export async function deliverPendingMails(pool: pg.Pool, transport: MailTransport): Promise<number> {
  let delivered = 0;
  const failedThisRound: string[] = [];
  for (;;) {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<{ id: string; to_address: string; subject: string; text_body: string; attempts: number }>(
        `SELECT id, to_address, subject, text_body, attempts FROM outbox_mails
          WHERE status = 'pending' AND NOT (id = ANY($1::uuid[]))
          ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [failedThisRound],
      );
      const mail = rows[0];
      if (!mail) {
        await client.query("COMMIT");
        return delivered;
      }
      try {
        const outcome = await transport.deliver({ id: mail.id, to: mail.to_address, subject: mail.subject, text: mail.text_body });
        await client.query(`UPDATE outbox_mails SET status = $2, attempts = attempts + 1, delivered_at = now(), last_error = NULL WHERE id = $1`, [mail.id, outcome]);
        delivered++;
      } catch (error) {
        failedThisRound.push(mail.id);
        const status = mail.attempts + 1 >= MAX_ATTEMPTS ? "failed" : "pending";
        await client.query(`UPDATE outbox_mails SET status = $2, attempts = attempts + 1, last_error = $3 WHERE id = $1`, [mail.id, status, String((error as Error).message).slice(0, 1000)]);
        logger.warn({ mailId: mail.id, err: (error as Error).message }, "mail delivery failed");
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

/**
 * Listens for new mails and drains the outbox; the minute sweep in jobs.server.ts covers missed notices.
 * The LISTEN connection reconnects with backoff when the database goes away (pg-listen.server.ts), draining once
 * it is back for any mail queued while it was gone.
 */
export async function startMailListener(pool: pg.Pool, transport: MailTransport, connectionString: string) {
  let running: Promise<unknown> = Promise.resolve();
  const drain = () => {
    running = running.then(() => deliverPendingMails(pool, transport)).catch((error) => logger.error({ err: error }, "mail drain failed"));
    return running;
  };
  const listener = await listenWithReconnect({
    connectionString,
    channel: "outbox_mails",
    what: "mail listener",
    onNotification: () => void drain(),
    onReconnect: () => void drain(),
  });
  await drain();
  return {
    drain,
    async stop() {
      await listener.stop();
      await running;
    },
  };
}
