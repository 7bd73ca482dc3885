import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError } from "~/components/forms/fields";
import { useLocale, useT } from "~/components/i18n";
import { useOnboarding } from "~/components/kyc/step-helpers";
import { findProvince, findRegency } from "~/domain/regions/data";
import { formatDate, formatDateTime } from "~/i18n/format";
import { requireUser } from "~/infra/auth.server";
import { redirectWithFlash } from "~/infra/flash.server";
import { findShopOfOwner } from "~/models/shop.server";
import { submitForReview } from "~/services/onboarding.server";
import { saveStep } from "~/services/step-actions.server";
import { sellerTimeline } from "~/services/verification.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const shop = await findShopOfOwner(user.id);
  return { timeline: shop ? await sellerTimeline(shop.id) : [] };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const saved = await saveStep(() => submitForReview(user));
  if (!saved.ok) return saved.response;
  return redirectWithFlash(request, "/seller/onboarding/review", { kind: "success", key: "onboarding.submitted" });
}

export default function ReviewStep() {
  const t = useT();
  const locale = useLocale();
  const { onboarding } = useOnboarding();
  const { timeline } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!onboarding) {
    return (
      <p>
        <Link to="/seller/onboarding/shop">{t("onboarding.missing.shop")}</Link>
      </p>
    );
  }
  const { shop, identity, tax, bank, documents, missing, editable, requested } = onboarding;
  const statusLead: Record<string, string> = {
    approved: "onboarding.approvedLead",
    rejected: "onboarding.rejectedLead",
    submitted: "onboarding.waitingLead",
    in_review: "onboarding.waitingLead",
  };
  return (
    <section>
      <h2>{t("onboarding.step.review")}</h2>
      {statusLead[shop.status] ? <div className={`alert alert--${shop.status === "rejected" ? "error" : "info"}`}>{t(statusLead[shop.status])}</div> : null}
      {requested.length ? (
        <div className="alert alert--warn">
          <strong>{t("onboarding.changesTitle")}</strong>
          <p>{t("onboarding.changesLead")}</p>
          <ul>
            {requested.map((r, i) => (
              <li key={i}>
                {t(`doc.${r.document}`)}: {t(`reason.${r.code}`)}
                {r.note ? ` (${r.note})` : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="grid-2">
        <div className="card">
          <h3>{t("onboarding.step.shop")}</h3>
          <p>
            <strong>{shop.name}</strong> · lapak.id/toko/{shop.slug}
            <br />
            {[shop.street, shop.district, findRegency(shop.regencyCode)?.name, findProvince(shop.provinceCode)?.name, shop.postalCode].filter(Boolean).join(", ")}
            <br />
            {shop.phone}
          </p>
          <Link to="../shop">{t("onboarding.edit", { section: t("onboarding.step.shop") })}</Link>
        </div>
        <div className="card">
          <h3>{t("onboarding.step.identity")}</h3>
          <p>
            {identity.fullName} · {identity.nikMasked}
            {identity.birthDate ? ` · ${formatDate(identity.birthDate, locale, "UTC")}` : ""}
            {identity.sex ? ` · ${t(identity.sex === "L" ? "onboarding.identity.male" : "onboarding.identity.female")}` : ""}
          </p>
          <DocumentThumb kind="ktp" doc={documents.ktp} />
          <Link to="../identity">{t("onboarding.edit", { section: t("onboarding.step.identity") })}</Link>
        </div>
        <div className="card">
          <h3>{t("onboarding.step.tax")}</h3>
          <p>
            {tax.npwpMasked || "—"}
          </p>
          <DocumentThumb kind="npwp" doc={documents.npwp} />
          <Link to="../tax">{t("onboarding.edit", { section: t("onboarding.step.tax") })}</Link>
        </div>
        <div className="card">
          <h3>{t("onboarding.step.bank")}</h3>
          <p>
            {bank.bankName} · {bank.accountMasked} · {bank.holderName}
          </p>
          <DocumentThumb kind="bank_book" doc={documents.bank_book} />
          <Link to="../bank">{t("onboarding.edit", { section: t("onboarding.step.bank") })}</Link>
        </div>
      </div>
      {editable ? (
        <>
          <h3>{t("onboarding.missingTitle")}</h3>
          {missing.length ? (
            <ul className="missing-list">
              {missing.map((m) => (
                <li key={m}>{t(m)}</li>
              ))}
            </ul>
          ) : (
            <p>{t("onboarding.nothingMissing")}</p>
          )}
          <FormError error={actionData?.errors?._form} />
          <Form noValidate method="post">
            <button type="submit" disabled={missing.length > 0}>
              {t("onboarding.submit")}
            </button>
          </Form>
        </>
      ) : null}
      {timeline.length ? (
        <>
          <h3>{t("onboarding.timeline")}</h3>
          <ol className="timeline">
            {timeline.map((e) => (
              <li key={e.id}>
                <strong>{t(`status.${e.to}`)}</strong> · {formatDateTime(e.createdAt, locale)}
                {e.reason ? <p>{e.reason}</p> : null}
                {e.documentReasons.length ? (
                  <ul>
                    {e.documentReasons.map((r, i) => (
                      <li key={i}>
                        {t(`doc.${r.document}`)}: {t(`reason.${r.code}`)}
                        {r.note ? ` (${r.note})` : ""}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

/** A small preview of an uploaded document (a link for PDFs), named by kind and version. */
function DocumentThumb({ kind, doc }: { kind: string; doc: { url: string; contentType: string; version: number; deleted: boolean } | undefined }) {
  const t = useT();
  const name = `${t(`doc.${kind}`)} · ${t("review.version", { n: doc?.version ?? 0 })}`;
  if (!doc || doc.deleted) return <p className="muted">{t(`doc.${kind}`)}: —</p>;
  return (
    <figure className="doc-thumb">
      <a href={doc.url} target="_blank" rel="noreferrer">
        {doc.contentType.startsWith("image/") ? <img src={doc.url} alt={name} width={96} height={64} loading="lazy" /> : <span className="doc-thumb__file">PDF</span>}
      </a>
      <figcaption>{name}</figcaption>
    </figure>
  );
}
