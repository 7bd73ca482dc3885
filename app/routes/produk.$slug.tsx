import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { categoryName } from "~/components/catalog/browse-url";
import { catalogMeta, localeOfMatches } from "~/components/catalog/catalog-meta";
import { ProductGallery } from "~/components/catalog/product-gallery";
import { ShippingEstimate } from "~/components/catalog/shipping-estimate";
import { findVariant, initialChoice, VariantPicker } from "~/components/catalog/variant-picker";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLocale, useT } from "~/components/i18n";
import { formatDate, formatNumber, formatRupiah, formatWeight } from "~/i18n/format";
import { translator } from "~/i18n/i18n";
import { getCurrentUser } from "~/infra/auth.server";
import { notFound, routeParams } from "~/infra/http.server";
import { SlugParams } from "~/schemas/params";
import { appOrigin } from "~/infra/env.server";
import { shopIdOfOwner } from "~/models/shop-public.server";
import type { action as cartAction } from "~/routes/keranjang";
import { productPage } from "~/services/browse.server";
import catalogStyles from "~/styles/catalog.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: catalogStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // getCurrentUser is cached per request (the root loader asked already); the shop lookup is for sellers only.
  const user = await getCurrentUser(request);
  const { slug } = routeParams(params, SlugParams);
  const product = await productPage(slug, { shopOwnerOf: user?.shopStatus ? await shopIdOfOwner(user.id) : null, isAdmin: user?.isAdmin });
  if (!product) notFound();
  return { product, baseUrl: appOrigin() };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = translator(localeOfMatches(matches));
  if (!data) return [{ title: `${t("error.404.title")} · ${t("app.name")}` }];
  const { product, baseUrl } = data;
  const price = formatRupiah(product.priceRupiah);
  return catalogMeta(matches, {
    title: product.title,
    description: product.description.trim() || t("browse.product.metaDescription", { title: product.title, price, shop: product.shop.name }),
    url: `${baseUrl}/produk/${product.slug}`,
    image: product.photos[0] ? `${baseUrl}${product.photos[0].large}` : null,
    type: "product",
    noindex: product.status !== "active",
    extra: [
      { property: "product:price:amount", content: String(product.priceRupiah) },
      { property: "product:price:currency", content: "IDR" },
    ],
  });
};

type Product = ReturnType<typeof useLoaderData<typeof loader>>["product"];

export default function ProductPage() {
  const { product } = useLoaderData<typeof loader>();
  // Keyed: going from one product to another starts with that product's variant and quantity.
  return <ProductView key={product.id} product={product} />;
}

function ProductView({ product }: { product: Product }) {
  const t = useT();
  const locale = useLocale();
  const hasVariants = product.variantTypes.length > 0 && product.variants.length > 0;
  const [choice, setChoice] = useState(() => initialChoice(product.variants));
  const variant = hasVariants ? findVariant(product.variants, choice) : undefined;
  // With variants, price, stock and weight are the chosen combination's; the listing shows the lowest price.
  const price = variant?.priceRupiah ?? product.priceRupiah;
  const stock = hasVariants ? (variant?.stock ?? 0) : product.stock;
  const weightGrams = variant?.weightGrams ?? product.weightGrams;
  const [quantityInput, setQuantityInput] = useState(String(product.minOrder));
  const quantity = Number(quantityInput);
  const place = [product.shop.city, product.shop.province].filter(Boolean).join(", ");
  const shipsFrom = [product.shipsFrom.city, product.shipsFrom.province].filter(Boolean).join(", ");

  return (
    <>
      {product.breadcrumb.length ? (
        <nav aria-label={t("browse.breadcrumb")} className="breadcrumb">
          <ol>
            <li>
              <Link to="/">{t("nav.home")}</Link>
            </li>
            {product.breadcrumb.map((c) => (
              <li key={c.slug}>
                <Link to={`/kategori/${c.slug}`}>{categoryName(c, locale)}</Link>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}

      {product.status !== "active" ? (
        <div className="alert alert--warn" role="status">
          {t("browse.product.notPublic", { status: t(`browse.product.status.${product.status}`) })}
        </div>
      ) : null}

      <div className="product">
        <ProductGallery photos={product.photos} title={product.title} />

        <div className="product__info">
          <h1 className="product__title">{product.title}</h1>
          <p className="product__price" aria-live="polite">
            {formatRupiah(price)}
          </p>
          <p className="product__badges">
            <span className={`badge${product.condition === "used" ? " badge--used" : ""}`}>{t(`browse.condition.${product.condition}`)}</span>
            {product.soldCount > 0 ? <span className="muted">{t("browse.card.sold", { count: formatNumber(product.soldCount) })}</span> : null}
          </p>

          {hasVariants ? <VariantPicker types={product.variantTypes} variants={product.variants} choice={choice} onChange={setChoice} /> : null}

          <div className="field product__qty">
            <label htmlFor="jumlah">{t("browse.product.quantity")}</label>
            <input
              id="jumlah"
              type="number"
              inputMode="numeric"
              min={product.minOrder}
              max={Math.max(stock, product.minOrder)}
              step={1}
              value={quantityInput}
              onChange={(e) => setQuantityInput(e.target.value)}
            />
          </div>

          <BuyButtons productId={product.id} variantId={hasVariants ? (variant?.id ?? "") : ""} quantity={quantityInput} disabled={stock <= 0 || (hasVariants && !variant)} />

          <h2 className="visually-hidden">{t("browse.product.details")}</h2>
          <dl className="product__facts">
            <div>
              <dt>{t("browse.product.condition")}</dt>
              <dd>{t(`browse.condition.${product.condition}`)}</dd>
            </div>
            <div>
              <dt>{t("browse.product.stock")}</dt>
              <dd>{stock > 0 ? t("browse.product.stockValue", { count: formatNumber(stock) }) : <span className="product__soldout">{t("browse.product.outOfStock")}</span>}</dd>
            </div>
            <div>
              <dt>{t("browse.product.minOrder")}</dt>
              <dd>{t("browse.product.minOrderValue", { count: formatNumber(product.minOrder) })}</dd>
            </div>
            <div>
              <dt>{t("browse.product.weight")}</dt>
              <dd>{formatWeight(weightGrams)}</dd>
            </div>
            {product.dimensions ? (
              <div>
                <dt>{t("browse.product.dimensions")}</dt>
                <dd>{t("browse.product.dimensionsValue", { l: product.dimensions.lengthCm, w: product.dimensions.widthCm, h: product.dimensions.heightCm })}</dd>
              </div>
            ) : null}
          </dl>

          <ShippingEstimate slug={product.slug} weightGrams={weightGrams} quantity={quantity} origin={shipsFrom || null} />
        </div>
      </div>

      <section aria-labelledby="product-description">
        <h2 id="product-description">{t("browse.product.description")}</h2>
        {product.description.trim() ? <p className="product__description">{product.description}</p> : <p className="muted">{t("browse.product.noDescription")}</p>}
      </section>

      <section aria-labelledby="product-shop" className="card shop-card">
        <h2 id="product-shop" className="shop-card__label">
          {t("browse.shop.seller")}
        </h2>
        <p className="shop-card__name">
          <Link to={`/toko/${product.shop.slug}`}>{product.shop.name}</Link>
          {product.shop.verified ? <span className="badge badge--approved">{t("browse.shop.verified")}</span> : null}
        </p>
        {place ? <p className="muted">{place}</p> : null}
        <p className="muted">{t("browse.shop.joined", { date: formatDate(product.shop.joinedAt, locale) })}</p>
        <Link to={`/toko/${product.shop.slug}`} className="button-secondary">
          {t("browse.shop.visit")}
        </Link>
      </section>
    </>
  );
}

/** "+ Keranjang" stays on the page and says so; "Beli Sekarang" goes straight to checkout with this item. */
function BuyButtons({ productId, variantId, quantity, disabled }: { productId: string; variantId: string; quantity: string; disabled: boolean }) {
  const t = useT();
  const fetcher = useFetcher<typeof cartAction>();
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  return (
    <fetcher.Form noValidate method="post" action="/keranjang" className="product__buy">
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="variantId" value={variantId} />
      <input type="hidden" name="quantity" value={quantity} />
      <button type="submit" name="intent" value="add" className="button-secondary" disabled={disabled || fetcher.state !== "idle"}>
        {t("cart.add")}
      </button>
      <button type="submit" name="intent" value="buy_now" disabled={disabled || fetcher.state !== "idle"}>
        {t("cart.buyNow")}
      </button>
      {result?.ok ? (
        <p role="status" className="product__buy-result">
          {t("cart.added")} <Link to="/keranjang">{t("nav.cart")}</Link>
        </p>
      ) : null}
      {result && !result.ok && result.error ? (
        <p role="alert" className="field__error">
          {t(result.error, result.vars)}
        </p>
      ) : null}
    </fetcher.Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
