import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, TextAreaField } from "~/components/forms/fields";
import { useLocale, useT } from "~/components/i18n";
import { BankAccountCard } from "~/components/kyc/bank-account-card";
import { DocumentViewer } from "~/components/kyc/document-viewer";
import { ConfirmFlagsField, ReviewFlags, useFlagConfirmation } from "~/components/kyc/review-flags";
import { titleMeta } from "~/components/meta";
import { DomainError } from "~/domain/errors";
import { actorRoleKey, auditEventKey } from "~/domain/kyc/audit";
import { formatDateTime } from "~/i18n/format";
import { redirectWithFlash } from "~/infra/flash.server";
import { formError, parseForm } from "~/infra/forms.server";
import { noStoreHeaders, statusOf } from "~/infra/http.server";
import { requireReviewOf, reviewPageData } from "~/infra/review-route.server";
import { BankChangeDecisionSchema } from "~/schemas/bank-change";
import { loadBankChangeReview, reviewBankAccountChange } from "~/services/bank-account-change.server";

export const meta = titleMeta("bankChange.admin.title");
// The page shows the old and the new account number in full.
export const headers = noStoreHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { admin, id: changeId } = await requireReviewOf(request, params, "changeId");
  return reviewPageData(() => loadBankChangeReview(admin, changeId));
}

const FIELD_OF: Record<string, string> = { "bankChange.errors.reasonRequired": "reason", "review.confirmFlagsRequired": "confirmFlags" };

export async function action({ request, params }: ActionFunctionArgs) {
  const { admin, id: changeId } = await requireReviewOf(request, params, "changeId");
  const parsed = await parseForm(request, BankChangeDecisionSchema);
  if (!parsed.ok) return parsed.response;
  try {
    await reviewBankAccountChange(admin, changeId, parsed.data.intent, { note: parsed.data.reason, confirmFlags: parsed.data.confirmFlags !== "" });
  } catch (error) {
    if (error instanceof DomainError) return formError(error.messageKey, statusOf(error), FIELD_OF[error.messageKey] ?? "_form", parsed.values);
    throw error;
  }
  return redirectWithFlash(request, `/admin/rekening/${changeId}`, { kind: "success", key: "bankChange.admin.decided" });
}

export default function BankChangeReview() {
  const t = useT();
  const locale = useLocale();
  const r = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const confirmation = useFlagConfirmation(r.flags);
  const statusBadge = (status: string) => <span className={`badge badge--${status === "pending" ? "in_review" : status === "cancelled" ? "draft" : status}`}>{t(`bankChange.status.${status}`)}</span>;
  return (
    <>
      <p>
        <Link to="/admin/rekening">← {t("bankChange.admin.title")}</Link>
      </p>
      <h1>{t("bankChange.admin.reviewTitle", { shop: r.shop.name })}</h1>
      <p>
        {statusBadge(r.change.status)} · {t("bankChange.admin.requestedAt", { date: formatDateTime(r.change.createdAt, locale) })} · {r.shop.ownerEmail} ·{" "}
        <Link to={`/admin/verifications/${r.shop.id}`}>{t("bankChange.admin.shopReview")}</Link>
      </p>
      <ReviewFlags flags={r.flags}>
        <p>
          {t("bankChange.admin.ktpName")}: <strong>{r.shop.ktpName ?? "—"}</strong>
        </p>
      </ReviewFlags>

      <div className="review-pair review-pair--even">
        <BankAccountCard title={t("bankChange.admin.old")} account={r.previous ? { bankName: `${r.previous.bankName} (${r.previous.bankCode})`, account: r.previous.account, holderName: r.previous.holderName } : null}>
          {r.previous ? null : <p className="muted">{t("bankChange.admin.noPrevious")}</p>}
        </BankAccountCard>
        <BankAccountCard title={t("bankChange.admin.new")} account={{ bankName: `${r.next.bankName} (${r.next.bankCode})`, account: r.next.account, holderName: r.next.holderName }} />
      </div>
      <div className="review-pair review-pair--even">
        <section className="card" aria-label={t("bankChange.newBook")}>
          {r.document ? (
            <DocumentViewer url={r.document.url} contentType={r.document.contentType} label={t("bankChange.newBook")} />
          ) : (
            <p className="muted">{t("bankChange.admin.noDocument")}</p>
          )}
        </section>
        <section className="card" aria-label={t("bankChange.admin.oldBook")}>
          {r.previousDocument ? (
            <DocumentViewer url={r.previousDocument.url} contentType={r.previousDocument.contentType} label={t("bankChange.admin.oldBook")} />
          ) : (
            <p className="muted">{t("bankChange.admin.noDocument")}</p>
          )}
        </section>
      </div>

      {r.canDecide ? (
        <section className="card" aria-labelledby="decision-title">
          <h2 id="decision-title">{t("review.decision")}</h2>
          <FormError error={actionData?.errors?._form} />
          <Form noValidate method="post" className="stack">
            <TextAreaField name="reason" label={t("review.reason")} rows={3} defaultValue={actionData?.values?.reason} error={actionData?.errors?.reason} />
            {r.flags.length ? <ConfirmFlagsField confirmation={confirmation} error={actionData?.errors?.confirmFlags} /> : null}
            <div className="row">
              <button type="submit" name="intent" value="approve" disabled={busy} onClick={confirmation.onApprove}>
                {t("bankChange.admin.approve")}
              </button>
              <button type="submit" name="intent" value="reject" className="button-danger" disabled={busy}>
                {t("bankChange.admin.reject")}
              </button>
            </div>
          </Form>
        </section>
      ) : r.change.reviewerName && r.change.reviewedAt ? (
        <p className="card">
          {t("bankChange.admin.decidedBy", { status: t(`bankChange.status.${r.change.status}`), name: r.change.reviewerName, date: formatDateTime(r.change.reviewedAt, locale) })}
          {r.change.reviewNote ? ` — ${r.change.reviewNote}` : ""}
        </p>
      ) : null}

      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t("review.timeline")}</h2>
        <ol className="timeline">
          {r.events.map((e) => (
            <li key={e.id}>
              <strong>{t(auditEventKey({ from: "", to: e.to, reason: e.reason, bankChange: true }).key)}</strong> · {t(actorRoleKey(e.actorRole))}
              {e.actorName ? ` (${e.actorName})` : ""} · {formatDateTime(e.createdAt, locale)}
              {e.reason ? <p>{e.reason}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
