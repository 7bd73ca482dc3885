import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { formatDateTime, formatWaited } from "~/i18n/format";
import { z } from "zod";
import { requirePermission } from "~/infra/auth.server";
import { queryParams } from "~/infra/http.server";
import { pendingBankChangeCount } from "~/services/bank-account-change.server";
import { reviewQueue } from "~/services/verification.server";

export const meta = titleMeta("review.queueTitle");

const FILTERS = ["waiting", "submitted", "in_review", "changes_requested", "approved", "rejected", "suspended", "all"] as const;
const QueueQuerySchema = z.object({
  status: z.enum(FILTERS).catch("waiting"),
  q: z.string().catch("").transform((q) => q.slice(0, 100)),
  after: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "review:kyc:any");
  const { status: filter, q, after } = queryParams(request, QueueQuerySchema);
  const statuses = filter === "waiting" ? "submitted,in_review" : filter;
  const [result, bankChangesWaiting] = await Promise.all([reviewQueue({ status: statuses, q, after: after ?? null }), pendingBankChangeCount()]);
  return { ...result, bankChangesWaiting, filter, q, now: new Date().toISOString() };
}

export default function VerificationQueue() {
  const t = useT();
  const locale = useLocale();
  const { items, next, filter, q, now, counts, bankChangesWaiting } = useLoaderData<typeof loader>();
  const waiting = (counts.submitted ?? 0) + (counts.in_review ?? 0);
  const waitedText = (submittedAt: string) => {
    const waited = formatWaited(submittedAt, now, locale);
    return waited ? t("review.age", { age: waited }) : t("review.ageJustNow");
  };
  return (
    <>
      <h1>{t("review.queueTitle")}</h1>
      <p>
        <Link to="/admin/rekening">{t("bankChange.admin.queueLink", { count: bankChangesWaiting })}</Link>
      </p>
      <Form method="get" className="card stack" role="search">
        <div className="field">
          <label htmlFor="q">{t("review.search")}</label>
          <input id="q" name="q" type="search" defaultValue={q} />
        </div>
        <div className="field">
          <label htmlFor="status">{t("review.filterStatus")}</label>
          <select id="status" name="status" defaultValue={filter}>
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {f === "waiting" ? `${t("status.submitted")} + ${t("status.in_review")} (${waiting})` : `${t(`status.${f}`)}${f !== "all" ? ` (${counts[f] ?? 0})` : ""}`}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("filter.apply")}</button>
      </Form>
      {items.length === 0 ? <p>{t("review.empty")}</p> : null}
      <ul className="queue">
        {items.map((s) => (
          <li key={s.id} className="card">
            <p>
              <strong>{s.name}</strong> <span className={`badge badge--${s.status}`}>{t(`status.${s.status}`)}</span>
            </p>
            <p className="muted">
              {s.ownerName}
              {s.nikMasked ? ` · ${s.nikMasked}` : ""} · {formatDateTime(s.submittedAt, locale)} · {waitedText(s.submittedAt)}
            </p>
            <Link className="button-secondary" to={`/admin/verifications/${s.id}`} aria-label={`${t("review.open")} ${s.name}`}>
              {t("review.open")}
            </Link>
          </li>
        ))}
      </ul>
      {next ? <Link to={`?status=${filter}&q=${encodeURIComponent(q)}&after=${encodeURIComponent(next)}`}>{t("pagination.next")}</Link> : null}
    </>
  );
}
