import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { DomainError } from "~/domain/errors";
import { requireAdmin } from "~/infra/auth.server";
import { formError, parseForm } from "~/infra/forms.server";
import { statusOf } from "~/infra/http.server";
import { CommissionRateSchema } from "~/schemas/finance";
import { commissionSettings, setCommissionRate } from "~/services/commission.server";
import financeStyles from "~/styles/finance.css";

export const meta = titleMeta("commission.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: financeStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return commissionSettings();
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const parsed = await parseForm(request, CommissionRateSchema);
  if (!parsed.ok) return parsed.response;
  const { categoryId, rate } = parsed.data;
  try {
    await setCommissionRate(admin.id, categoryId === "default" ? null : categoryId, rate);
    return { ok: "commission.saved", categoryId: String(categoryId) };
  } catch (error) {
    if (error instanceof DomainError) return formError(error.messageKey, statusOf(error), "rate", parsed.values);
    throw error;
  }
}

const asPercent = (bps: number | null) => (bps === null ? "" : (bps / 100).toLocaleString("id-ID", { maximumFractionDigits: 2 }));

function RateForm({ id, label, bps, placeholder }: { id: string; label: string; bps: number | null; placeholder?: string }) {
  const t = useT();
  const result = useActionData<typeof action>() as { ok?: string; categoryId?: string; errors?: Record<string, string>; values?: Record<string, string> } | undefined;
  const mine = result?.categoryId === id || result?.values?.categoryId === id;
  return (
    <Form noValidate method="post" className="finance-actions" aria-label={label}>
      <input type="hidden" name="categoryId" value={id} />
      <label htmlFor={`rate-${id}`} style={{ flex: "1 1 12rem" }}>
        {label}
      </label>
      <input id={`rate-${id}`} name="rate" inputMode="decimal" defaultValue={mine && result?.values?.rate !== undefined ? result.values.rate : asPercent(bps)} placeholder={placeholder} size={6} aria-describedby={mine ? `rate-${id}-msg` : undefined} />
      <span aria-hidden="true">%</span>
      <button type="submit">{t("commission.save")}</button>
      {mine && result?.ok ? (
        <span id={`rate-${id}-msg`} role="status">
          {t(result.ok)}
        </span>
      ) : null}
      {mine && result?.errors?.rate ? (
        <span id={`rate-${id}-msg`} role="alert" className="field__error">
          {t(result.errors.rate)}
        </span>
      ) : null}
    </Form>
  );
}

export default function AdminCommission() {
  const t = useT();
  const locale = useLocale();
  const { defaultBps, categories } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("commission.title")}</h1>
      <p className="muted">{t("commission.lead")}</p>
      <div className="card">
        <RateForm id="default" label={t("commission.default")} bps={defaultBps} />
      </div>
      <ul className="finance-list">
        {categories.map((c) => (
          <li key={c.id}>
            <RateForm id={String(c.id)} label={locale === "en" && c.nameEn ? c.nameEn : c.name} bps={c.rateBps} placeholder={`${asPercent(defaultBps)} (${t("commission.usesDefault")})`} />
          </li>
        ))}
      </ul>
    </section>
  );
}
