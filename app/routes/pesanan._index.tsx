import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { OrderTimeline } from "~/components/orders/order-timeline";
import { OrderItems, OrderStatusBadge, serializeOrder } from "~/components/orders/order-view";
import { ORDER_STATES } from "~/domain/orders/order-states";
import { formatDateTime, formatRupiah } from "~/i18n/format";
import { requireUser } from "~/infra/auth.server";
import { queryParams } from "~/infra/http.server";
import { buyerOrders } from "~/services/orders.server";
import { checkReturnedPayment } from "~/services/payments.server";

export const meta = titleMeta("orders.title");

const QuerySchema = z.object({
  status: z.enum(ORDER_STATES).optional().catch(undefined),
  pembayaran: z.string().max(40).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { status = null, pembayaran = null } = queryParams(request, QuerySchema);
  if (pembayaran) await checkReturnedPayment(user.id, pembayaran);
  const orders = await buyerOrders(user.id, status ?? undefined);
  return { orders: orders.map(serializeOrder), status, justPaid: pembayaran };
}

export default function MyOrders() {
  const t = useT();
  const locale = useLocale();
  const { orders, status, justPaid } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("orders.title")}</h1>
      {justPaid && orders.some((o) => o.payment.paymentNumber === justPaid && o.status === "awaiting_payment") ? (
        <div className="alert" role="status">
          {t("orders.paymentChecking")}
        </div>
      ) : null}
      <nav aria-label={t("orders.title")} className="tabs">
        <Link to="/pesanan" aria-current={!status ? "page" : undefined}>
          {t("orders.all")}
        </Link>
        {(["awaiting_payment", "paid", "processing", "shipped", "received"] as const).map((s) => (
          <Link key={s} to={`/pesanan?status=${s}`} aria-current={status === s ? "page" : undefined}>
            {t(`orders.status.${s}`)}
          </Link>
        ))}
      </nav>
      {orders.length === 0 ? <p>{t("orders.empty")}</p> : null}
      {orders.map((o) => (
        <article key={o.id} className="card order-card" aria-label={t("orders.number", { number: o.orderNumber })}>
          <p>
            <strong>{o.shop.name}</strong> <OrderStatusBadge status={o.status} />
          </p>
          <p className="muted">
            {t("orders.number", { number: o.orderNumber })} · {formatDateTime(o.createdAt, locale)}
          </p>
          <OrderItems items={o.items} />
          <p>
            {t("orders.total")}: <strong>{formatRupiah(o.total)}</strong>
          </p>
          {o.status === "awaiting_payment" ? (
            <Form noValidate method="post" action={`/pesanan/${o.orderNumber}`}>
              <p className="muted">{t("orders.payBefore", { date: formatDateTime(o.payment.expiresAt, locale) })}</p>
              <button type="submit" name="intent" value="pay">
                {t("orders.pay")}
              </button>
            </Form>
          ) : null}
          <details>
            <summary>{t("orders.timeline")}</summary>
            <OrderTimeline events={o.events} tracking={[]} />
          </details>
          <Link to={`/pesanan/${o.orderNumber}`} className="tap-link">{t("orders.detail")}</Link>
        </article>
      ))}
    </>
  );
}
