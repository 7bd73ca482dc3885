import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { OrderStatusBadge } from "~/components/orders/order-view";
import { formatDateTime, formatRupiah } from "~/i18n/format";
import { labelOf } from "~/i18n/i18n";
import { requireAdmin } from "~/infra/auth.server";
import { queryParams } from "~/infra/http.server";
import { escalatedComplaintList } from "~/services/complaints.server";
import { adminOrderSearch } from "~/services/orders.server";

export const meta = titleMeta("adminOrders.title");

const QuerySchema = z.object({
  q: z.string().default("").transform((q) => q.trim().slice(0, 100)),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { q } = queryParams(request, QuerySchema);
  const [rows, escalated] = await Promise.all([adminOrderSearch(q), escalatedComplaintList()]);
  return { q, escalated, orders: rows.map((o) => ({ ...o, createdAt: o.createdAt.toISOString() })) };
}

export default function AdminOrders() {
  const t = useT();
  const locale = useLocale();
  const { q, orders, escalated } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("adminOrders.title")}</h1>
      {escalated.length ? (
        <section className="card" aria-labelledby="escalated">
          <h2 id="escalated">{t("complaint.adminQueue")}</h2>
          <ul>
            {escalated.map((c) => (
              <li key={c.orderNumber}>
                <Link to={`/admin/pesanan/${c.orderNumber}`}>{c.orderNumber}</Link> · {c.shopName} · {t(`complaint.reason.${c.reason}`)} · {formatDateTime(c.since, locale)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Form method="get" role="search">
        <div className="field">
          <label htmlFor="q">{t("adminOrders.search")}</label>
          <input id="q" name="q" type="search" defaultValue={q} />
        </div>
        <button type="submit">{t("adminOrders.searchButton")}</button>
      </Form>
      {orders.length === 0 ? <p>{t("adminOrders.none")}</p> : null}
      <ul className="card-list">
        {orders.map((o) => (
          <li key={o.id} className="card">
            <p>
              <Link to={`/admin/pesanan/${o.orderNumber}`}>{o.orderNumber}</Link> <OrderStatusBadge status={o.status} />
            </p>
            <p className="muted">
              {o.shop.name} · {o.buyer.name} ({o.buyer.email}) · {formatRupiah(o.total)} · {formatDateTime(o.createdAt, locale)}
            </p>
            <p className="muted">
              {t("adminOrders.payment")}: {o.payment.paymentNumber} ({labelOf(t, "payment.status.", o.payment.status)})
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
