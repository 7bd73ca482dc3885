import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { formatDateTime, formatRupiah } from "~/i18n/format";
import { requireShopOwner } from "~/infra/auth.server";
import { orHttpError, queryParams } from "~/infra/http.server";
import { isSellerTab, SELLER_TABS, sellerOrderList, type SellerTab } from "~/services/seller-orders.server";

export const meta = titleMeta("sellerOrders.title");

const QuerySchema = z.object({
  tab: z.string().optional(),
  q: z.string().default("").transform((q) => q.trim().slice(0, 80)),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireShopOwner(request);
  const { tab: tabParam, q } = queryParams(request, QuerySchema);
  const tab: SellerTab = isSellerTab(tabParam) ? tabParam : "all";
  const { orders, counts } = await orHttpError(() => sellerOrderList(user.id, { tab, q: q || undefined }));
  const now = Date.now();
  return {
    tab,
    q,
    counts,
    tabs: Object.keys(SELLER_TABS) as SellerTab[],
    orders: orders.map((o) => ({
      orderNumber: o.orderNumber,
      status: o.status,
      total: o.total,
      buyer: o.buyer.name,
      recipient: o.recipient,
      items: o.items.reduce((s, i) => s + i.quantity, 0),
      firstItem: o.items[0]?.title ?? "",
      shipBy: o.shipment?.shipBy?.toISOString() ?? null,
      overdue: Boolean(o.shipment?.shipBy && o.shipment.shipBy.getTime() < now && (o.status === "paid" || o.status === "processing")),
      courier: o.shipment ? `${o.shipment.courierName} ${o.shipment.serviceName}` : "",
      resi: o.shipment?.resi ?? null,
      printable: o.status === "paid" || o.status === "processing",
    })),
  };
}

export default function SellerOrders() {
  const t = useT();
  const locale = useLocale();
  const { tab, q, counts, tabs, orders } = useLoaderData<typeof loader>();
  const href = (next: SellerTab) => `?${new URLSearchParams({ tab: next, ...(q ? { q } : {}) }).toString()}`;
  return (
    <section>
      <h1>{t("sellerOrders.title")}</h1>
      <Form method="get" role="search" className="search-box">
        <input type="hidden" name="tab" value={tab} />
        <label htmlFor="so-q" className="kyc-sr-only">
          {t("sellerOrders.search")}
        </label>
        <input id="so-q" type="search" name="q" defaultValue={q} placeholder={t("sellerOrders.search")} enterKeyHint="search" />
        <button type="submit">{t("sellerOrders.searchButton")}</button>
      </Form>
      <nav aria-label={t("sellerOrders.tabs")} className="tabs">
        {tabs.map((name) => (
          <Link key={name} to={href(name)} aria-current={name === tab ? "page" : undefined} style={{ whiteSpace: "nowrap" }}>
            {t(`sellerOrders.tab.${name}`)} ({counts[name]})
          </Link>
        ))}
      </nav>
      {orders.length === 0 ? <p className="empty-state">{t("sellerOrders.empty")}</p> : null}
      <Form method="get" action="/seller/orders/labels" reloadDocument target="_blank">
        <input type="hidden" name="layout" value="a4" />
        {orders.map((o) => (
          <article key={o.orderNumber} className="card" aria-label={o.orderNumber}>
            <div className="row" style={{ justifyContent: "space-between" }}>
              <Link to={`/seller/orders/${o.orderNumber}`} aria-label={t("sellerOrders.open", { order: o.orderNumber })}>
                <strong>{o.orderNumber}</strong>
              </Link>
              <span className={`badge badge--order-${o.status}`}>{t(`orders.status.${o.status}`)}</span>
            </div>
            <p>
              {o.firstItem}
              {o.items > 1 ? <span className="muted"> · {t("sellerOrders.items", { count: o.items })}</span> : null}
            </p>
            <p className="muted">
              {t("sellerOrders.buyer", { name: o.buyer })} · {formatRupiah(o.total)} · {o.courier}
            </p>
            {o.shipBy && (o.status === "paid" || o.status === "processing") ? (
              <p className={o.overdue ? "flag" : undefined}>
                {o.overdue ? `${t("sellerOrders.overdue")} · ` : null}
                {t("sellerOrders.shipBy", { date: formatDateTime(o.shipBy, locale) })}
              </p>
            ) : null}
            {o.resi ? <p className="muted">{t("orders.resi", { resi: o.resi })}</p> : null}
            {o.printable ? (
              <label style={{ display: "flex", gap: ".5rem", alignItems: "center" }}>
                <input type="checkbox" name="order" value={o.orderNumber} aria-label={t("sellerOrders.select", { order: o.orderNumber })} />
                <span aria-hidden="true">{t("sellerOrders.selectShort")}</span>
              </label>
            ) : null}
          </article>
        ))}
        {orders.some((o) => o.printable) ? (
          <button type="submit" className="button-secondary">
            {t("sellerOrders.printSelected")}
          </button>
        ) : null}
      </Form>
    </section>
  );
}
