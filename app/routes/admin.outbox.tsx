import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { formatDateTime } from "~/i18n/format";
import { requirePermission } from "~/infra/auth.server";
import { listOutbox } from "~/models/outbox.server";

export const meta = titleMeta("outbox.title");

const PAGE = 30;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:outbox:any");
  const url = new URL(request.url);
  const cursor = url.searchParams.get("after");
  const to = url.searchParams.get("to")?.trim().toLowerCase() || undefined;
  const after = cursor ? { createdAt: new Date(cursor.split("_")[0]), id: cursor.split("_")[1] } : undefined;
  const rows = await listOutbox({ after: after && !Number.isNaN(after.createdAt.getTime()) ? after : undefined, take: PAGE + 1, to });
  const page = rows.slice(0, PAGE);
  const last = page[page.length - 1];
  return {
    to: to ?? "",
    mails: page.map((m) => ({ id: m.id, to: m.toAddress, subject: m.subject, text: m.textBody, status: m.status, createdAt: m.createdAt.toISOString() })),
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
