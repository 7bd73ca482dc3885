import { redirect, type LoaderFunctionArgs, type MetaFunction, type LinksFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BrowseResults } from "~/components/catalog/browse-results";
import { categoryName, filledParams, hrefWith, withoutEmptyParams } from "~/components/catalog/browse-url";
import { catalogMeta, localeOfMatches } from "~/components/catalog/catalog-meta";
import { useLocale, useT } from "~/components/i18n";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { translator } from "~/i18n/i18n";
import { appOrigin } from "~/infra/env.server";
import { browse, parseBrowseParams } from "~/services/browse.server";
import catalogStyles from "~/styles/catalog.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: catalogStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = withoutEmptyParams(new URL(request.url));
  const params = parseBrowseParams(url);
  const result = await browse(params);
  // A retired category: the same search in the category that took over its products.
  if (result.redirectTo) throw redirect(hrefWith("/cari", filledParams(url.search), { kategori: result.redirectTo }), 301);
  const cover = result.items.find((i) => i.coverUrl)?.coverUrl;
  return { ...result, params, ogImage: cover ? `${appOrigin()}${cover}` : null };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = translator(localeOfMatches(matches));
  const q = data?.params.q;
  const category = data?.category ? categoryName(data.category, localeOfMatches(matches)) : null;
  const title = q ? t("browse.search.titleQuery", { q }) : (category ?? t("browse.search.title"));
  // Result pages for arbitrary queries are for visitors, not for search engines.
  return catalogMeta(matches, { title, description: t("browse.search.description"), image: data?.ogImage, noindex: true });
};

export default function Search() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const heading = data.params.q
    ? t("browse.search.titleQuery", { q: data.params.q })
    : data.category
      ? categoryName(data.category, locale)
      : t("browse.search.title");
  return <BrowseResults mode="search" path="/cari" heading={heading} data={data} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
