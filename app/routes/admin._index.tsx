import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { requireAdmin } from "~/infra/auth.server";

export const meta = titleMeta("admin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

export default function AdminHome() {
  const t = useT();
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <p>{t("admin.lead")}</p>
      <ul className="card">
        <li>
          <Link to="/admin/verifications">{t("nav.adminReview")}</Link>
        </li>
        <li>
          <Link to="/admin/rekening">{t("bankChange.admin.title")}</Link>
        </li>
        <li>
          <Link to="/admin/categories">{t("adminCatalog.nav")}</Link>
        </li>
        <li>
          <Link to="/admin/products">{t("adminProducts.nav")}</Link>
        </li>
        <li>
          <Link to="/admin/pesanan">{t("adminOrders.title")}</Link>
        </li>
        <li>
          <Link to="/admin/komplain">{t("dropship.afterSales.adminTitle")}</Link>
        </li>
        <li>
          <Link to="/admin/komisi">{t("commission.title")}</Link>
        </li>
        <li>
          <Link to="/admin/outbox">{t("nav.outbox")}</Link>
        </li>
        <li>
          <Link to="/admin/payouts">{t("payout.title")}</Link>
        </li>
        <li>
          <Link to="/admin/keuangan">{t("adminFinance.nav")}</Link>
        </li>
      </ul>
    </>
  );
}
