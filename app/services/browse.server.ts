import { effectiveStock, sourceAvailable } from "~/domain/dropship/listing";
import { z } from "zod";
import { orderedPriceRange } from "~/domain/browse/price-range";
import { queryParams } from "~/infra/http.server";
import { int4Param } from "~/schemas/params";
import { offeredQuotes } from "~/domain/shipping/offer";
import { sampleRateProvider, type RateProvider } from "~/domain/shipping/tariffs";
import { findProvince, findRegency, resolveRegency } from "~/domain/regions/data";
import { breadcrumb, categoryTree, type CategoryNode, subtreeIds } from "~/models/category.server";
import { correctSpelling, countListings, findProductBySlug, type ListingRow, searchListings, type SearchFilter, SORTS } from "~/models/product.server";
import { photoUrl } from "./catalog.server";

export const PAGE_SIZE = 24;

// Every filter lives in the URL, so a results page can be shared and the back button works.
export const BrowseParamsSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  kategori: z.string().max(80).optional().catch(undefined),
  min: int4Param.optional().catch(undefined),
  max: int4Param.optional().catch(undefined),
  provinsi: z.string().regex(/^\d{2}$/).optional().catch(undefined),
  kondisi: z.enum(["new", "used"]).optional().catch(undefined),
  urut: z.enum(SORTS).optional().catch(undefined),
  setelah: z.string().max(200).optional().catch(undefined),
});
export type BrowseParams = z.infer<typeof BrowseParamsSchema>;

export function parseBrowseParams(url: URL): BrowseParams {
  // An empty field of a submitted filter form means "not set", never 0.
  const present = new URL(url);
  for (const [k, v] of [...url.searchParams]) if (v.trim() === "") present.searchParams.delete(k, v);
  const params = queryParams(present, BrowseParamsSchema);
  return { ...params, ...orderedPriceRange(params.min, params.max) };
}

export interface ListingCard {
  id: string;
  slug: string;
  title: string;
  priceRupiah: number;
  soldCount: number;
  condition: string;
  shopName: string;
  shopSlug: string;
  city: string | null;
  coverUrl: string | null;
}

function toCard(r: ListingRow): ListingCard {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    priceRupiah: r.price_rupiah,
    soldCount: r.sold_count,
    condition: r.condition,
    shopName: r.shop_name,
    shopSlug: r.shop_slug,
    city: r.shop_regency_code ? (resolveRegency(r.shop_regency_code)?.name ?? null) : null,
    coverUrl: r.cover_key ? photoUrl(r.cover_key) : null,
  };
}

export function categoryLabel(c: CategoryNode, locale: string) {
  return locale === "en" && c.nameEn ? c.nameEn : c.name;
}

/**
 * The page and the number of listed products. A text search's first page counts its matches in the same statement;
 * otherwise (a category, a later page) the count runs beside the list, on another connection.
 */
async function listAndCount(filter: SearchFilter) {
  if (filter.q?.trim() && !filter.after) {
    const page = await searchListings(filter);
    if (page.total !== null) return { ...page, total: page.total };
  }
  const [page, total] = await Promise.all([searchListings(filter), countListings(filter)]);
  return { ...page, total };
}

/** Search and category pages: results, total, next cursor, and the category facets to drill into. */
export async function browse(params: BrowseParams, scope: { categorySlug?: string; shopId?: string } = {}) {
  const tree = await categoryTree();
  const slug = scope.categorySlug ?? params.kategori;
  let category = slug ? tree.bySlug.get(slug) : undefined;
  // A retired category sends its visitors to the category that took over its products.
  while (category?.retired && category.replacedById) category = tree.byId.get(category.replacedById);
  const filter: SearchFilter = {
    q: params.q,
    categoryIds: category ? subtreeIds(tree, category.id) : undefined,
    minPrice: params.min,
    maxPrice: params.max,
    provinceCode: params.provinsi,
    condition: params.kondisi,
    shopId: scope.shopId,
    sort: params.urut ?? (params.q ? "relevance" : "newest"),
    after: params.setelah,
    limit: PAGE_SIZE,
  };
  // The query as typed first; only when it finds nothing, its misspelt words corrected ("gamsi" → "gamis").
  let { rows, next, total } = await listAndCount(filter);
  let corrected: string | null = null;
  if (total === 0 && filter.q?.trim()) {
    corrected = await correctSpelling(filter.q);
    if (corrected) {
      filter.q = corrected;
      ({ rows, next, total } = await listAndCount(filter));
    }
  }
  return {
    items: rows.map(toCard),
    next,
    total,
    sort: filter.sort,
    fuzzy: Boolean(corrected),
    correctedQuery: corrected,
    category: category ? { id: category.id, slug: category.slug, name: category.name, nameEn: category.nameEn, level: category.level } : null,
    breadcrumb: category ? breadcrumb(tree, category.id).map((c) => ({ slug: c.slug, name: c.name, nameEn: c.nameEn })) : [],
    subcategories: (tree.children.get(category?.id ?? null) ?? []).filter((c) => !c.retired).map((c) => ({ slug: c.slug, name: c.name, nameEn: c.nameEn })),
    redirectTo: category && slug && category.slug !== slug ? category.slug : null,
  };
}

export async function homeSections() {
  const tree = await categoryTree();
  const [newest, bestselling] = await Promise.all([
    searchListings({ sort: "newest", limit: 12 }),
    searchListings({ sort: "bestselling", limit: 12 }),
  ]);
  return {
    topCategories: (tree.children.get(null) ?? []).filter((c) => !c.retired).map((c) => ({ slug: c.slug, name: c.name, nameEn: c.nameEn })),
    newest: newest.rows.map(toCard),
    bestselling: bestselling.rows.map(toCard),
  };
}

/** The product page. Inactive, draft and blocked products are visible to nobody but their shop. */
export async function productPage(slug: string, viewer: { shopOwnerOf?: string | null; isAdmin?: boolean } = {}) {
  const p = await findProductBySlug(slug);
  if (!p) return null;
  const ownShop = viewer.shopOwnerOf === p.shopId;
  if ((p.status !== "active" || p.shop.status !== "approved" || !sourceAvailable(p.dropshipListing)) && !ownShop && !viewer.isAdmin) return null;
  const tree = await categoryTree();
  // A dropship listing's parcel leaves from its supplier: the estimate uses that place, as checkout's quotes do.
  const origin = p.dropshipListing?.sourceProduct.shop ?? p.shop;
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    description: p.description,
    status: p.status,
    condition: p.condition,
    priceRupiah: p.priceRupiah,
    stock: effectiveStock(p, p.dropshipListing),
    minOrder: p.minOrder,
    weightGrams: p.weightGrams,
    dimensions: p.lengthCm && p.widthCm && p.heightCm ? { lengthCm: p.lengthCm, widthCm: p.widthCm, heightCm: p.heightCm } : null,
    soldCount: p.soldCount,
    variantTypes: [p.variantType1, p.variantType2].filter((x): x is string => Boolean(x)),
    variants: p.variants.map((v) => ({ id: v.id, option1: v.option1, option2: v.option2, priceRupiah: v.priceRupiah, stock: v.stock, weightGrams: v.weightGrams })),
    photos: p.photos.map((ph) => ({ id: ph.id, small: photoUrl(ph.keySmall), medium: photoUrl(ph.keyMedium), large: photoUrl(ph.keyLarge), width: ph.width, height: ph.height })),
    breadcrumb: breadcrumb(tree, p.categoryId).map((c) => ({ slug: c.slug, name: c.name, nameEn: c.nameEn })),
    shop: {
      name: p.shop.name,
      slug: p.shop.slug,
      verified: p.shop.status === "approved",
      city: p.shop.regencyCode ? (resolveRegency(p.shop.regencyCode)?.name ?? null) : null,
      province: p.shop.provinceCode ? (findProvince(p.shop.provinceCode)?.name ?? null) : null,
      provinceCode: p.shop.provinceCode,
      regencyCode: p.shop.regencyCode,
      joinedAt: p.shop.createdAt.toISOString(),
    },
    shipsFrom: {
      city: origin.regencyCode ? (resolveRegency(origin.regencyCode)?.name ?? null) : null,
      province: origin.provinceCode ? (findProvince(origin.provinceCode)?.name ?? null) : null,
      provinceCode: origin.provinceCode,
      regencyCode: origin.regencyCode,
    },
  };
}

export type ProductPageData = NonNullable<Awaited<ReturnType<typeof productPage>>>;

/** Shipping estimate for the product page: each courier service's billable weight, price and days. */
export async function shippingEstimate(
  product: { weightGrams: number; dimensions: { lengthCm: number; widthCm: number; heightCm: number } | null; shipsFrom: { provinceCode: string | null; regencyCode: string | null } },
  destination: { regencyCode: string },
  opts: { weightGrams?: number; quantity?: number; provider?: RateProvider } = {},
) {
  const regency = findRegency(destination.regencyCode);
  if (!regency || !product.shipsFrom.provinceCode) return null;
  const quantity = Math.max(1, opts.quantity ?? 1);
  const quotes = await (opts.provider ?? sampleRateProvider).quote({
    originProvince: product.shipsFrom.provinceCode,
    originRegency: product.shipsFrom.regencyCode ?? undefined,
    destinationProvince: regency.provinceCode,
    destinationRegency: regency.code,
    weightGrams: (opts.weightGrams ?? product.weightGrams) * quantity,
    // Dimensions describe one item; for several items only the weight scales (a sample simplification).
    ...(product.dimensions && quantity === 1 ? product.dimensions : {}),
  });
  return { destination: { regencyCode: regency.code, name: regency.name, province: findProvince(regency.provinceCode)?.name ?? "" }, quotes: offeredQuotes(quotes) };
}

