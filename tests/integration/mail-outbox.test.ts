import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/infra/db.server";
import { deliverPendingMails, type MailTransport, startMailListener } from "../../app/infra/mail-worker.server";
import { enqueueMail } from "../../app/models/outbox.server";

let pool: pg.Pool;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 6 });
});
afterAll(() => pool.end());

function recordingTransport(opts: { failFor?: string; delayMs?: number } = {}) {
  const sent: string[] = [];
  const transport: MailTransport = {
    async deliver(mail) {
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
      if (mail.to === opts.failFor) throw new Error("SMTP 451 coba lagi nanti");
      sent.push(mail.id);
      return "sent";
    },
  };
  return { transport, sent };
}

async function queue(to: string, n = 1) {
  return db().$transaction(async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await enqueueMail(tx, { to, subject: `Pesanan ${i}`, text: "Halo" })).id);
    return ids;
  });
}

describe("mail outbox", () => {
  it("writes nothing when the transaction that caused the mail rolls back", async () => {
    await expect(
      db().$transaction(async (tx) => {
        await enqueueMail(tx, { to: "batal@contoh.id", subject: "x", text: "y" });
        throw new Error("payment failed");
      }),
    ).rejects.toThrow("payment failed");
    expect(await db().outboxMail.count({ where: { toAddress: "batal@contoh.id" } })).toBe(0);
  });

  it("delivers each pending mail exactly once even with several workers draining at the same time", async () => {
    const ids = await queue("ramai@contoh.id", 12);
    const { transport, sent } = recordingTransport({ delayMs: 5 });
    const counts = await Promise.all([1, 2, 3, 4].map(() => deliverPendingMails(pool, transport)));
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(12);
    expect(sent.filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
    const rows = await db().outboxMail.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1 && r.deliveredAt)).toBe(true);
  });

  it("keeps a mail whose delivery failed for a later try and records why", async () => {
    const [id] = await queue("gagal@contoh.id");
    const { transport } = recordingTransport({ failFor: "gagal@contoh.id" });
    await deliverPendingMails(pool, transport);
    const row = await db().outboxMail.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("pending");
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain("451");
    const ok = recordingTransport();
    await deliverPendingMails(pool, ok.transport);
    expect(ok.sent).toContain(id);
  });

  it("does not lose a mail when the worker dies mid-delivery: the lock is released and the next worker sends it", async () => {
    const [id] = await queue("putus@contoh.id");
    // A worker that holds the row and dies (its connection drops) before marking it delivered.
    const dying = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await dying.connect();
    await dying.query("BEGIN");
    await dying.query("SELECT id FROM outbox_mails WHERE id = $1 FOR UPDATE", [id]);
    const during = recordingTransport();
    await deliverPendingMails(pool, during.transport);
    expect(during.sent).not.toContain(id); // locked by the other worker: skipped, not sent twice
    await dying.end();
    const after = recordingTransport();
    await deliverPendingMails(pool, after.transport);
    expect(after.sent).toContain(id);
  });

  it("wakes the listener when a mail commits", async () => {
    const { transport, sent } = recordingTransport();
    const listener = await startMailListener(pool, transport, process.env.DATABASE_URL!);
    const [id] = await queue("cepat@contoh.id");
    for (let i = 0; i < 50 && !sent.includes(id); i++) await new Promise((r) => setTimeout(r, 50));
    await listener.stop();
    expect(sent).toContain(id);
  });
});
