import type { LoaderFunctionArgs, MetaFunction, LinksFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Pager, ResultCount } from "~/components/catalog/browse-results";
import { filledParams, withoutEmptyParams } from "~/components/catalog/browse-url";
import { catalogMeta, localeOfMatches } from "~/components/catalog/catalog-meta";
import { ProductGrid } from "~/components/catalog/product-grid";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLocale, useT } from "~/components/i18n";
import { findProvince, resolveRegency } from "~/domain/regions/data";
import { formatDate } from "~/i18n/format";
import { translator } from "~/i18n/i18n";
import { notFound, routeParams as parseRouteParams } from "~/infra/http.server";
import { SlugParams } from "~/schemas/params";
import { appOrigin } from "~/infra/env.server";
import { findPublicShopBySlug } from "~/models/shop-public.server";
import { browse, parseBrowseParams } from "~/services/browse.server";
import catalogStyles from "~/styles/catalog.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: catalogStyles }];

export async function loader({ request, params: routeParams }: LoaderFunctionArgs) {
  const shop = await findPublicShopBySlug(parseRouteParams(routeParams, SlugParams).slug);
  if (!shop) notFound();
  const { q, urut, setelah } = parseBrowseParams(withoutEmptyParams(new URL(request.url)));
  // A shop page searches only within the shop; the other filters belong to /cari.
  const result = await browse({ q, urut, setelah }, { shopId: shop.id });
  const base = appOrigin();
  const cover = result.items.find((i) => i.coverUrl)?.coverUrl;
  return {
    shop: {
      name: shop.name,
      slug: shop.slug,
      description: shop.description,
      city: shop.regencyCode ? (resolveRegency(shop.regencyCode)?.name ?? null) : null,
      province: shop.provinceCode ? (findProvince(shop.provinceCode)?.name ?? null) : null,
      joinedAt: shop.createdAt.toISOString(),
    },
    items: result.items,
    next: result.next,
    total: result.total,
    params: { q, urut, setelah },
    canonicalUrl: `${base}/toko/${shop.slug}`,
    ogImage: cover ? `${base}${cover}` : null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = translator(localeOfMatches(matches));
  if (!data) return [{ title: `${t("error.404.title")} · ${t("app.name")}` }];
  const place = [data.shop.city, data.shop.province].filter(Boolean).join(", ");
  return catalogMeta(matches, {
    title: data.shop.name,
    description: data.shop.description.trim() || t("browse.shop.metaDescription", { name: data.shop.name, place: place ? ` (${place})` : "" }),
    url: data.canonicalUrl,
    image: data.ogImage,
    type: "profile",
    noindex: Boolean(data.params.q || data.params.setelah),
  });
};

export default function ShopPage() {
  const { shop, items, next, total, params } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const path = `/toko/${shop.slug}`;
  const place = [shop.city, shop.province].filter(Boolean).join(", ");
  const current = filledParams(Object.entries(params).flatMap(([k, v]) => (v && k !== "setelah" ? [[k, String(v)]] : [])));
  return (
    <>
      <header className="shop-header card">
        <h1 className="shop-header__name">
          {shop.name} <span className="badge badge--approved">{t("browse.shop.verified")}</span>
        </h1>
        {place ? <p className="muted">{place}</p> : null}
        <p className="muted">{t("browse.shop.joined", { date: formatDate(shop.joinedAt, locale) })}</p>
        {shop.description.trim() ? (
          <>
            <h2 className="visually-hidden">{t("browse.shop.about")}</h2>
            <p className="shop-header__description">{shop.description}</p>
          </>
        ) : null}
      </header>

      <section aria-labelledby="shop-products">
        <h2 id="shop-products">{t("browse.shop.products")}</h2>
        <Form key={params.q ?? ""} method="get" action={path} role="search" className="search-box">
          <label htmlFor="shop-q" className="visually-hidden">
            {t("browse.shop.search")}
          </label>
          <input id="shop-q" name="q" type="search" defaultValue={params.q ?? ""} placeholder={t("browse.shop.search")} maxLength={100} enterKeyHint="search" />
          {params.urut ? <input type="hidden" name="urut" value={params.urut} /> : null}
          <button type="submit">{t("browse.search.submit")}</button>
        </Form>
        <p className="results__count" aria-live="polite">
          <ResultCount total={total} />
        </p>
        {items.length ? <ProductGrid products={items} /> : <p className="empty-state">{t("browse.shop.empty")}</p>}
        <Pager path={path} params={current} next={next} after={params.setelah} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
