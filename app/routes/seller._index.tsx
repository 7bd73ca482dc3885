import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { requireShopOwner } from "~/infra/auth.server";
import { findShopOfOwner } from "~/models/shop.server";
import { sellerPerformance } from "~/services/seller-orders.server";

export const meta = titleMeta("seller.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireShopOwner(request);
  const shop = (await findShopOfOwner(user.id))!;
  return { shop: { name: shop.name, slug: shop.slug, status: shop.status }, performance: await sellerPerformance(user.id) };
}

export default function SellerHome() {
  const t = useT();
  const { shop, performance } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("seller.title")}</h1>
      <div className="card">
        <h2>{shop.name}</h2>
        <p>
          {t("onboarding.status")}: <span className={`badge badge--${shop.status}`}>{t(`status.${shop.status}`)}</span>
        </p>
        <div className="row">
          <Link className="button" to="/seller/orders">
            {t("sellerOrders.homeLink")}
          </Link>
          <Link className="button" to="/seller/keuangan">
            {t("finance.homeLink")}
          </Link>
          {shop.status === "approved" ? (
            <Link className="button" to="/seller/products">
              {t("sellerProducts.homeLink")}
            </Link>
          ) : null}
          {shop.status === "approved" ? (
            <Link className="button" to="/seller/keuangan/tarik">
              {t("withdrawal.financeLink")}
            </Link>
          ) : null}
          {shop.status === "approved" ? (
            <Link className="button" to="/seller/dropship">
              {t("dropship.title")}
            </Link>
          ) : null}
          <Link className="button-secondary" to="/seller/onboarding">
            {shop.status === "approved" ? t("onboarding.timeline") : t("onboarding.title")}
          </Link>
        </div>
      </div>
      <div className="card" aria-label={t("sellerOrders.title")}>
        <p>
          <Link to="/seller/orders?tab=paid">{t("sellerOrders.toShip", { count: performance.toShip })}</Link>
        </p>
        <p className={performance.lateCancellations ? "flag" : undefined}>
          {t("sellerOrders.lateCount", { count: performance.lateCancellations, total: performance.paidOrders, rate: performance.lateRatePercent })}
        </p>
        <p className="muted">{t("sellerOrders.lateHelp")}</p>
      </div>
    </>
  );
}
