import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { ComplaintList } from "~/components/dropship/complaint-list";
import { formatDateTime, formatMonth, formatRupiah } from "~/i18n/format";
import { requireShopOwner } from "~/infra/auth.server";
import { orHttpError } from "~/infra/http.server";
import { dropshipperDashboard, openCatalogs } from "~/services/dropship.server";
import dropshipStyles from "~/styles/dropship.css";

export const meta = titleMeta("dropship.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: dropshipStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireShopOwner(request);
  const [dash, catalogs] = await orHttpError(() => Promise.all([dropshipperDashboard(user.id), openCatalogs(user.id)]));
  const orders = dash.orders.map((o) => ({
    orderNumber: o.orderNumber,
    status: o.status,
    supplier: o.fulfilmentShop?.name ?? "",
    shipBy: o.shipment?.shipBy?.toISOString() ?? null,
    resi: o.shipment?.resi ?? null,
    courier: o.shipment ? `${o.shipment.courierName} ${o.shipment.serviceName}` : "",
    margin: o.items.reduce((s, i) => s + (i.unitPrice - (i.dropshipUnitPrice ?? i.unitPrice)) * i.quantity, 0),
  }));
  return {
    suppliers: dash.suppliers,
    waiting: orders.filter((o) => o.status === "paid" || o.status === "processing"),
    onTheWay: orders.filter((o) => o.status === "shipped" || o.status === "delivered"),
    complaints: dash.complaints.map((c) => ({ ...c, answerDueAt: c.answerDueAt.toISOString() })),
    performance: dash.performance,
    marginByMonth: dash.marginByMonth,
    catalogs: catalogs.map((c) => ({ id: c.supplierShopId, name: c.supplierShop.name, products: c._count.offers, requiresApproval: c.requiresApproval })),
  };
}

export default function DropshipDashboard() {
  const t = useT();
  const locale = useLocale();
  const { suppliers, waiting, onTheWay, complaints, performance, marginByMonth, catalogs } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("dropship.title")}</h1>
      <p>
        <Link to="/seller/dropship/program">{t("dropship.supplier.link")}</Link>
      </p>

      {complaints.length ? (
        <>
          <h2>{t("dropship.complaints.title")}</h2>
          <ComplaintList complaints={complaints} />
        </>
      ) : null}

      <h2>{t("dropship.orders.waiting")}</h2>
      {waiting.length === 0 ? <p className="muted">{t("dropship.orders.none")}</p> : null}
      <ul className="ds-list" data-testid="dropship-orders">
        {waiting.map((o) => (
          <li key={o.orderNumber} className="ds-item">
            <strong>{o.orderNumber}</strong>
            <span>
              {t(`orders.status.${o.status}`)} · {t("dropship.orders.supplier", { supplier: o.supplier })}
            </span>
            {o.shipBy ? <span className={new Date(o.shipBy).getTime() < Date.now() ? "ds-margin--neg" : undefined}>{t("orders.shipBy", { date: formatDateTime(o.shipBy, locale) })}</span> : null}
            <span>{t("dropship.margin", { margin: formatRupiah(o.margin) })}</span>
          </li>
        ))}
      </ul>

      {onTheWay.length ? (
        <>
          <h2>{t("dropship.orders.onTheWay")}</h2>
          <ul className="ds-list">
            {onTheWay.map((o) => (
              <li key={o.orderNumber} className="ds-item">
                <strong>{o.orderNumber}</strong>
                <span>
                  {t(`orders.status.${o.status}`)} · {t("dropship.orders.supplier", { supplier: o.supplier })}
                </span>
                {o.resi ? (
                  <span>
                    {t("orders.resi", { resi: o.resi })} · {o.courier}
                  </span>
                ) : null}
                <Link to={`/seller/dropship/komplain/${o.orderNumber}`}>{t("dropship.afterSales.link", { number: o.orderNumber })}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t("dropship.performance.title")}</h2>
      {performance.length === 0 ? <p className="muted">{t("dropship.performance.none")}</p> : null}
      <ul className="ds-list">
        {performance.map((p) => (
          <li key={p.supplierShopId} className="ds-item">
            <strong>{p.supplier}</strong>
            <span>{t("dropship.performance.orders", { orders: p.orders })}</span>
            <span className={p.late ? "ds-margin--neg" : undefined}>{t("dropship.performance.late", { late: p.late, percent: percentOf(p.late, p.orders) })}</span>
            <span>{t("dropship.performance.complaints", { complaints: p.complaints, percent: percentOf(p.complaints, p.orders) })}</span>
          </li>
        ))}
      </ul>

      <h2>{t("dropship.products.title")}</h2>
      {suppliers.length === 0 ? <p className="muted">{t("dropship.products.none")}</p> : null}
      {suppliers.map((s) => (
        <section key={s.supplier} aria-label={s.supplier}>
          <h3>{s.supplier}</h3>
          <ul className="ds-list">
            {s.products.map((p) => (
              <li key={p.productId} className="ds-item">
                <Link to={`/produk/${p.slug}`}>{p.title}</Link>
                <span>
                  {formatRupiah(p.price)} · {t("dropship.dropshipPrice", { price: p.dropshipPrice == null ? "–" : formatRupiah(p.dropshipPrice) })}
                </span>
                <span className={p.margin != null && p.margin < 0 ? "ds-margin--neg" : undefined}>{t("dropship.margin", { margin: p.margin == null ? "–" : formatRupiah(p.margin) })}</span>
                <span>
                  {t("dropship.stock", { stock: p.stock })} · {t(`dropship.listing.${p.status === "active" ? "active" : "inactive"}`)}
                </span>
                {p.notice ? <span className="ds-notice">{p.notice}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}

      <h2>{t("dropship.marginByMonth")}</h2>
      {marginByMonth.length === 0 ? <p className="muted">{t("dropship.marginByMonth.none")}</p> : null}
      <ul>
        {marginByMonth.map((m) => (
          <li key={m.month}>
            {formatMonth(m.month, locale)}: {formatRupiah(m.margin)}
          </li>
        ))}
      </ul>

      <h2>{t("dropship.catalogs.title")}</h2>
      {catalogs.length === 0 ? <p className="muted">{t("dropship.catalogs.none")}</p> : null}
      <ul className="ds-list">
        {catalogs.map((c) => (
          <li key={c.id} className="ds-item">
            <Link to={`/seller/dropship/pemasok/${c.id}`}>{c.name}</Link>
            <span className="muted">
              {t("dropship.catalogs.products", { count: c.products })}
              {c.requiresApproval ? ` · ${t("dropship.catalogs.approval")}` : ""}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A share of orders as a percent with one decimal (0 when there were no orders). */
function percentOf(part: number, whole: number) {
  return whole ? Math.round((part / whole) * 1000) / 10 : 0;
}
