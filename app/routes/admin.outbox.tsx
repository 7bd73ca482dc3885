import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { formatDateTime } from "~/i18n/format";
import { redactSecrets } from "~/domain/mail/secrets";
import { requirePermission } from "~/infra/auth.server";
import { translatorFor } from "~/infra/locale.server";
import { queryParams } from "~/infra/http.server";
import { listOutbox } from "~/models/outbox.server";
import { parseTimeIdCursor } from "~/schemas/params";

export const meta = titleMeta("outbox.title");

const PAGE = 30;
const OutboxQuerySchema = z.object({ after: z.string().optional(), to: z.string().max(320).optional().catch(undefined) });

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:outbox:any");
  const query = queryParams(request, OutboxQuerySchema);
  const to = query.to?.trim().toLowerCase() || undefined;
  const cursor = parseTimeIdCursor(query.after);
  const rows = await listOutbox({ after: cursor ? { createdAt: cursor.at, id: cursor.id } : undefined, take: PAGE + 1, to });
  const page = rows.slice(0, PAGE);
  const last = page[page.length - 1];
  // Secret-bearing links (password reset) are stored as placeholders and shown hidden: an admin cannot use them.
  const hidden = (await translatorFor(request))("outbox.secretHidden");
  return {
    to: to ?? "",
    mails: page.map((m) => ({ id: m.id, to: m.toAddress, subject: m.subject, text: redactSecrets(m.textBody, hidden), status: m.status, createdAt: m.createdAt.toISOString() })),
    next: rows.length > PAGE && last ? `${last.createdAt.toISOString()}_${last.id}` : null,
  };
}

export default function Outbox() {
  const t = useT();
  const locale = useLocale();
  const { mails, next, to } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("outbox.title")}</h1>
      <p className="muted">{t("outbox.lead")}</p>
      <form method="get" className="row">
        <label htmlFor="outbox-to">{t("outbox.to")}</label>
        <input id="outbox-to" name="to" type="email" defaultValue={to} className="input input--grow" />
        <button type="submit">{t("filter.apply")}</button>
      </form>
      {mails.length === 0 ? <p>{t("outbox.empty")}</p> : null}
      {mails.map((m) => (
        <article key={m.id} className="card" aria-label={m.subject}>
          <p>
            <strong>{m.subject}</strong> <span className="badge">{t(`outbox.status.${m.status}`)}</span>
          </p>
          <p className="muted">
            {t("outbox.to")}: {m.to} · {formatDateTime(m.createdAt, locale)}
          </p>
          <pre className="mail">{m.text}</pre>
        </article>
      ))}
      {next ? (
        <Link to={`?after=${encodeURIComponent(next)}${to ? `&to=${encodeURIComponent(to)}` : ""}`}>{t("pagination.next")}</Link>
      ) : null}
    </>
  );
}
