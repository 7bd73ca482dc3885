import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { TextField } from "~/components/forms/fields";
import { useLocale, useT } from "~/components/i18n";
import { BankChangeHoldBanner } from "~/components/kyc/bank-account-card";
import { titleMeta } from "~/components/meta";
import { DomainError } from "~/domain/errors";
import { findBank } from "~/domain/kyc/banks";
import { formatDateTime, formatRupiah } from "~/i18n/format";
import { requireShopOwner } from "~/infra/auth.server";
import { parseForm } from "~/infra/forms.server";
import { NO_STORE, orHttpError, statusOf } from "~/infra/http.server";
import { WithdrawalSchema } from "~/schemas/payouts";
import { requestWithdrawal, withdrawalPage } from "~/services/withdrawals.server";
import payoutStyles from "~/styles/payouts.css";

export const meta = titleMeta("withdrawal.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: payoutStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireShopOwner(request);
  const page = await orHttpError(() => withdrawalPage(user));
  return data({ ...page, bankName: page.bank ? (findBank(page.bank.bankCode)?.name ?? page.bank.bankCode) : null }, { headers: NO_STORE });
}

type ActionData = { ok: { number: string; amount: number } } | { errors: Record<string, string>; vars?: Record<string, number>; values?: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireShopOwner(request);
  const parsed = await parseForm(request, WithdrawalSchema);
  if (!parsed.ok) return parsed.response;
  try {
    const w = await requestWithdrawal(user, parsed.data.amount);
    return { ok: { number: w.number, amount: w.amount } };
  } catch (error) {
    if (error instanceof DomainError) return data({ errors: { amount: error.messageKey }, vars: error.vars, values: parsed.values }, { status: statusOf(error) });
    throw error;
  }
}

export default function WithdrawalRoute() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>() as Awaited<ReturnType<typeof withdrawalPage>> & { bankName: string | null };
  const result = useActionData<typeof action>() as ActionData | undefined;
  const busy = useNavigation().state !== "idle";
  const errors = result && "errors" in result ? result.errors : {};
  const vars = result && "vars" in result && result.vars ? Object.fromEntries(Object.entries(result.vars).map(([k, v]) => [k, formatRupiah(v)])) : {};
  const blocked = page.hasOpen || page.onHold || !page.bank;
  return (
    <>
      <h1>{t("withdrawal.title")}</h1>
      <p className="muted">{t("withdrawal.lead")}</p>
      <dl className="balance-cards">
        <div>
          <dt>{t("withdrawal.available")}</dt>
          <dd data-testid="available">{formatRupiah(page.available)}</dd>
        </div>
        <div>
          <dt>{t("withdrawal.pending")}</dt>
          <dd data-testid="pending">{formatRupiah(page.pending)}</dd>
        </div>
        <div>
          <dt>{t("withdrawal.paidOut")}</dt>
          <dd data-testid="paid-out">{formatRupiah(page.paidOut)}</dd>
        </div>
      </dl>
      <p>
        <strong>{t("withdrawal.bank")}:</strong>{" "}
        {page.bank ? t("withdrawal.bankValue", { bank: page.bankName ?? "", last4: page.bank.accountLast4, holder: page.bank.holderName }) : t("withdrawal.noBankYet")}{" "}
        <Link to="/seller/keuangan/rekening">{t("bankChange.manage")}</Link>
      </p>
      {result && "ok" in result ? (
        <p role="status" className="notice">
          {t("withdrawal.requested", { number: result.ok.number, amount: formatRupiah(result.ok.amount) })}
        </p>
      ) : null}
      {page.onHold ? <BankChangeHoldBanner /> : page.hasOpen ? <p className="notice">{t("withdrawal.openNotice")}</p> : null}
      {/* noValidate: an emptied amount gets our message under the field, not the browser's in the phone's language. */}
      {!blocked ? (
        <Form method="post" noValidate className="stack">
          <TextField
            name="amount"
            label={t("withdrawal.amount")}
            inputMode="numeric"
            required
            defaultValue={result && "values" in result && result.values?.amount ? result.values.amount : String(page.available)}
            hint={t("withdrawal.amountHint", { minimum: formatRupiah(page.minimum) })}
            error={errors.amount ? t(errors.amount, vars) : undefined}
          />
          <button type="submit" disabled={busy}>
            {t("withdrawal.submit")}
          </button>
        </Form>
      ) : null}
      <h2>{t("withdrawal.history")}</h2>
      {page.withdrawals.length === 0 ? <p>{t("withdrawal.empty")}</p> : null}
      <ul className="payout-list" aria-label={t("withdrawal.history")}>
        {page.withdrawals.map((w) => (
          <li key={w.id} aria-label={w.number}>
            <span>{w.number}</span>
            <span>{formatRupiah(w.amount)}</span>
            <span className={`badge badge--payout-${w.status}`}>{t(`withdrawal.status.${w.status}`)}</span>
            <span className="muted">{formatDateTime(w.createdAt, locale)}</span>
            {w.providerReference && w.status === "completed" ? <span>{t("withdrawal.reference", { reference: w.providerReference })}</span> : null}
            {w.status === "failed" && w.failureReason ? <span>{t("withdrawal.failedReason", { reason: w.failureReason })}</span> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
