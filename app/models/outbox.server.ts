import { db, type Tx } from "~/infra/db.server";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Written in the caller's transaction: the mail exists if and only if the event that caused it committed. */
export function enqueueMail(tx: Tx, mail: MailMessage) {
  return tx.outboxMail.create({ data: { toAddress: mail.to, subject: mail.subject, textBody: mail.text } });
}

/** Newest first, keyset-paginated on (created_at, id). */
export function listOutbox(opts: { after?: { createdAt: Date; id: string }; take?: number; to?: string }) {
  const take = opts.take ?? 50;
  return db().outboxMail.findMany({
    where: {
      ...(opts.to ? { toAddress: opts.to } : {}),
      ...(opts.after
        ? { OR: [{ createdAt: { lt: opts.after.createdAt } }, { createdAt: opts.after.createdAt, id: { lt: opts.after.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}
