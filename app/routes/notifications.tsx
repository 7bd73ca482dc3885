import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { formatDateTime } from "~/i18n/format";
import { requireUser } from "~/infra/auth.server";
import { listNotifications, markAllRead } from "~/models/notification.server";

export const meta = titleMeta("notifications.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const rows = await listNotifications(user.id);
  return { notifications: rows.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await markAllRead(user.id, new Date());
  return { ok: true };
}

export default function Notifications() {
  const t = useT();
  const locale = useLocale();
  const { notifications } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("notifications.title")}</h1>
      {notifications.length === 0 ? <p>{t("notifications.empty")}</p> : null}
      {notifications.some((n) => !n.readAt) ? (
        <Form method="post">
          <button type="submit" className="button-secondary">
            {t("notifications.markRead")}
          </button>
        </Form>
      ) : null}
      {notifications.map((n) => (
        <article key={n.id} className="card" aria-label={n.title}>
          <h2>
            {n.readAt ? null : <span className="badge">•</span>} {n.title}
          </h2>
          <p className="muted">{formatDateTime(n.createdAt, locale)}</p>
          <p style={{ whiteSpace: "pre-wrap" }}>{n.body}</p>
          {n.link ? <Link to={n.link}>{t("notifications.open")}</Link> : null}
        </article>
      ))}
    </>
  );
}
