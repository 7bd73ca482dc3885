import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, TextField } from "~/components/forms/fields";
import { useZodForm } from "~/components/forms/use-zod-form";
import { useLocale, useT } from "~/components/i18n";
import { BankAccountCard } from "~/components/kyc/bank-account-card";
import { BankAccountFields } from "~/components/kyc/bank-account-fields";
import { DocumentUpload } from "~/components/kyc/document-upload";
import { titleMeta } from "~/components/meta";
import { BANK_CHANGE_DOCUMENT_KIND } from "~/domain/kyc/bank-change";
import { formatDateTime } from "~/i18n/format";
import { requireShopOwner } from "~/infra/auth.server";
import { redirectWithFlash } from "~/infra/flash.server";
import { formError, parseForm } from "~/infra/forms.server";
import { badRequest, NO_STORE, noStoreHeaders, orHttpError, statusOf } from "~/infra/http.server";
import { DomainError } from "~/domain/errors";
import { BankChangeCancelSchema, BankChangeSchema } from "~/schemas/bank-change";
import { bankAccountPage, cancelBankAccountChange, requestBankAccountChange } from "~/services/bank-account-change.server";
import { saveStep } from "~/services/step-actions.server";
import payoutStyles from "~/styles/payouts.css";

export const meta = titleMeta("bankChange.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: payoutStyles }];
export const headers = noStoreHeaders;

const PAGE = "/seller/keuangan/rekening";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireShopOwner(request);
  return data(await orHttpError(() => bankAccountPage(user)), { headers: NO_STORE });
}

/** Which field a refusal of the service belongs next to; anything else is said above the form. */
const FIELD_OF: Record<string, string> = {
  "bankChange.errors.password": "password",
  "bankChange.errors.tooManyAttempts": "password",
  "bankChange.errors.document": "documentId",
  "bankChange.errors.sameAccount": "accountNumber",
  bank_account_format: "accountNumber",
  bank_unknown: "bankCode",
};

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireShopOwner(request);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "cancel") {
    const parsed = await parseForm(request, BankChangeCancelSchema, form);
    if (!parsed.ok) return parsed.response;
    try {
      await cancelBankAccountChange(user, parsed.data.changeId);
    } catch (error) {
      if (error instanceof DomainError) return formError(error.messageKey, statusOf(error));
      throw error;
    }
    return redirectWithFlash(request, PAGE, { kind: "success", key: "bankChange.cancelled" });
  }
  if (intent !== "request") badRequest();
  const parsed = await parseForm(request, BankChangeSchema, form);
  if (!parsed.ok) return parsed.response;
  const saved = await saveStep(() => requestBankAccountChange(user, parsed.data), FIELD_OF, parsed.values);
  if (!saved.ok) return saved.response;
  return redirectWithFlash(request, PAGE, { kind: "success", key: "bankChange.requested" });
}

export default function BankAccountRoute() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const form = useZodForm(BankChangeSchema, actionData, { bankCode: "", holderName: page.current?.holderName ?? page.ktpName, documentId: "" });
  const { pending, last } = page;

  return (
    <>
      <p>
        <Link to="/seller/keuangan">← {t("bankChange.back")}</Link>
      </p>
      <h1>{t("bankChange.title")}</h1>
      <p className="muted">{t("bankChange.lead")}</p>
      <BankAccountCard title={t("bankChange.current")} account={page.current ? { bankName: page.current.bankName, account: page.current.accountMasked, holderName: page.current.holderName } : null} />

      {pending ? (
        <section className="card" aria-labelledby="pending-title">
          <h2 id="pending-title">
            {t("bankChange.pendingTitle")} <span className="badge badge--in_review">{t("bankChange.status.pending")}</span>
          </h2>
          <p role="status">{t("bankChange.pendingLead", { date: formatDateTime(pending.createdAt, locale) })}</p>
          <BankAccountCard headingLevel={3} title={t("bankChange.newAccount")} account={{ bankName: pending.bankName, account: pending.accountMasked, holderName: pending.holderName }}>
            {pending.document && !pending.document.contentType.includes("pdf") ? (
              <img className="bank-book-preview" src={pending.document.url} alt={t("bankChange.newBook")} />
            ) : pending.document ? (
              <a href={pending.document.url} target="_blank" rel="noreferrer">
                {t("bankChange.newBook")}
              </a>
            ) : null}
          </BankAccountCard>
          <FormError error={actionData?.errors?._form} />
          <Form noValidate method="post">
            <input type="hidden" name="intent" value="cancel" />
            <input type="hidden" name="changeId" value={pending.id} />
            <button type="submit" className="button-secondary" disabled={busy}>
              {t("bankChange.cancel")}
            </button>
          </Form>
        </section>
      ) : (
        <>
          {last ? (
            <div className={`alert ${last.status === "rejected" ? "alert--error" : "alert--info"}`} role="status">
              {t(`bankChange.last.${last.status}`, { bank: last.bankName, account: last.accountMasked, date: formatDateTime(last.at, locale) })}
              {last.note ? ` ${t("notice.reason")}: ${last.note}` : ""}
            </div>
          ) : null}
          {page.refusal ? (
            <div className="alert alert--info" role="status">
              {t(page.refusal)}
            </div>
          ) : (
            <section className="card narrow" aria-labelledby="change-title">
              <h2 id="change-title">{t("bankChange.formTitle")}</h2>
              <p className="muted">{t("bankChange.formLead")}</p>
              <FormError error={actionData?.errors?._form} />
              <Form method="post" noValidate onSubmit={form.onSubmit} className="stack">
                <input type="hidden" name="intent" value="request" />
                <input type="hidden" {...form.registerHidden("documentId")} />
                <BankAccountFields form={form} ktpName={page.ktpName} />
                <DocumentUpload
                  kind={BANK_CHANGE_DOCUMENT_KIND}
                  label={t("bankChange.photo")}
                  hint={t("bankChange.photoHint")}
                  uploadUrl="/seller/documents"
                  maxBytes={page.maxBytes}
                  hiddenInputName={null}
                  error={form.errorOf("documentId")}
                  onUploaded={(doc) => form.setValue("documentId", doc.id, { shouldValidate: true })}
                />
                <TextField
                  type="password"
                  label={t("bankChange.password")}
                  autoComplete="current-password"
                  hint={t("bankChange.passwordHint")}
                  error={form.errorOf("password")}
                  {...form.register("password")}
                />
                <button type="submit" disabled={form.submitting}>
                  {form.submitting ? t("form.sending") : t("bankChange.submit")}
                </button>
              </Form>
            </section>
          )}
        </>
      )}
    </>
  );
}
