import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { TextField } from "~/components/forms/fields";
import { useLocale, useT } from "~/components/i18n";
import { useOverflowsX } from "~/components/use-overflows-x";
import { titleMeta } from "~/components/meta";
import { DomainError } from "~/domain/errors";
import { formatDate, formatRupiah } from "~/i18n/format";
import { requireAdmin } from "~/infra/auth.server";
import { formError, parseForm } from "~/infra/forms.server";
import { NO_STORE, orHttpError, statusOf } from "~/infra/http.server";
import { ResolveDifferenceSchema } from "~/schemas/finance";
import { adminFinance } from "~/services/admin-finance.server";
import { resolveDifference } from "~/services/reconciliation.server";
import financeStyles from "~/styles/finance.css";

export const meta = titleMeta("adminFinance.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: financeStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  return data(await orHttpError(() => adminFinance(admin)), { headers: NO_STORE });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const parsed = await parseForm(request, ResolveDifferenceSchema);
  if (!parsed.ok) return parsed.response;
  try {
    await resolveDifference(admin, parsed.data.id, parsed.data.note);
  } catch (error) {
    if (error instanceof DomainError) return formError(error.messageKey, statusOf(error), "_form", parsed.values);
    throw error;
  }
  return { ok: "adminFinance.resolvedOk" };
}

/**
 * A wide table on a phone: it scrolls inside its own box (keyboard too), its first column stays put, and a hint
 * says there is more to the right. Columns after the first are amounts.
 */
function ScrollTable({ labelledBy, columns, children }: { labelledBy: string; columns: string[]; children: ReactNode }) {
  const t = useT();
  const overflow = useOverflowsX<HTMLDivElement>();
  return (
    <>
      <p className="finance-scroll-hint" aria-hidden="true" data-overflow={overflow.state}>
        {t("adminFinance.scrollHint")}
      </p>
      <div ref={overflow.ref} className="finance-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
        <table className="finance-table">
          <thead>
            <tr>
              {columns.map((c, i) => (
                <th key={c} scope="col" className={i ? "num" : undefined}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          {children}
        </table>
      </div>
    </>
  );
}

type ActionData = { ok?: string; errors?: Record<string, string>; values?: Record<string, string> };

export default function AdminFinance() {
  const t = useT();
  const locale = useLocale();
  const f = useLoaderData<typeof loader>() as Awaited<ReturnType<typeof adminFinance>>;
  const result = useActionData<typeof action>() as ActionData | undefined;
  // A note's refusal is shown next to the note; anything else above the page.
  const topError = result?.errors ? (result.errors._form ?? Object.entries(result.errors).find(([field]) => field !== "note")?.[1]) : undefined;
  const busy = useNavigation().state !== "idle";
  const cards = [
    ["escrow", t("adminFinance.escrow"), f.totals.escrow, t("adminFinance.escrowOrders", { count: f.escrow.heldOrders })],
    ["provider-clearing", t("adminFinance.providerClearing"), f.totals.providerClearing, null],
    ["seller-available", t("adminFinance.sellerAvailable"), f.totals.sellerAvailable, null],
    ["payout-clearing", t("adminFinance.payoutClearing"), f.totals.payoutClearing, null],
    ["platform-revenue", t("adminFinance.platformRevenue"), f.totals.platformRevenue, null],
    ["tax-payable", t("adminFinance.taxPayable"), f.totals.taxPayable, null],
  ] as const;
  const accountName = (a: (typeof f.accounts)[number]) => t(`adminFinance.account.${a.kind}`, { shop: a.shopName ?? a.code });
  return (
    <section>
      <p>
        <Link to="/admin">{t("admin.title")}</Link>
      </p>
      <h1>{t("adminFinance.title")}</h1>
      {result?.ok ? (
        <p className="alert alert--success" role="status">
          {t(result.ok)}
        </p>
      ) : null}
      {topError ? (
        <p className="alert alert--error" role="alert">
          {t(topError)}
        </p>
      ) : null}
      <div className="finance-cards">
        {cards.map(([id, label, amount, note]) => (
          <article key={id} className="finance-card" aria-label={label}>
            <h2>{label}</h2>
            <p className="finance-card__amount" data-testid={id}>
              {formatRupiah(amount)}
            </p>
            {note ? <p className="muted">{note}</p> : null}
          </article>
        ))}
      </div>

      <h2 id="trial-balance">{t("adminFinance.trialBalance")}</h2>
      <p className={f.debit === f.credit ? "finance-check--ok" : "finance-check--bad"} role="status" data-testid="trial-balance-status">
        {f.debit === f.credit ? t("adminFinance.balanced") : t("adminFinance.unbalanced", { amount: formatRupiah(Math.abs(f.debit - f.credit)) })}
      </p>
      <ScrollTable labelledBy="trial-balance" columns={[t("adminFinance.col.account"), t("adminFinance.col.debit"), t("adminFinance.col.credit")]}>
        <tbody>
          {f.accounts.map((a) => (
            <tr key={a.code} data-account={a.code}>
              <th scope="row">{accountName(a)}</th>
              <td className="num">{a.balance > 0 ? formatRupiah(a.balance) : ""}</td>
              <td className="num">{a.balance < 0 ? formatRupiah(-a.balance) : a.balance === 0 ? formatRupiah(0) : ""}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("adminFinance.total")}</th>
            <td className="num" data-testid="total-debit">
              {formatRupiah(f.debit)}
            </td>
            <td className="num" data-testid="total-credit">
              {formatRupiah(f.credit)}
            </td>
          </tr>
        </tfoot>
      </ScrollTable>

      <h2>{t("adminFinance.closedEscrow")}</h2>
      {f.escrow.closedNotZero.length === 0 ? (
        <p className="finance-check--ok" data-testid="closed-escrow">
          {t("adminFinance.closedEscrowOk", { count: f.escrow.closedOrders })}
        </p>
      ) : (
        <>
          <p className="finance-check--bad" data-testid="closed-escrow">
            {t("adminFinance.closedEscrowBad", { count: f.escrow.closedNotZero.length })}
          </p>
          <ul className="finance-list">
            {f.escrow.closedNotZero.map((o) => (
              <li key={o.orderNumber}>
                <Link to={`/admin/pesanan/${o.orderNumber}`}>{o.orderNumber}</Link> <strong>{formatRupiah(o.held)}</strong>
              </li>
            ))}
          </ul>
        </>
      )}

      <h2 id="months">{t("adminFinance.months")}</h2>
      {f.months.length === 0 ? <p className="muted">{t("adminFinance.monthsEmpty")}</p> : null}
      {f.months.length ? (
        <ScrollTable labelledBy="months" columns={[t("adminFinance.col.month"), t("adminFinance.col.orders"), t("adminFinance.col.commission"), t("adminFinance.col.fees"), t("adminFinance.col.revenue")]}>
          <tbody>
            {f.months.map((m) => (
              <tr key={m.month} data-month={m.month}>
                <th scope="row">{formatDate(`${m.month}-15T00:00:00+07:00`, locale).replace(/^\d+\s/, "")}</th>
                <td className="num">{m.orders}</td>
                <td className="num">{formatRupiah(m.commission)}</td>
                <td className="num">{formatRupiah(m.fees)}</td>
                <td className="num">{formatRupiah(m.revenue)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : null}

      <h2>{t("adminFinance.differences")}</h2>
      {f.differences.length === 0 ? <p className="muted">{t("adminFinance.differencesEmpty")}</p> : null}
      <ul className="card-list">
        {f.differences.map((d) => (
          <li key={d.id} className="card" aria-label={d.reference}>
            <p>
              <strong>{d.reference}</strong> · {d.provider} · {formatDate(`${d.reportDate}T12:00:00+07:00`, locale)}
            </p>
            <p>
              {t(`adminFinance.kind.${d.kind}`)} · {t("adminFinance.col.ledger")}: {d.ledgerAmount === null ? "—" : formatRupiah(d.ledgerAmount)} · {t("adminFinance.col.providerAmount")}:{" "}
              {d.providerAmount === null ? "—" : formatRupiah(d.providerAmount)}
            </p>
            {d.resolvedAt ? (
              <p className="muted">{t("adminFinance.resolved", { note: d.resolutionNote ?? "" })}</p>
            ) : (
              <Form noValidate method="post">
                <input type="hidden" name="intent" value="resolve" />
                <input type="hidden" name="id" value={d.id} />
                {/* A refused note stays in the form it was typed in, with its reason next to it. */}
                <TextField
                  id={`note-${d.id}`}
                  name="note"
                  label={t("adminFinance.note")}
                  required
                  minLength={3}
                  maxLength={500}
                  defaultValue={result?.values?.id === d.id ? result.values.note : undefined}
                  error={result?.values?.id === d.id ? result.errors?.note : undefined}
                />
                <button type="submit" disabled={busy}>
                  {t("adminFinance.resolve")}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
