import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, SelectField, TextAreaField } from "~/components/forms/fields";
import { useLocale, useT } from "~/components/i18n";
import { DocumentViewer } from "~/components/kyc/document-viewer";
import { ConfirmFlagsField, ReviewFlags, useFlagConfirmation } from "~/components/kyc/review-flags";
import { titleMeta } from "~/components/meta";
import { DomainError } from "~/domain/errors";
import { actorRoleKey, auditEventKey, documentLabel } from "~/domain/kyc/audit";
import { allowedEvents, DOCUMENT_REASON_CODES, type DocumentReason, isShopStatus } from "~/domain/kyc/verification";
import { formatDateTime, formatKtpDate } from "~/i18n/format";
import { redirectWithFlash } from "~/infra/flash.server";
import { formError, parseForm } from "~/infra/forms.server";
import { noStoreHeaders, statusOf } from "~/infra/http.server";
import { requireReviewOf, reviewPageData } from "~/infra/review-route.server";
import { DecisionSchema, DOCUMENT_REASON_FIELDS } from "~/schemas/onboarding";
import { decide, loadReview } from "~/services/verification.server";

export const meta = titleMeta("review.queueTitle");
// The page shows the full NIK, NPWP and account number.
export const headers = noStoreHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { admin, id: shopId } = await requireReviewOf(request, params, "shopId");
  return reviewPageData(() => loadReview(shopId, admin));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { admin, id: shopId } = await requireReviewOf(request, params, "shopId");
  const form = await request.formData();
  const parsed = await parseForm(request, DecisionSchema, form);
  if (!parsed.ok) return parsed.response;
  const d = parsed.data;
  const documentReasons: DocumentReason[] = DOCUMENT_REASON_FIELDS.flatMap((doc) => {
    const code = d[`${doc}Reason`];
    if (!code || !(DOCUMENT_REASON_CODES as readonly string[]).includes(code)) return [];
    const note = String(form.get(`${doc}Note`) ?? "").trim().slice(0, 500);
    return [{ document: doc, code: code as DocumentReason["code"], ...(note ? { note } : {}) }];
  });
  try {
    await decide(admin, shopId, { intent: d.intent, version: d.version, reason: d.reason, documentReasons: d.intent === "request_changes" || d.intent === "reject" ? documentReasons : [], confirmFlags: d.confirmFlags !== "" });
  } catch (error) {
    if (error instanceof DomainError) {
      const field = error.messageKey === "kyc_reason_required" ? "reason" : error.messageKey === "review.confirmFlagsRequired" ? "confirmFlags" : "_form";
      return formError(error.messageKey, statusOf(error), field, parsed.values);
    }
    throw error;
  }
  return redirectWithFlash(request, `/admin/verifications/${shopId}`, { kind: "success", key: "review.decided" });
}

const INTENT_LABEL: Record<string, string> = {
  approve: "review.approve",
  reject: "review.reject",
  request_changes: "review.requestChanges",
  suspend: "review.suspend",
  reinstate: "review.reinstate",
};

export default function ReviewPage() {
  const t = useT();
  const locale = useLocale();
  const r = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const events = isShopStatus(r.shop.status) ? allowedEvents(r.shop.status, "admin").filter((e) => e !== "start_review") : [];
  const docFor = (kind: string) => r.documents.find((d) => d.kind === kind);
  // What the admin typed comes back with a refusal, so a page rendered without JavaScript keeps it.
  const posted: Record<string, string> = actionData?.values ?? {};
  const confirmation = useFlagConfirmation(r.flags);
  const docName = (doc: { kind: string; version: number } | undefined) => {
    const label = documentLabel(doc);
    return t(label.key, { ...label.vars, doc: t(String(label.vars.doc)) });
  };

  const panels: { kind: string; title: string; rows: [string, string | null][] }[] = [
    {
      kind: "ktp",
      title: t("review.identity"),
      rows: [
        [t("onboarding.identity.fullName"), r.identity.fullName],
        [t("onboarding.identity.nik"), r.identity.nik],
        [t("onboarding.identity.birthDateLabel"), r.identity.birthDate ? formatKtpDate(r.identity.birthDate) : null],
        [t("onboarding.identity.sex"), r.identity.sex ? t(`review.sexName.${r.identity.sex}`) : null],
      ],
    },
    { kind: "npwp", title: t("review.tax"), rows: [[t("onboarding.tax.npwp"), r.tax.npwp], ["", r.tax.npwpIsNik ? t("onboarding.tax.npwpIsNik") : null]] },
    {
      kind: "bank_book",
      title: t("review.bank"),
      rows: [
        [t("onboarding.bank.bank"), r.bank.bank],
        [t("onboarding.bank.account"), r.bank.account],
        [t("onboarding.bank.holder"), r.bank.holderName],
      ],
    },
  ];

  return (
    <>
      <p>
        <Link to="/admin/verifications">← {t("review.queueTitle")}</Link>
      </p>
      <h1>{t("review.title", { shop: r.shop.name })}</h1>
      <p>
        <span className={`badge badge--${r.shop.status}`}>{t(`status.${r.shop.status}`)}</span> · {r.shop.ownerEmail}
      </p>
      <ReviewFlags flags={r.flags} />
      <section className="card">
        <h2>{t("review.shopData")}</h2>
        <p>
          {r.shop.name} · {r.shop.slug}
          <br />
          {r.shop.address}
          <br />
          {r.shop.phone}
        </p>
        {r.shop.description ? <p className="muted">{r.shop.description}</p> : null}
      </section>
      {panels.map((p) => {
        const doc = docFor(p.kind);
        return (
          <section key={p.kind} className="review-pair" aria-label={p.title}>
            <div className="card">
              <h2>{p.title}</h2>
              <dl>
                {p.rows
                  .filter(([, v]) => v)
                  .map(([label, value], i) => (
                    <div key={i} className="dl-row">
                      {label ? <dt>{label}</dt> : null}
                      <dd>{value}</dd>
                    </div>
                  ))}
              </dl>
              {p.kind === "ktp" && r.identity.decoded ? (
                <p className="muted">
                  {t("review.decodedNik", {
                    province: r.identity.decoded.province,
                    regency: r.identity.decoded.regency,
                    birth: r.identity.decoded.birth,
                    sex: t(`review.sex.${r.identity.decoded.sex}`),
                  })}
                </p>
              ) : null}
            </div>
            <div className="card">
              {doc && !doc.deleted ? (
                <>
                  <p>
                    {t(`doc.${p.kind}`)} · {t("review.version", { n: doc.version })}
                  </p>
                  <DocumentViewer url={doc.url} contentType={doc.contentType} label={t(`doc.${p.kind}`)} />
                  {doc.history.length ? (
                    <details>
                      <summary>{t("review.history")}</summary>
                      <ul>
                        {doc.history.map((h) => (
                          <li key={h.id}>
                            <a href={h.url} target="_blank" rel="noreferrer">
                              {t("review.version", { n: h.version })}
                            </a>{" "}
                            · {formatDateTime(h.createdAt, locale)}
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                </>
              ) : (
                <p className="muted">{doc?.deleted ? t("review.deleted") : `${t(`doc.${p.kind}`)}: —`}</p>
              )}
            </div>
          </section>
        );
      })}
      {docFor("selfie") ? (
        <section className="card">
          <h2>{t("doc.selfie")}</h2>
          <DocumentViewer url={docFor("selfie")!.url} contentType={docFor("selfie")!.contentType} label={t("doc.selfie")} />
        </section>
      ) : null}

      {events.length ? (
        <section className="card" aria-labelledby="decision-title">
          <h2 id="decision-title">{t("review.decision")}</h2>
          <FormError error={actionData?.errors?._form} />
          <Form noValidate method="post" className="stack">
            <input type="hidden" name="version" value={r.shop.version} />
            {events.includes("request_changes") ? (
              <fieldset>
                {DOCUMENT_REASON_FIELDS.filter((d) => d !== "selfie" || docFor("selfie")).map((d) => (
                  <div key={d} className="doc-reason">
                    <SelectField name={`${d}Reason`} label={t("review.docReason", { doc: t(`doc.${d}`) })} defaultValue={posted[`${d}Reason`] ?? ""}>
                      <option value="">{t("review.noProblem")}</option>
                      {DOCUMENT_REASON_CODES.map((c) => (
                        <option key={c} value={c}>
                          {t(`reason.${c}`)}
                        </option>
                      ))}
                    </SelectField>
                    <input type="text" name={`${d}Note`} defaultValue={posted[`${d}Note`]} aria-label={`${t("review.docReason", { doc: t(`doc.${d}`) })}: ${t("review.reason")}`} placeholder={t("review.reason")} />
                  </div>
                ))}
              </fieldset>
            ) : null}
            <TextAreaField name="reason" label={t("review.reason")} rows={3} defaultValue={posted.reason} error={actionData?.errors?.reason} />
            {events.includes("approve") && r.flags.length ? <ConfirmFlagsField confirmation={confirmation} error={actionData?.errors?.confirmFlags} /> : null}
            <div className="row">
              {events.map((e) => (
                <button
                  key={e}
                  type="submit"
                  name="intent"
                  value={e}
                  className={e === "reject" || e === "suspend" ? "button-danger" : undefined}
                  disabled={navigation.state === "submitting"}
                  onClick={e === "approve" ? confirmation.onApprove : undefined}
                >
                  {t(INTENT_LABEL[e])}
                </button>
              ))}
            </div>
          </Form>
        </section>
      ) : null}

      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t("review.timeline")}</h2>
        <ol className="timeline">
          {r.events.map((e) => (
            <li key={e.id}>
              <strong>
                {e.bankChangeId ? (
                  <Link to={`/admin/rekening/${e.bankChangeId}`}>{t(auditEventKey({ ...e, bankChange: true }).key)}</Link>
                ) : (
                  t(auditEventKey(e).key, { from: t(`status.${e.from}`), to: t(`status.${e.to}`) })
                )}
              </strong>{" "}
              · {t(actorRoleKey(e.actorRole))}
              {e.actorName ? ` (${e.actorName})` : ""} · {formatDateTime(e.createdAt, locale)}
              {e.reason && e.reason !== "created" ? <p>{e.reason}</p> : null}
              {e.documentReasons.length ? (
                <ul>
                  {e.documentReasons.map((d, i) => (
                    <li key={i}>
                      {t(`doc.${d.document}`)}: {t(`reason.${d.code}`)}
                      {d.note ? ` (${d.note})` : ""}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      <section className="card" aria-labelledby="access-log-title">
        <h2 id="access-log-title">{t("review.accessLog")}</h2>
        <ul>
          {r.accessLog.map((a, i) => (
            <li key={i}>
              {a.viewerName ?? t(actorRoleKey(a.viewerRole))} · {docName(a.document ?? undefined)} · {formatDateTime(a.at, locale)}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
