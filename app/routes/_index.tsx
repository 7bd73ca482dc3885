import type { LoaderFunctionArgs, MetaFunction, LinksFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { categoryName } from "~/components/catalog/browse-url";
import { catalogMeta, localeOfMatches } from "~/components/catalog/catalog-meta";
import { ProductGrid } from "~/components/catalog/product-grid";
import { useLocale, useT } from "~/components/i18n";
import { translator } from "~/i18n/i18n";
import { appOrigin } from "~/infra/env.server";
import type { loader as rootLoader } from "~/root";
import { homeSections } from "~/services/browse.server";
import catalogStyles from "~/styles/catalog.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: catalogStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const sections = await homeSections();
  return { ...sections, baseUrl: appOrigin() };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = translator(localeOfMatches(matches));
  return catalogMeta(matches, { title: t("browse.home.title"), description: t("browse.home.description"), url: data ? `${data.baseUrl}/` : undefined });
};

export default function Home() {
  const t = useT();
  const locale = useLocale();
  const { topCategories, newest, bestselling } = useLoaderData<typeof loader>();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  return (
    <>
      <h1 className="visually-hidden">{t("browse.home.title")}</h1>
      <Form method="get" action="/cari" role="search" className="search-box search-box--home">
        <label htmlFor="home-q" className="visually-hidden">
          {t("browse.search.label")}
        </label>
        <input id="home-q" name="q" type="search" placeholder={t("browse.search.placeholder")} maxLength={100} enterKeyHint="search" />
        <button type="submit">{t("browse.search.submit")}</button>
      </Form>

      {topCategories.length ? (
        <section aria-labelledby="home-categories">
          <h2 id="home-categories">{t("browse.home.categories")}</h2>
          <ul className="category-tiles">
            {topCategories.map((c) => (
              <li key={c.slug}>
                <Link to={`/kategori/${c.slug}`}>{categoryName(c, locale)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <HomeSection id="home-newest" title={t("browse.home.newest")} more="/cari?urut=newest" products={newest} />
      <HomeSection id="home-bestselling" title={t("browse.home.bestselling")} more="/cari?urut=bestselling" products={bestselling} />

      <section aria-labelledby="home-sell" className="card seller-cta">
        <h2 id="home-sell">{t("home.title")}</h2>
        {root?.user ? <p>{t("home.hello", { name: root.user.name })}</p> : null}
        <p>{t("home.lead")}</p>
        <ol className="steps">
          <li>{t("home.step1")}</li>
          <li>{t("home.step2")}</li>
          <li>{t("home.step3")}</li>
          <li>{t("home.step4")}</li>
        </ol>
        <div className="row">
          <Link className="button" to={root?.user ? "/seller/onboarding" : "/signup?redirectTo=/seller/onboarding"}>
            {t("home.ctaSeller")}
          </Link>
          {root?.user ? null : (
            <Link className="button-secondary" to="/signup">
              {t("home.ctaBuyer")}
            </Link>
          )}
        </div>
      </section>
    </>
  );
}

function HomeSection({ id, title, more, products }: { id: string; title: string; more: string; products: Parameters<typeof ProductGrid>[0]["products"] }) {
  const t = useT();
  return (
    <section aria-labelledby={id}>
      <div className="section-head">
        <h2 id={id}>{title}</h2>
        {products.length ? <Link to={more}>{t("browse.home.seeAll")}</Link> : null}
      </div>
      {products.length ? <ProductGrid products={products} /> : <p className="empty-state">{t("browse.home.empty")}</p>}
    </section>
  );
}
