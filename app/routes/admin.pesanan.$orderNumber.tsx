import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { ComplaintPanel, type ComplaintStepResult } from "~/components/orders/complaint-panel";
import { OrderTimeline, timelineEvents } from "~/components/orders/order-timeline";
import { OrderItems, OrderStatusBadge } from "~/components/orders/order-view";
import { formatDateTime, formatRupiah } from "~/i18n/format";
import { labelOf } from "~/i18n/i18n";
import { requireAdmin } from "~/infra/auth.server";
import { badRequest, orHttpError, routeParams } from "~/infra/http.server";
import { entriesOfReference } from "~/models/ledger.server";
import { OrderNumberParams } from "~/schemas/params";
import { complaintStepAction } from "~/services/complaint-step-action.server";
import { complaintView } from "~/services/complaints.server";
import { adminOrder } from "~/services/orders.server";
import complaintStyles from "~/styles/complaints.css";

export const meta = titleMeta("adminOrders.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: complaintStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { orderNumber } = routeParams(params, OrderNumberParams);
  const o = await orHttpError(() => adminOrder(orderNumber));
  const journal = [...(await entriesOfReference("payment", [o.paymentId])), ...(await entriesOfReference("refund", o.refunds.map((r) => r.id)))];
  return {
    complaint: await complaintView(o, "admin"),
    order: {
      orderNumber: o.orderNumber,
      status: o.status,
      total: o.total,
      shop: o.shop.name,
      buyer: o.buyer,
      items: o.items,
      events: timelineEvents(o.events),
    },
    payment: {
      paymentNumber: o.payment.paymentNumber,
      status: o.payment.status,
      grossAmount: o.payment.grossAmount,
      paymentType: o.payment.paymentType,
      settledAt: o.payment.settledAt?.toISOString() ?? null,
      events: o.payment.events.map((e) => ({ id: String(e.id), source: e.source, transactionStatus: e.transactionStatus, createdAt: e.createdAt.toISOString() })),
      orders: o.payment.orders,
      refunds: o.payment.refunds.map((r) => ({ id: r.id, refundKey: r.refundKey, amount: r.amount, status: r.status, reason: r.reason, attempts: r.attempts, lastError: r.lastError })),
    },
    journal: journal.map((e) => ({ id: e.id, kind: e.kind, createdAt: e.createdAt.toISOString(), lines: e.lines.map((l) => ({ id: String(l.id), account: l.account.code, accountKind: l.account.kind, shop: l.account.shop?.name ?? null, amount: Number(l.amount), orderId: l.orderId })) })),
  };
}

/** An admin's complaint steps: decisions on escalated complaints, or confirming a return arrived. */
export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const { orderNumber } = routeParams(params, OrderNumberParams);
  const form = await request.formData();
  if (form.get("intent") !== "complaint") badRequest();
  return complaintStepAction(request, form, "admin", admin.id, orderNumber, `/admin/pesanan/${orderNumber}`);
}

export default function AdminOrder() {
  const t = useT();
  const locale = useLocale();
  const { order, payment, journal, complaint } = useLoaderData<typeof loader>();
  // The payment's other orders (one checkout pays every shop's order at once); this one is the page itself.
  const otherOrders = payment.orders.filter((o) => o.orderNumber !== order.orderNumber);
  const result = useActionData<typeof action>() as ComplaintStepResult | undefined;
  return (
    <>
      <p>
        <Link to="/admin/pesanan">{t("adminOrders.title")}</Link>
      </p>
      <h1>
        {order.orderNumber} <OrderStatusBadge status={order.status} />
      </h1>
      <p>
        {order.shop} · {t("adminOrders.buyer")}: {order.buyer.name} ({order.buyer.email}) · {formatRupiah(order.total)}
      </p>
      <OrderItems items={order.items} />
      {complaint ? <ComplaintPanel complaint={complaint} result={result} /> : null}
      <OrderTimeline events={order.events} tracking={[]} />
      <section className="card" aria-labelledby="payment">
        <h2 id="payment">
          {t("adminOrders.payment")} {payment.paymentNumber}
        </h2>
        <p>
          {labelOf(t, "payment.status.", payment.status)} · {formatRupiah(payment.grossAmount)} · {payment.paymentType ? labelOf(t, "payment.type.", payment.paymentType) : "—"}{" "}
          {payment.settledAt ? `· ${formatDateTime(payment.settledAt, locale)}` : ""}
        </p>
        {otherOrders.length ? (
          <>
            <h3>{t("adminOrders.otherOrders")}</h3>
            <ul>
              {otherOrders.map((o) => (
                <li key={o.orderNumber}>
                  <Link to={`/admin/pesanan/${o.orderNumber}`}>{o.orderNumber}</Link> · {t(`orders.status.${o.status}`)} · {formatRupiah(o.total)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h3>{t("adminOrders.paymentEvents")}</h3>
        <ul>
          {payment.events.map((e) => (
            <li key={e.id}>
              {formatDateTime(e.createdAt, locale)} · {labelOf(t, "payment.source.", e.source)} · {labelOf(t, "payment.event.", e.transactionStatus)}
            </li>
          ))}
        </ul>
        <h3>{t("adminOrders.refunds")}</h3>
        <ul>
          {payment.refunds.map((r) => (
            <li key={r.id}>
              {r.refundKey} · {formatRupiah(r.amount)} · {labelOf(t, "sellerOrders.refundStatus.", r.status)} · {r.reason}
              {r.lastError ? ` · ${r.attempts}× ${r.lastError}` : ""}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="journal">
        <h2 id="journal">{t("adminOrders.ledger")}</h2>
        {journal.map((e) => (
          <div key={e.id}>
            <p>
              <strong>{labelOf(t, "adminFinance.entry.", e.kind)}</strong> · {formatDateTime(e.createdAt, locale)}
            </p>
            <ul>
              {e.lines.map((l) => (
                <li key={l.id}>
                  {labelOf(t, "adminFinance.account.", l.accountKind, { shop: l.shop ?? l.account })} · {t(l.amount > 0 ? "adminFinance.col.debit" : "adminFinance.col.credit")}{" "}
                  {formatRupiah(Math.abs(l.amount))}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </>
  );
}
