import { redirect, type LoaderFunctionArgs, type MetaFunction, type LinksFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BrowseResults } from "~/components/catalog/browse-results";
import { categoryName, filledParams, hrefWith, withoutEmptyParams } from "~/components/catalog/browse-url";
import { catalogMeta, localeOfMatches } from "~/components/catalog/catalog-meta";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLocale } from "~/components/i18n";
import { translator } from "~/i18n/i18n";
import { notFound, routeParams as parseRouteParams } from "~/infra/http.server";
import { SlugParams } from "~/schemas/params";
import { appOrigin } from "~/infra/env.server";
import { categoryTree } from "~/models/category.server";
import { browse, parseBrowseParams } from "~/services/browse.server";
import catalogStyles from "~/styles/catalog.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: catalogStyles }];

export async function loader({ request, params: routeParams }: LoaderFunctionArgs) {
  const { slug } = parseRouteParams(routeParams, SlugParams);
  const url = withoutEmptyParams(new URL(request.url));
  const query = filledParams(url.search);
  // The filter form without JavaScript sends the category as ?kategori=: the category is the path here.
  if (new URL(request.url).searchParams.has("kategori")) {
    const chosen = query.get("kategori");
    query.delete("kategori");
    throw redirect(hrefWith(chosen ? `/kategori/${encodeURIComponent(chosen)}` : "/cari", query));
  }
  // The tree is cached in memory: an unknown slug is a 404 before any product query runs.
  if (!(await categoryTree()).bySlug.has(slug)) notFound();
  const params = parseBrowseParams(url);
  const result = await browse(params, { categorySlug: slug });
  if (!result.category) notFound();
  if (result.redirectTo) throw redirect(hrefWith(`/kategori/${result.redirectTo}`, query, { setelah: query.get("setelah") }), 301);
  const base = appOrigin();
  const cover = result.items.find((i) => i.coverUrl)?.coverUrl;
  return { ...result, category: result.category, params, canonicalUrl: `${base}/kategori/${result.category.slug}`, ogImage: cover ? `${base}${cover}` : null };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = localeOfMatches(matches);
  const t = translator(locale);
  if (!data?.category) return [{ title: `${t("error.404.title")} · ${t("app.name")}` }];
  const name = categoryName(data.category, locale);
  const filtered = Boolean(data.params.q || data.params.setelah || data.params.min !== undefined || data.params.max !== undefined || data.params.provinsi || data.params.kondisi);
  return catalogMeta(matches, {
    title: name,
    description: t("browse.category.description", { category: name }),
    url: data.canonicalUrl,
    image: data.ogImage,
    noindex: filtered,
  });
};

export default function CategoryPage() {
  const data = useLoaderData<typeof loader>();
  const locale = useLocale();
  return <BrowseResults mode="category" path={`/kategori/${data.category.slug}`} heading={categoryName(data.category, locale)} data={data} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
