import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { requireShopOwner } from "~/infra/auth.server";
import { findShopOfOwner } from "~/models/shop.server";

export const meta = titleMeta("seller.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireShopOwner(request);
  const shop = (await findShopOfOwner(user.id))!;
  return { shop: { name: shop.name, slug: shop.slug, status: shop.status } };
}

export default function SellerHome() {
  const t = useT();
  const { shop } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("seller.title")}</h1>
      <div className="card">
        <h2>{shop.name}</h2>
        <p>
          {t("onboarding.status")}: <span className={`badge badge--${shop.status}`}>{t(`status.${shop.status}`)}</span>
        </p>
        <div className="row">
          {shop.status === "approved" ? (
            <Link className="button" to="/seller/products">
              {t("sellerProducts.homeLink")}
            </Link>
          ) : null}
          <Link className="button-secondary" to="/seller/onboarding">
            {shop.status === "approved" ? t("onboarding.timeline") : t("onboarding.title")}
          </Link>
        </div>
      </div>
    </>
  );
}
