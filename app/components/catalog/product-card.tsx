import { Link } from "@remix-run/react";
import { formatRupiah } from "~/i18n/format";
import { useT } from "../i18n";

/** What a card needs; ListingCard from the browse service fits it. */
export interface ProductCardData {
  slug: string;
  title: string;
  priceRupiah: number;
  condition: string;
  shopName: string;
  shopSlug: string;
  city: string | null;
  coverUrl: string | null;
}

// The medium photo is bounded to 600 px; the card shows it as a square at most ~300 CSS px wide.
const COVER_PX = 300;

export function ProductCard({ product }: { product: ProductCardData }) {
  const t = useT();
  return (
    <article className="product-card">
      <Link to={`/produk/${product.slug}`} className="product-card__link" prefetch="intent">
        <span className="product-card__media">
          {product.coverUrl ? (
            // alt="": the title beside it names the link; a screen reader would otherwise read the title twice.
            <img src={product.coverUrl} alt="" width={COVER_PX} height={COVER_PX} loading="lazy" decoding="async" />
          ) : (
            <span className="product-card__placeholder" aria-hidden="true" />
          )}
          {product.condition === "used" ? <span className="badge product-card__badge">{t("browse.condition.used")}</span> : null}
        </span>
        <span className="product-card__title">{product.title}</span>
      </Link>
      <p className="product-card__price">{formatRupiah(product.priceRupiah)}</p>
      <p className="product-card__meta">
        {product.city ? <span className="product-card__city">{product.city}</span> : null}
        <Link to={`/toko/${product.shopSlug}`} className="product-card__shop">
          {product.shopName}
        </Link>
      </p>
    </article>
  );
}
