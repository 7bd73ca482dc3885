import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxField } from "~/components/forms/fields";
import { useLocale, useT } from "~/components/i18n";
import { BankChangeHoldBanner } from "~/components/kyc/bank-account-card";
import { titleMeta } from "~/components/meta";
import { DomainError } from "~/domain/errors";
import { formatDate, formatDateTime, formatRupiah } from "~/i18n/format";
import { requireShopOwner } from "~/infra/auth.server";
import { formError, parseForm } from "~/infra/forms.server";
import { orHttpError, statusOf } from "~/infra/http.server";
import { Pph22DeclarationSchema } from "~/schemas/finance";
import { declarePph22, sellerFinance } from "~/services/seller-finance.server";
import financeStyles from "~/styles/finance.css";

export const meta = titleMeta("finance.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: financeStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireShopOwner(request);
  const f = await orHttpError(() => sellerFinance(user.id));
  return {
    ...f,
    escrow: f.escrow.map((o) => ({ orderNumber: o.orderNumber, status: o.status, held: o.held, asDropshipper: o.asDropshipper, completesAt: o.completesAt?.toISOString() ?? null })),
    statement: f.statement.map((l) => ({ id: l.entryId, at: l.at.toISOString(), kind: l.kind, orderNumber: l.orderNumber, amount: l.amount, balance: l.balance, gross: l.gross, platform: l.platform, withheld: l.withheld })),
    pph22: { ...f.pph22, declaredAt: f.pph22.declaredAt?.toISOString() ?? null },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireShopOwner(request);
  const parsed = await parseForm(request, Pph22DeclarationSchema);
  if (!parsed.ok) return parsed.response;
  try {
    await declarePph22(user.id, parsed.data.over === "yes");
    return { ok: "finance.pph22.saved" };
  } catch (error) {
    if (error instanceof DomainError) return formError(error.messageKey, statusOf(error));
    throw error;
  }
}

export default function SellerFinance() {
  const t = useT();
  const locale = useLocale();
  const { balances, escrow, statement, months, withholding, pph22, bankChangePending } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { ok?: string; errors?: Record<string, string> } | undefined;
  const money = (n: number) => <span className={n < 0 ? "amount--out" : "amount--in"}>{formatRupiah(n)}</span>;
  return (
    <section>
      <h1>{t("finance.title")}</h1>
      {bankChangePending ? <BankChangeHoldBanner /> : null}
      <div className="finance-cards">
        <article className="finance-card" aria-label={t("finance.available")}>
          <h2>{t("finance.available")}</h2>
          <p className="finance-card__amount" data-testid="available">{formatRupiah(balances.available)}</p>
          <p className="muted">{t("finance.availableHint")}</p>
        </article>
        <article className="finance-card" aria-label={t("finance.escrow")}>
          <h2>{t("finance.escrow")}</h2>
          <p className="finance-card__amount" data-testid="escrow">{formatRupiah(balances.escrow)}</p>
          <p className="muted">{t("finance.escrowHint")}</p>
        </article>
        <article className="finance-card" aria-label={t("finance.paidOut")}>
          <h2>{t("finance.paidOut")}</h2>
          <p className="finance-card__amount" data-testid="paid-out">{formatRupiah(balances.paidOut)}</p>
          {balances.pendingPayout ? <p className="muted">{t("finance.pendingPayout")}: {formatRupiah(balances.pendingPayout)}</p> : null}
        </article>
      </div>
      {/* The withdrawal form is the payout half's page. */}
      <p className="finance-actions">
        <Link className="button" to="/seller/keuangan/tarik">
          {t("finance.withdraw")}
        </Link>
        <Link to="/seller/keuangan/rekening">{t("bankChange.title")}</Link>
        <a href="/seller/keuangan/mutasi.csv" download>
          {t("finance.csv")}
        </a>
      </p>

      <h2>{t("finance.escrowOrders")}</h2>
      {escrow.length === 0 ? <p className="muted">{t("finance.escrowEmpty")}</p> : null}
      {escrow.length ? (
        <ul className="finance-list">
          {escrow.map((o) => (
            <li key={o.orderNumber}>
              <span>
                <Link to={o.asDropshipper ? "/seller/dropship" : `/seller/orders/${o.orderNumber}`}>{o.orderNumber}</Link> <span className="badge">{t(`orders.status.${o.status}`)}</span>
                {o.completesAt ? <span className="muted"> · {t("finance.completesAt", { date: formatDateTime(o.completesAt, locale) })}</span> : null}
              </span>
              <strong>{formatRupiah(o.held)}</strong>
            </li>
          ))}
        </ul>
      ) : null}

      <h2>{t("finance.statement")}</h2>
      {statement.length === 0 ? <p className="muted">{t("finance.statementEmpty")}</p> : null}
      {statement.length ? (
        // On a phone each line is a card (date and amount on top, description, running balance); the roles keep it a
        // table for screen readers, which would otherwise drop the semantics once CSS changes the display.
        <div className="finance-table-wrap">
          <table className="finance-table finance-table--stack" aria-label={t("finance.statement")} role="table">
            <thead role="rowgroup">
              <tr role="row">
                <th role="columnheader">{t("finance.col.date")}</th>
                <th role="columnheader">{t("finance.col.description")}</th>
                <th role="columnheader" className="num">
                  {t("finance.col.amount")}
                </th>
                <th role="columnheader" className="num">
                  {t("finance.col.balance")}
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {statement.map((l) => (
                <tr key={l.id} role="row">
                  <td role="cell" className="finance-table__date" data-label={t("finance.col.date")}>
                    {formatDateTime(l.at, locale)}
                  </td>
                  <td role="cell" className="finance-table__description" data-label={t("finance.col.description")}>
                    {t(`finance.kind.${l.kind}`)}
                    {l.orderNumber ? <> · {l.orderNumber}</> : null}
                    {l.kind === "release" ? (
                      <div className="muted">
                        {t("finance.releaseDetail", { gross: formatRupiah(l.gross), platform: formatRupiah(l.platform) })}
                        {l.withheld ? t("finance.withheldDetail", { withheld: formatRupiah(l.withheld) }) : ""}
                      </div>
                    ) : null}
                  </td>
                  <td role="cell" className="num finance-table__amount" data-label={t("finance.col.amount")}>
                    {money(l.amount)}
                  </td>
                  <td role="cell" className="num finance-table__balance" data-label={t("finance.col.balance")}>
                    {formatRupiah(l.balance)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {months.length ? <h2>{t("finance.months")}</h2> : null}
      {months.map((m) => (
        <details key={m.month} open={m === months[0]}>
          <summary>
            {formatDate(`${m.month}-15T00:00:00+07:00`, locale).replace(/^\d+\s/, "")} · {formatRupiah(m.released)}
          </summary>
          <dl className="summary">
            {(["orders", "gross", "platform", "withheld", "released", "withdrawn", "returned", "closing"] as const).map((k) => (
              <div key={k}>
                <dt>{t(`finance.month.${k}`)}</dt>
                <dd>{k === "orders" ? m.orders : formatRupiah(m[k])}</dd>
              </div>
            ))}
          </dl>
        </details>
      ))}

      <h2>{t("finance.pph22")}</h2>
      <p>{pph22.enabled ? t("finance.pph22.on", { rate: `${(pph22.rateBps / 100).toLocaleString("id-ID")} %` }) : t("finance.pph22.off")}</p>
      <p>{pph22.declared && pph22.declaredAt ? t("finance.pph22.declaredOver", { date: formatDate(pph22.declaredAt, locale) }) : t("finance.pph22.declaredUnder")}</p>
      {/* noValidate: an unticked box gets our message next to it, not the browser's in the phone's language. */}
      <Form method="post" noValidate className="finance-actions">
        <input type="hidden" name="intent" value="pph22" />
        <input type="hidden" name="over" value={pph22.declared ? "no" : "yes"} />
        <CheckboxField id="pph22-confirm" name="confirm" value="yes" label={pph22.declared ? t("finance.pph22.confirmUnder") : t("finance.pph22.confirmOver")} error={result?.errors?.confirm} />
        <button type="submit">{pph22.declared ? t("finance.pph22.declareUnder") : t("finance.pph22.declareOver")}</button>
        {result?.ok ? <span role="status">{t(result.ok)}</span> : null}
        {result?.errors?._form ? <span role="alert">{t(result.errors._form)}</span> : null}
      </Form>
      {withholding.length ? (
        <>
          <h3>{t("finance.pph22.yearly")}</h3>
          <ul className="finance-list">
            {withholding.map((w) => (
              <li key={w.year}>{t("finance.pph22.yearRow", { year: w.year, withheld: formatRupiah(w.withheld), orders: w.orders })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
