import { Prisma } from "~/generated/prisma/client";
import { z } from "zod";
import { db, readRows, type Tx } from "~/infra/db.server";
import { decodeCursor as decodeCursorValues, encodeCursor as encodeCursorValues } from "~/infra/http.server";
import { INT4_MAX, uuidParam } from "~/schemas/params";

export const SORTS = ["relevance", "newest", "price_asc", "price_desc", "bestselling"] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchFilter {
  q?: string;
  categoryIds?: number[];
  minPrice?: number;
  maxPrice?: number;
  provinceCode?: string;
  condition?: "new" | "used";
  shopId?: string;
  sort: Sort;
  /** Opaque cursor from the previous page. */
  after?: string | null;
  limit: number;
}

export interface ListingRow {
  id: string;
  slug: string;
  title: string;
  price_rupiah: number;
  sold_count: number;
  condition: string;
  shop_name: string;
  shop_slug: string;
  shop_regency_code: string | null;
  cover_key: string | null;
  published_at: Date;
  sort_key: string;
}

// Keyset pagination: each sort has a key that ends in the id, so pages never skip or repeat rows.
const ORDER: Record<Sort, { key: Prisma.Sql; order: Prisma.Sql; dir: "asc" | "desc" }> = {
  relevance: { key: Prisma.empty, order: Prisma.sql`sort_key DESC, p.id DESC`, dir: "desc" }, // key depends on the query: sortKeyExpr
  newest: { key: Prisma.sql`p.published_at`, order: Prisma.sql`p.published_at DESC, p.id DESC`, dir: "desc" },
  price_asc: { key: Prisma.sql`p.price_rupiah`, order: Prisma.sql`p.price_rupiah ASC, p.id ASC`, dir: "asc" },
  price_desc: { key: Prisma.sql`p.price_rupiah`, order: Prisma.sql`p.price_rupiah DESC, p.id DESC`, dir: "desc" },
  bestselling: { key: Prisma.sql`p.sold_count`, order: Prisma.sql`p.sold_count DESC, p.id DESC`, dir: "desc" },
};

// Exact title words first: the Indonesian stemmer turns "kemeja" (shirt) into "meja" (table), so the stemmed match of
// "kemeja" holds tables too. Titles are also indexed word for word (title_vector, 'simple'); a title that holds the
// words as typed comes before the stemmed-only matches, in every sort: by relevance it gets a bonus above any rank,
// by price, sales or date the exact matches come first, each part in the chosen order.
const EXACT_WORDS_BONUS = 2;
const exactWords = (q: string) => Prisma.sql`p.title_vector @@ websearch_to_tsquery('simple', ${q})`;

// A text search sorted by price, sales or date: the matches first (full-text index), then sorted. Ordered by the key
// as a plain index column, PostgreSQL may instead walk the price index from the cheapest product and check each
// one against the query ("kemeja" in one province at 100,000 products: seconds under load); `+ 0` keeps it off that
// index. The keys and the cursor stay the same.
const MATCHES_FIRST_ORDER: Record<Exclude<Sort, "relevance">, Prisma.Sql> = {
  newest: Prisma.sql`p.published_at + interval '0 s' DESC, p.id DESC`,
  price_asc: Prisma.sql`p.price_rupiah + 0 ASC, p.id ASC`,
  price_desc: Prisma.sql`p.price_rupiah + 0 DESC, p.id DESC`,
  bestselling: Prisma.sql`p.sold_count + 0 DESC, p.id DESC`,
};

// Relevance: cover density of the (stemmed) words, title words weighing more than description words and words
// close together more than words far apart ("gamis hitam": "Gamis Hitam Polos" before "Gamis Syari Hitam"),
// normalised into [0, 1) (flag 32), plus the exact-words bonus. (word_similarity(q, title) did the closeness
// before: trigrams of every matching title, two thirds of a broad search's time.)
function sortKeyExpr(sort: Sort, q: string): Prisma.Sql {
  if (sort !== "relevance") return ORDER[sort].key;
  return Prisma.sql`round((ts_rank_cd(p.search_vector, websearch_to_tsquery('indonesian', ${q}), 32)
    + CASE WHEN ${exactWords(q)} THEN ${EXACT_WORDS_BONUS}::int ELSE 0 END)::numeric, 6)`;
}

/**
 * The words of a query for spelling correction: websearch_to_tsquery's operators dropped (quotes, parentheses,
 * "-excluded" words, "or"); at most 8, each with a letter or digit.
 */
export function fuzzyWords(q: string): string[] {
  return q
    .split(/\s+/)
    .filter((w) => !w.startsWith("-"))
    .map((w) => w.replace(/["()]/g, ""))
    .filter((w) => w.toLowerCase() !== "or" && /[\p{L}\p{N}]/u.test(w))
    .slice(0, 8);
}

function whereClauses(f: SearchFilter): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`p.status = 'active'`];
  const q = f.q?.trim();
  // The words, stemmed (search_vector: title and description). Misspelt words are corrected before (correctSpelling,
  // called by browse() when the query as typed finds nothing), so a search never compares trigrams of every title.
  // No `OR title_vector @@ …` ('simple'): PostgreSQL's Indonesian configuration has no stop words and the same
  // parser, so every title holding the words as typed is already a stemmed match; title_vector orders (exactWords).
  // Province, condition and category sit in the GIN index beside the words (btree_gin), so a filtered search reads
  // one index.
  if (q) where.push(Prisma.sql`p.search_vector @@ websearch_to_tsquery('indonesian', ${q})`);
  // One category (a leaf): `=`, not `= ANY('{id}')`. PostgreSQL reads an index in its order only under `=` (an ANY
  // list may hold several ranges), so with ANY a leaf's page walked every active product newest-first, filtering.
  if (f.categoryIds && f.categoryIds.length === 1) where.push(Prisma.sql`p.category_id = ${f.categoryIds[0]}::int`);
  else if (f.categoryIds?.length) where.push(Prisma.sql`p.category_id = ANY(${f.categoryIds}::int[])`);
  // With words, the price range is checked on the matches' rows (`+ 0`): ANDed as a bitmap, the price index read
  // every product in the range (24,000 of 100,000 for 100,000–300,000) to drop a few hundred matches.
  const price = q ? Prisma.sql`p.price_rupiah + 0` : Prisma.sql`p.price_rupiah`;
  if (f.minPrice !== undefined) where.push(Prisma.sql`${price} >= ${f.minPrice}`);
  if (f.maxPrice !== undefined) where.push(Prisma.sql`${price} <= ${f.maxPrice}`);
  if (f.provinceCode) where.push(Prisma.sql`p.shop_province_code = ${f.provinceCode}`);
  if (f.condition) where.push(Prisma.sql`p.condition = ${f.condition}`);
  if (f.shopId) where.push(Prisma.sql`p.shop_id = ${f.shopId}::uuid`);
  return where;
}

export function encodeCursor(sortKey: string, id: string) {
  return encodeCursorValues([sortKey, id]);
}

/** A timestamptz as PostgreSQL prints it (`2026-12-01 21:49:27.123456+00`), with a date that exists. */
function isPgTimestamp(s: string) {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1 && day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

const int4Text = z.string().regex(/^-?\d{1,10}$/).refine((s) => Math.abs(Number(s)) <= INT4_MAX);
// The sort key's type is the sort's: a cursor made for another sort, or tampered with, is the first page.
const CURSOR_KEY: Record<Sort, z.ZodType<string>> = {
  relevance: z.string().regex(/^-?\d{1,12}(\.\d{1,6})?$/),
  newest: z.string().refine(isPgTimestamp),
  price_asc: int4Text,
  price_desc: int4Text,
  bestselling: int4Text,
};

/** A text search sorted by price, sales or date pages in two parts (exact words first): its cursor says which part. */
type Cursor = { key: string; id: string; exact?: boolean };

function decodeCursor(cursor: string | null | undefined, sort: Sort, tiered: boolean): Cursor | null {
  if (tiered) {
    const v = decodeCursorValues(cursor, z.tuple([CURSOR_KEY[sort], uuidParam, z.boolean()]));
    return v ? { key: v[0], id: v[1], exact: v[2] } : null;
  }
  const v = decodeCursorValues(cursor, z.tuple([CURSOR_KEY[sort], uuidParam]));
  return v ? { key: v[0], id: v[1] } : null;
}

export interface ListingPage {
  rows: ListingRow[];
  next: string | null;
  /** The number of listed products, when the query could count them on the way (a text search's first page); else null. */
  total: number | null;
}

const LISTING_COLUMNS = Prisma.sql`p.id, p.slug, p.title, p.price_rupiah, p.sold_count, p.condition, p.published_at,
           s.name AS shop_name, s.slug AS shop_slug, s.regency_code AS shop_regency_code,
           (SELECT ph.key_medium FROM product_photos ph WHERE ph.product_id = p.id ORDER BY ph.position LIMIT 1) AS cover_key`;

/**
 * A text search's first page, counting all its matches in the same pass. The count (a window over every match) keeps
 * each row it sees until the end, and PostgreSQL computes the sort key after the window: the window then held every
 * match's text vectors, and the statement took twice as long as without the count ("gamis", 2,180 matches: 13-14 ms
 * against 7-8). So the key is computed below a fence (`OFFSET 0` keeps the subquery from being merged into the
 * window's level), the window keeps only ids and keys (9-10 ms), and the page's card columns are joined after.
 * The subquery is named `p` so that the sorts' ORDER BY (p.id, p.price_rupiah...) reads the same at every level.
 */
function countedPage(keyExpr: Prisma.Sql, exact: Prisma.Sql, matches: Prisma.Sql, order: Prisma.Sql, take: number) {
  return Prisma.sql`
    WITH page AS (
      SELECT p.id, p.sort_key, p.exact, count(*) OVER () AS total
        FROM (SELECT p.id, p.published_at, p.price_rupiah, p.sold_count, ${keyExpr} AS sort_key, ${exact} AS exact
                ${matches}
              OFFSET 0) p
       ORDER BY ${order}
       LIMIT ${take})
    SELECT ${LISTING_COLUMNS}, page.sort_key::text AS sort_key, page.exact, page.total
      FROM page JOIN products p ON p.id = page.id JOIN shops s ON s.id = p.shop_id
     ORDER BY ${order}`;
}

export async function searchListings(f: SearchFilter): Promise<ListingPage> {
  const q = f.q?.trim() ?? "";
  const sort: Sort = f.sort === "relevance" && !q ? "newest" : f.sort;
  const keyExpr = sortKeyExpr(sort, q);
  const where = whereClauses({ ...f, q });
  const tiered = Boolean(q) && sort !== "relevance";
  const exact = tiered ? exactWords(q) : Prisma.sql`false`;
  const cursor = decodeCursor(f.after, sort, tiered);
  if (cursor) {
    const typed =
      sort === "newest" ? Prisma.sql`${cursor.key}::timestamptz` : sort === "relevance" ? Prisma.sql`${cursor.key}::numeric` : Prisma.sql`${cursor.key}::int`;
    const after = ORDER[sort].dir === "asc" ? Prisma.sql`(${keyExpr}, p.id) > (${typed}, ${cursor.id}::uuid)` : Prisma.sql`(${keyExpr}, p.id) < (${typed}, ${cursor.id}::uuid)`;
    // Exact matches come first: after an exact one, the rest of the exact part and the whole stemmed part.
    if (!tiered) where.push(after);
    else if (cursor.exact) where.push(Prisma.sql`(NOT (${exact}) OR ${after})`);
    else where.push(Prisma.sql`(NOT (${exact}) AND ${after})`);
  }
  const order = sort === "relevance" ? Prisma.sql`sort_key DESC, p.id DESC` : q ? Prisma.sql`exact DESC, ${MATCHES_FIRST_ORDER[sort]}` : ORDER[sort].order;
  // A text search reads all its matches anyway (to rank or sort them): its first page counts them on the way, in
  // the same statement, instead of a second pass over the index. The join leaves out shops that do not sell, so
  // the count is the list's.
  const counted = Boolean(q) && !cursor;
  // Only approved shops sell: a suspended shop's products drop out of the list until it is reinstated.
  const matches = Prisma.sql`FROM products p JOIN shops s ON s.id = p.shop_id AND s.status = 'approved' WHERE ${Prisma.join(where, " AND ")}`;
  const rows = await readRows<ListingRow & { exact: boolean; total?: bigint }>(
    counted
      ? countedPage(keyExpr, exact, matches, order, f.limit + 1)
      : Prisma.sql`SELECT ${LISTING_COLUMNS}, (${keyExpr})::text AS sort_key, ${exact} AS exact ${matches} ORDER BY ${order} LIMIT ${f.limit + 1}`,
  );
  const page = rows.slice(0, f.limit).map(({ exact: _exact, total: _total, ...row }) => row);
  const last = rows[f.limit - 1];
  const next = rows.length > f.limit && last ? (tiered ? encodeCursorValues([last.sort_key, last.id, last.exact]) : encodeCursor(last.sort_key, last.id)) : null;
  return { rows: page, next, total: counted ? Number(rows[0]?.total ?? 0) : null };
}

/**
 * The number of listed products: all that match, less those of shops that do not sell (suspended, not yet or
 * no longer approved), which the list leaves out. Two counts rather than a join with shops: the first stays an
 * index-only count, the second starts from the few shops that do not sell and reads only their products.
 */
export async function countListings(f: SearchFilter): Promise<number> {
  const where = Prisma.join(whereClauses(f), " AND ");
  const [row] = await readRows<{ n: bigint }>(Prisma.sql`
    SELECT (SELECT count(*) FROM products p WHERE ${where})
         - (SELECT count(*) FROM shops s JOIN products p ON p.shop_id = s.id WHERE s.status <> 'approved' AND ${where}) AS n`);
  return Number(row.n);
}

/**
 * Each query word that is no title word, replaced by the closest title word (search_words, its own trigram
 * index): same letters in another order first ("gamsi" → "gamis"), then the most similar, then the commonest.
 * Words found as they are, short words and numbers stay. Null when nothing was corrected.
 */
export async function correctSpelling(q: string): Promise<string | null> {
  const words = fuzzyWords(q).map((w) => w.toLowerCase());
  const candidates = [...new Set(words.filter((w) => w.length >= 3 && !/^\d+$/.test(w)))];
  if (!candidates.length) return null;
  const rows = await readRows<{ input: string; correction: string | null }>(Prisma.sql`
    SELECT w.word AS input,
           (SELECT sw.word FROM search_words sw
             WHERE sw.word % w.word
             ORDER BY (SELECT string_agg(c, '' ORDER BY c) FROM regexp_split_to_table(sw.word, '') c)
                        = (SELECT string_agg(c, '' ORDER BY c) FROM regexp_split_to_table(w.word, '') c) DESC,
                      similarity(sw.word, w.word) DESC, sw.products DESC, sw.word
             LIMIT 1) AS correction
      FROM unnest(${candidates}::text[]) AS w(word)
     WHERE NOT EXISTS (SELECT 1 FROM search_words sw WHERE sw.word = w.word)`);
  const fixes = new Map(rows.filter((r) => r.correction).map((r) => [r.input, r.correction!]));
  if (!fixes.size) return null;
  return words.map((w) => fixes.get(w) ?? w).join(" ");
}

/** What the product page reads: the product with its variants, photos and shop, and for a dropship listing its supplier's side. */
export interface ProductDetail {
  id: string;
  shopId: string;
  slug: string;
  title: string;
  description: string;
  status: string;
  condition: string;
  categoryId: number;
  priceRupiah: number;
  stock: number;
  minOrder: number;
  weightGrams: number;
  lengthCm: number | null;
  widthCm: number | null;
  heightCm: number | null;
  soldCount: number;
  variantType1: string | null;
  variantType2: string | null;
  variants: { id: string; option1: string; option2: string | null; priceRupiah: number; stock: number; weightGrams: number }[];
  photos: { id: string; keySmall: string; keyMedium: string; keyLarge: string; width: number; height: number }[];
  shop: { id: string; name: string; slug: string; status: string; regencyCode: string | null; provinceCode: string | null; createdAt: Date };
  dropshipListing: {
    supplierShopId: string;
    sourceProduct: {
      id: string;
      stock: number;
      status: string;
      shop: { id: string; status: string; provinceCode: string | null; regencyCode: string | null };
      dropshipOffer: { dropshipPrice: number; minSellingPrice: number | null } | null;
    };
  } | null;
}

/**
 * The product page's data in one statement. (Through Prisma's includes it took nine: the product, then its
 * variants, photos, category, shop and dropship listing, then the listing's source product, shop and offer, asked
 * even when there was no listing; each a round trip and a result for the query engine to interpret.)
 */
export async function findProductBySlug(slug: string): Promise<ProductDetail | null> {
  const [row] = await readRows<Omit<ProductDetail, "shop"> & { shop: Omit<ProductDetail["shop"], "createdAt"> & { createdAt: string } }>(Prisma.sql`
    SELECT p.id, p.shop_id AS "shopId", p.slug, p.title, p.description, p.status, p.condition, p.category_id AS "categoryId",
           p.price_rupiah AS "priceRupiah", p.stock, p.min_order AS "minOrder", p.weight_grams AS "weightGrams",
           p.length_cm AS "lengthCm", p.width_cm AS "widthCm", p.height_cm AS "heightCm", p.sold_count AS "soldCount",
           p.variant_type1 AS "variantType1", p.variant_type2 AS "variantType2",
           coalesce((SELECT json_agg(json_build_object('id', v.id, 'option1', v.option1, 'option2', v.option2, 'priceRupiah', v.price_rupiah,
                                                       'stock', v.stock, 'weightGrams', v.weight_grams) ORDER BY v.position)
                       FROM product_variants v WHERE v.product_id = p.id), '[]') AS variants,
           coalesce((SELECT json_agg(json_build_object('id', ph.id, 'keySmall', ph.key_small, 'keyMedium', ph.key_medium, 'keyLarge', ph.key_large,
                                                       'width', ph.width, 'height', ph.height) ORDER BY ph.position)
                       FROM product_photos ph WHERE ph.product_id = p.id), '[]') AS photos,
           json_build_object('id', s.id, 'name', s.name, 'slug', s.slug, 'status', s.status, 'regencyCode', s.regency_code,
                             'provinceCode', s.province_code, 'createdAt', s.created_at) AS shop,
           (SELECT json_build_object('supplierShopId', dl.supplier_shop_id, 'sourceProduct', json_build_object(
                     'id', sp.id, 'stock', sp.stock, 'status', sp.status,
                     'shop', json_build_object('id', ss.id, 'status', ss.status, 'provinceCode', ss.province_code, 'regencyCode', ss.regency_code),
                     'dropshipOffer', (SELECT json_build_object('dropshipPrice', o.dropship_price, 'minSellingPrice', o.min_selling_price)
                                         FROM dropship_offers o WHERE o.product_id = sp.id)))
              FROM dropship_listings dl JOIN products sp ON sp.id = dl.source_product_id JOIN shops ss ON ss.id = sp.shop_id
             WHERE dl.product_id = p.id) AS "dropshipListing"
      FROM products p JOIN shops s ON s.id = p.shop_id
     WHERE p.slug = ${slug}`);
  return row ? { ...row, shop: { ...row.shop, createdAt: new Date(row.shop.createdAt) } } : null;
}

export function findOwnProduct(shopId: string, id: string) {
  return db().product.findFirst({ where: { id, shopId }, include: { variants: { orderBy: { position: "asc" } }, photos: { orderBy: { position: "asc" } } } });
}

export function listShopProducts(shopId: string, opts: { q?: string; status?: string; take: number; after?: { updatedAt: Date; id: string } }) {
  return db().product.findMany({
    where: {
      shopId,
      ...(opts.status ? { status: opts.status } : {}),
      // Search and cursor are both ORs: AND them, so the cursor never replaces the search.
      AND: [
        opts.q ? { OR: [{ title: { contains: opts.q, mode: "insensitive" as const } }, { sku: opts.q }] } : {},
        opts.after ? { OR: [{ updatedAt: { lt: opts.after.updatedAt } }, { updatedAt: opts.after.updatedAt, id: { lt: opts.after.id } }] } : {},
      ],
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: opts.take,
    include: { photos: { where: { position: 0 }, take: 1 }, _count: { select: { variants: true } }, dropshipListing: { select: { sourceProduct: { select: { stock: true } } } } },
  });
}

/** Every product of a shop with its category slug, oldest first: the CSV export. */
export function listShopProductsForExport(shopId: string) {
  return db().product.findMany({ where: { shopId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { category: { select: { slug: true } } } });
}

export function createProduct(tx: Tx, data: Prisma.ProductUncheckedCreateInput) {
  return tx.product.create({ data });
}

export function updateProduct(tx: Tx, id: string, data: Prisma.ProductUncheckedUpdateInput) {
  return tx.product.update({ where: { id }, data });
}

export async function replaceVariants(tx: Tx, productId: string, variants: Omit<Prisma.ProductVariantUncheckedCreateInput, "productId">[]) {
  await tx.productVariant.deleteMany({ where: { productId } });
  if (variants.length) await tx.productVariant.createMany({ data: variants.map((v, position) => ({ ...v, productId, position })) });
}

/** Attaches uploaded photos in the given order; photos of another shop are ignored. */
export async function attachPhotos(tx: Tx, shopId: string, productId: string, photoIds: string[]) {
  await tx.productPhoto.updateMany({ where: { productId, id: { notIn: photoIds } }, data: { productId: null } });
  for (const [position, id] of photoIds.entries()) {
    await tx.productPhoto.updateMany({ where: { id, shopId }, data: { productId, position } });
  }
  return tx.productPhoto.count({ where: { productId } });
}

export function insertPhoto(data: Prisma.ProductPhotoUncheckedCreateInput) {
  return db().productPhoto.create({ data });
}

export function findPhoto(id: string) {
  return db().productPhoto.findUnique({ where: { id }, select: { id: true, shopId: true, productId: true } });
}

/** Counts one upload in the shop's current hour and returns the hour's count, this one included (atomic). */
export async function countPhotoUpload(shopId: string, now: Date): Promise<number> {
  const [row] = await db().$queryRaw<{ count: number }[]>`
    INSERT INTO photo_upload_counts (shop_id, window_start, count)
    VALUES (${shopId}::uuid, date_trunc('hour', ${now}::timestamptz), 1)
    ON CONFLICT (shop_id, window_start) DO UPDATE SET count = photo_upload_counts.count + 1
    RETURNING count`;
  return row.count;
}

/** Photos never attached to a product, uploaded before `cutoff`: the form was left, the photo is not needed. */
export function unattachedPhotosBefore(cutoff: Date, take: number) {
  return db().productPhoto.findMany({ where: { productId: null, createdAt: { lt: cutoff } }, orderBy: { createdAt: "asc" }, take });
}

/** Deletes a photo row only if it is still unattached (a save may have attached it meanwhile). */
export async function deleteUnattachedPhoto(id: string) {
  return (await db().productPhoto.deleteMany({ where: { id, productId: null } })).count === 1;
}

export function deletePhotoUploadCountsBefore(cutoff: Date) {
  return db().photoUploadCount.deleteMany({ where: { windowStart: { lt: cutoff } } });
}

export function findPhotos(ids: string[]) {
  return db().productPhoto.findMany({ where: { id: { in: ids } } });
}

export function activeProductSlugs(after: string | null, take: number) {
  return db().product.findMany({ where: { status: "active", ...(after ? { slug: { gt: after } } : {}) }, select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" }, take });
}
