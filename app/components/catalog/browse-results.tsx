import { Form, Link, useNavigate, useNavigation } from "@remix-run/react";
import type { FormEvent } from "react";
import { formatNumber } from "~/i18n/format";
import type { Sort } from "~/models/product.server";
import type { BrowseParams, ListingCard } from "~/services/browse.server";
import { useLocale, useT } from "../i18n";
import { categoryName, filledParams, hrefWith } from "./browse-url";
import { ProductGrid } from "./product-grid";
import { ProvinceOptions } from "~/components/region-options";

type CategoryLink = { slug: string; name: string; nameEn: string | null };

export interface BrowseResultsData {
  items: ListingCard[];
  next: string | null;
  total: number;
  fuzzy?: boolean;
  /** The query with its misspelt words corrected, when the query as typed found nothing. */
  correctedQuery?: string | null;
  sort: Sort;
  category: CategoryLink | null;
  breadcrumb: CategoryLink[];
  subcategories: CategoryLink[];
  params: BrowseParams;
}

// Relevance only makes sense for a text query; the service falls back to newest without one.
const SORT_OPTIONS = ["relevance", "newest", "price_asc", "price_desc", "bestselling"] as const satisfies readonly Sort[];

/**
 * Search results and category pages: one GET form, so every filter is in the URL (shareable, and the
 * back button restores it), the count, breadcrumb, subcategory chips, the grid and keyset paging.
 * On a category page the category lives in the path: picking another one goes to its page, "all"
 * goes to /cari. With JavaScript the form builds that URL itself; without, the category loader redirects.
 */
export function BrowseResults({ mode, path, heading, data }: { mode: "search" | "category"; path: string; heading: string; data: BrowseResultsData }) {
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const { params, category } = data;

  // The current filters as they appear in the URL (without the cursor); on a category page without kategori.
  const current = filledParams(
    Object.entries(params).flatMap(([k, v]) => (v === undefined || k === "setelah" || (mode === "category" && k === "kategori") ? [] : [[k, String(v)]])),
  );
  const categoryHref = (slug: string | null) =>
    mode === "category" ? (slug ? hrefWith(`/kategori/${slug}`, current) : hrefWith("/cari", current)) : hrefWith("/cari", current, { kategori: slug });
  const activeFilters = [params.min !== undefined || params.max !== undefined, params.provinsi, params.kondisi, params.urut].filter(Boolean).length;
  const hasFilters = activeFilters > 0;
  const shownSort = params.urut && (params.q || params.urut !== "relevance") ? params.urut : params.q ? "relevance" : "newest";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = filledParams([...new FormData(event.currentTarget)].map(([k, v]) => [k, String(v)]));
    if (fields.get("urut") === (fields.get("q") ? "relevance" : "newest")) fields.delete("urut");
    let target = path;
    if (mode === "category") {
      const chosen = fields.get("kategori");
      fields.delete("kategori");
      target = chosen ? `/kategori/${chosen}` : "/cari";
    }
    navigate(hrefWith(target, fields));
  }

  const categoryOptions = [
    ...data.breadcrumb.map((c, depth) => ({ slug: c.slug, label: `${"\u00a0\u00a0".repeat(depth)}${categoryName(c, locale)}` })),
    ...data.subcategories.map((c) => ({ slug: c.slug, label: `${"\u00a0\u00a0".repeat(data.breadcrumb.length)}${categoryName(c, locale)}` })),
  ];

  return (
    <>
      {data.breadcrumb.length ? (
        <nav aria-label={t("browse.breadcrumb")} className="breadcrumb">
          <ol>
            <li>{mode === "category" ? <Link to="/">{t("nav.home")}</Link> : <Link to={categoryHref(null)}>{t("browse.filters.allCategories")}</Link>}</li>
            {data.breadcrumb.map((c) => (
              <li key={c.slug}>
                {c.slug === category?.slug ? (
                  <span aria-current="page">{categoryName(c, locale)}</span>
                ) : (
                  <Link to={categoryHref(c.slug)}>{categoryName(c, locale)}</Link>
                )}
              </li>
            ))}
          </ol>
        </nav>
      ) : null}

      <h1>{heading}</h1>

      {/* Keyed by the query: defaultValue only applies on mount, and the back button must show the old filters. */}
      <Form key={`${path}?${current}`} method="get" action={path} onSubmit={onSubmit} className="browse-form" role="search">
        <div className="search-box">
          <label htmlFor="browse-q" className="visually-hidden">
            {t("browse.search.label")}
          </label>
          <input id="browse-q" name="q" type="search" defaultValue={params.q ?? ""} placeholder={t("browse.search.placeholder")} maxLength={100} enterKeyHint="search" />
          <button type="submit">{t("browse.search.submit")}</button>
        </div>
        {/* Closed once applied, so the results are what a phone shows first; the summary counts what is in force. */}
        <details className="filters">
          <summary>{hasFilters ? `${t("browse.filters.title")} (${activeFilters})` : t("browse.filters.title")}</summary>
          <div className="filters__grid">
            <div className="field">
              <label htmlFor="browse-kategori">{t("browse.filters.category")}</label>
              <select id="browse-kategori" name="kategori" defaultValue={category?.slug ?? ""}>
                <option value="">{t("browse.filters.allCategories")}</option>
                {categoryOptions.map((o) => (
                  <option key={o.slug} value={o.slug}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="filters__pair">
              <div className="field">
                <label htmlFor="browse-min">{t("browse.filters.priceMin")}</label>
                <input id="browse-min" name="min" type="number" inputMode="numeric" min={0} step={1} defaultValue={params.min ?? ""} />
              </div>
              <div className="field">
                <label htmlFor="browse-max">{t("browse.filters.priceMax")}</label>
                <input id="browse-max" name="max" type="number" inputMode="numeric" min={0} step={1} defaultValue={params.max ?? ""} />
              </div>
            </div>
            <div className="field">
              <label htmlFor="browse-provinsi">{t("browse.filters.province")}</label>
              <select id="browse-provinsi" name="provinsi" defaultValue={params.provinsi ?? ""}>
                <option value="">{t("browse.filters.allProvinces")}</option>
                <ProvinceOptions />
              </select>
            </div>
            <div className="field">
              <label htmlFor="browse-kondisi">{t("browse.filters.condition")}</label>
              <select id="browse-kondisi" name="kondisi" defaultValue={params.kondisi ?? ""}>
                <option value="">{t("browse.filters.anyCondition")}</option>
                <option value="new">{t("browse.condition.new")}</option>
                <option value="used">{t("browse.condition.used")}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="browse-urut">{t("browse.filters.sort")}</label>
              <select id="browse-urut" name="urut" defaultValue={shownSort}>
                {SORT_OPTIONS.filter((s) => s !== "relevance" || params.q).map((s) => (
                  <option key={s} value={s}>
                    {t(`browse.sort.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="row">
            <button type="submit">{t("browse.filters.apply")}</button>
            {hasFilters ? <Link to={hrefWith(path, filledParams(params.q ? { q: params.q } : {}), mode === "search" && category ? { kategori: category.slug } : {})}>{t("browse.filters.reset")}</Link> : null}
          </div>
        </details>
      </Form>

      {data.subcategories.length ? (
        <nav aria-label={t("browse.results.subcategories")} className="chips">
          <ul>
            {data.subcategories.map((c) => (
              <li key={c.slug}>
                <Link to={categoryHref(c.slug)} className="chip">
                  {categoryName(c, locale)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      <section aria-busy={navigation.state === "loading" || undefined} className="results">
        <h2 className="results__count" aria-live="polite">
          <ResultCount total={data.total} />
        </h2>
        {data.fuzzy && data.correctedQuery && data.total > 0 ? <p className="muted">{t("browse.results.fuzzy", { query: data.correctedQuery })}</p> : null}
        {data.items.length ? <ProductGrid products={data.items} /> : <p className="empty-state">{t("browse.results.empty")}</p>}
        <Pager path={path} params={current} next={data.next} after={params.setelah} />
      </section>
    </>
  );
}

/** "1.234 produk"; English needs its singular. */
export function ResultCount({ total }: { total: number }) {
  const t = useT();
  return <>{total === 1 ? t("browse.results.countOne") : t("browse.results.count", { count: formatNumber(total) })}</>;
}

/** Keyset paging: only "next" and "back to the first page", never page numbers. */
export function Pager({ path, params, next, after }: { path: string; params: URLSearchParams; next: string | null; after?: string }) {
  const t = useT();
  if (!next && !after) return null;
  return (
    <nav aria-label={t("browse.results.pagination")} className="pager">
      {after ? <Link to={hrefWith(path, params)}>{t("pagination.first")}</Link> : <span />}
      {next ? (
        <Link to={hrefWith(path, params, { setelah: next })} rel="next" className="button-secondary">
          {t("pagination.next")}
        </Link>
      ) : null}
    </nav>
  );
}
