import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { formatDateTime, formatWaited } from "~/i18n/format";
import { requirePermission } from "~/infra/auth.server";
import { NO_STORE, noStoreHeaders } from "~/infra/http.server";
import { bankChangeQueue } from "~/services/bank-account-change.server";

export const meta = titleMeta("bankChange.admin.title");
export const headers = noStoreHeaders;

/** The payout account changes waiting for review (oldest first), reviewed with the verification reviewers' permission. */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "review:kyc:any");
  return data({ ...(await bankChangeQueue(admin)), now: new Date().toISOString() }, { headers: NO_STORE });
}

export default function BankChangeQueue() {
  const t = useT();
  const locale = useLocale();
  const { pending, closed, now } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/admin/verifications">← {t("review.queueTitle")}</Link>
      </p>
      <h1>{t("bankChange.admin.title")}</h1>
      <p className="muted">{t("bankChange.admin.lead")}</p>
      <h2>{t("bankChange.admin.pending", { count: pending.length })}</h2>
      {pending.length === 0 ? <p>{t("bankChange.admin.empty")}</p> : null}
      <ul className="queue">
        {pending.map((c) => {
          const waited = formatWaited(c.createdAt, now, locale);
          return (
            <li key={c.id} className="card">
              <p>
                <strong>{c.shopName}</strong> <span className="badge badge--in_review">{t("bankChange.status.pending")}</span>
              </p>
              <p className="muted">
                {c.ownerName} · {t("bankChange.accountLine", { bank: c.bankName, account: c.accountMasked, holder: c.holderName })}
                <br />
                {t("bankChange.admin.requestedAt", { date: formatDateTime(c.createdAt, locale) })} · {waited ? t("review.age", { age: waited }) : t("review.ageJustNow")}
              </p>
              <Link className="button-secondary" to={`/admin/rekening/${c.id}`} aria-label={`${t("bankChange.admin.open")} ${c.shopName}`}>
                {t("bankChange.admin.open")}
              </Link>
            </li>
          );
        })}
      </ul>
      {closed.length ? (
        <>
          <h2>{t("bankChange.admin.closed")}</h2>
          <ul className="queue">
            {closed.map((c) => (
              <li key={c.id} className="card">
                <p>
                  <Link to={`/admin/rekening/${c.id}`}>{c.shopName}</Link> <span className={`badge badge--${c.status === "cancelled" ? "draft" : c.status}`}>{t(`bankChange.status.${c.status}`)}</span>
                </p>
                <p className="muted">
                  {t("bankChange.accountLine", { bank: c.bankName, account: c.accountMasked, holder: c.holderName })}
                  {c.reviewedAt ? ` · ${formatDateTime(c.reviewedAt, locale)}` : ""}
                  {c.reviewerName ? ` · ${c.reviewerName}` : ""}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
