import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { formatDateTime } from "~/i18n/format";
import { requireUser } from "~/infra/auth.server";
import { redirectWithFlash } from "~/infra/flash.server";
import { listSessionsOf } from "~/models/session.server";
import { logOutEverywhereElse } from "~/services/auth.server";

export const meta = titleMeta("account.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const sessions = await listSessionsOf(user.id, new Date());
  return {
    user: { name: user.name, email: user.email, roles: user.roles },
    sessions: sessions.map((s) => ({ id: s.id, createdAt: s.createdAt.toISOString(), userAgent: s.userAgent, current: s.tokenHash === user.sessionTokenHash })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await logOutEverywhereElse(user.id, user.sessionTokenHash);
  return redirectWithFlash(request, "/account", { kind: "success", key: "auth.loggedOutAll" });
}

export default function Account() {
  const t = useT();
  const locale = useLocale();
  const { user, sessions } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("account.title")}</h1>
      <div className="card">
        <p>
          <strong>{user.name}</strong>
          <br />
          {user.email}
        </p>
        <p>
          {t("account.roles")}: {user.roles.map((r) => t(`role.${r}`)).join(", ")}
        </p>
      </div>
      <h2>{t("account.sessions")}</h2>
      <ul className="card">
        {sessions.map((s) => (
          <li key={s.id}>
            {s.current ? <strong>{t("account.thisDevice")}: </strong> : null}
            {s.userAgent ?? "?"} — {t("account.since", { date: formatDateTime(s.createdAt, locale) })}
          </li>
        ))}
      </ul>
      <Form noValidate method="post">
        <button type="submit" className="button-secondary">
          {t("account.logoutAll")}
        </button>
      </Form>
    </>
  );
}
