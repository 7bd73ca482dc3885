import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { formatDateTime } from "~/i18n/format";
import { requireUser } from "~/infra/auth.server";
import { listNotifications, markRead } from "~/models/notification.server";

export const meta = titleMeta("notifications.title");

/** Opening the list is reading it: what it shows is marked read, and shown once more as new. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const rows = await listNotifications(user.id);
  const unread = rows.filter((n) => !n.readAt).map((n) => n.id);
  if (unread.length) await markRead(user.id, unread, new Date());
  return { notifications: rows.map((n) => ({ id: n.id, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt.toISOString(), isNew: !n.readAt })) };
}

export default function Notifications() {
  const t = useT();
  const locale = useLocale();
  const { notifications } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("notifications.title")}</h1>
      {notifications.length === 0 ? <p>{t("notifications.empty")}</p> : null}
      {notifications.map((n) => (
        <article key={n.id} className="card" aria-label={n.title}>
          <h2>
            {n.isNew ? <span className="badge">{t("notifications.new")}</span> : null} {n.title}
          </h2>
          <p className="muted">{formatDateTime(n.createdAt, locale)}</p>
          <p style={{ whiteSpace: "pre-wrap" }}>{n.body}</p>
          {n.link ? <Link to={n.link} className="tap-link">{t("notifications.open")}</Link> : null}
        </article>
      ))}
    </>
  );
}
