// Bulk catalog for benchmarks and query-plan tests: a few hundred approved shops and N active products with
// realistic Indonesian titles, written with plain `pg` in set-based batches (INSERT ... SELECT FROM unnest),
// then VACUUM ANALYZE. Deterministic (seeded PRNG): two runs build the same catalog, so figures compare.
//
// Not for production data: the owners' password hash is a fixed dummy that no password verifies
// (verifyPassword returns false on a malformed hash), so nobody can log in as a bench seller.
import { createHash } from "node:crypto";
import pg from "pg";
import { flattenCategories } from "~/domain/catalog/categories-data";
import { regenciesOf } from "~/domain/regions/data";
import { slugify as slugifyText } from "../domain/text";

export interface BenchSeedOptions {
  /** Target number of products in the table (the idempotency marker: nothing happens when there are already this many). */
  products: number;
  /** Approved shops to spread the products over; default: about one per 330 products, 20..300. */
  shops?: number;
  /** Rows per INSERT batch. */
  batchSize?: number;
  seed?: number;
  log?: (line: string) => void;
}

export interface BenchSeedResult {
  skipped: boolean;
  products: number;
  shops: number;
  ms: number;
}

/** Never verifies any password (it is not a valid PHC string). */
export const BENCH_PASSWORD_HASH = "!bench-seed:no-login";
export const BENCH_SKU_PREFIX = "BENCH-";

// ---------------------------------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------------------------------

const COLOURS = ["Hitam", "Putih", "Navy", "Maroon", "Mocca", "Hijau Army", "Abu-abu", "Cream", "Dusty Pink", "Biru Dongker", "Coklat", "Sage", "Lilac", "Olive", "Merah", "Kuning Mustard"];
const MATERIALS = ["Katun", "Rayon", "Linen", "Wolfis", "Ceruty", "Jersey", "Denim", "Katun Combed 30s", "Moscrepe", "Kanvas", "Toyobo", "Babyterry"];
const APPAREL_ADJ = ["Polos", "Premium", "Jumbo", "Kekinian", "Original", "Terlaris", "Murah", "Lengan Panjang", "Oversize", "Slim Fit", "Motif Bunga", "Bordir", "Busui", "Adem"];
const SIZES = ["S", "M", "L", "XL", "XXL", "All Size", "Big Size"];
const FOOD_ADJ = ["Asli", "Original", "Pedas", "Manis", "Premium", "Homemade", "Khas Aceh", "Khas Bandung", "Khas Padang", "Khas Bali", "Organik", "Tanpa Pengawet"];
const FOOD_SIZES = ["100 gr", "250 gr", "500 gr", "1 kg", "5 kg", "1 liter", "Isi 10", "Isi 20", "Sachet"];
const GENERAL_ADJ = ["Premium", "Murah", "Original", "Terlaris", "Import", "Lokal", "Mini", "Portable", "Jumbo", "Anti Karat", "Serbaguna", "Bergaransi", "Hemat Energi", "Tahan Lama"];
const DESCRIPTION = [
  "Bahan adem dan nyaman dipakai seharian.",
  "Kualitas terjamin, barang sesuai foto.",
  "Siap kirim hari ini, packing aman dengan bubble wrap.",
  "Garansi uang kembali jika barang tidak sesuai.",
  "Stok terbatas, langsung checkout ya kak.",
  "Cocok untuk hadiah dan kebutuhan sehari-hari.",
  "Produk lokal berkualitas dari UMKM Indonesia.",
  "Harga grosir untuk pembelian lebih dari 10 pcs.",
];

/** Product nouns that read better than the category name alone. */
const NOUNS: Record<string, string[]> = {
  "gamis-syari": ["Gamis Syar'i", "Gamis Syari Jumbo", "Gamis Syari Set Cadar"],
  "gamis-polos": ["Gamis Polos", "Gamis Polos Busui", "Gamis Basic"],
  "gamis-motif": ["Gamis Motif Bunga", "Gamis Batik", "Gamis Motif Abstrak"],
  "kemeja-pria": ["Kemeja Batik Pria", "Kemeja Flanel Pria", "Kemeja Oxford Pria", "Kemeja Linen Pria", "Kemeja Pria"],
  "kemeja-wanita": ["Kemeja Wanita", "Kemeja Batik Wanita", "Kemeja Oversize Wanita"],
  "kaos-pria": ["Kaos Polos Pria", "Kaos Distro Pria", "Kaos Oversize Pria"],
  "sneakers-pria": ["Sepatu Sneakers Pria", "Sepatu Sneakers Canvas"],
  "sneakers-wanita": ["Sepatu Sneakers Wanita", "Sepatu Sneakers Platform"],
  "baju-koko": ["Baju Koko Pria", "Baju Koko Kurta"],
  sarung: ["Sarung Tenun", "Sarung Batik Pekalongan", "Sarung Sutra"],
  kopi: ["Kopi Arabika Gayo", "Kopi Robusta Lampung", "Kopi Toraja", "Kopi Bubuk Tubruk", "Kopi Susu Gula Aren", "Biji Kopi Arabika Kintamani"],
  teh: ["Teh Melati", "Teh Hijau", "Teh Tarik Sachet"],
  keripik: ["Keripik Singkong Balado", "Keripik Pisang", "Keripik Tempe"],
  "rendang-kemasan": ["Rendang Daging Sapi Kemasan", "Rendang Paru"],
  "sambal-kemasan": ["Sambal Bawang", "Sambal Roa", "Sambal Cumi"],
  beras: ["Beras Pandan Wangi", "Beras Rojolele", "Beras Merah Organik"],
  "smartphone-android": ["Smartphone Android 8/128GB", "HP Android 4/64GB", "HP Android 6/128GB"],
  pashmina: ["Pashmina Ceruty", "Pashmina Kaos", "Pashmina Plisket"],
};

const APPAREL_TOPS = new Set(["fashion-muslim", "fashion-wanita", "fashion-pria", "fashion-anak"]);
const FOOD_TOPS = new Set(["makanan-minuman"]);
const TOP_WEIGHT: Record<string, number> = { "fashion-muslim": 3, "fashion-wanita": 3, "fashion-pria": 2.5, "fashion-anak": 1.5, kecantikan: 2, "handphone-tablet": 2, "makanan-minuman": 2 };

// Sellers cluster in Java; every other province has a few.
const PROVINCE_WEIGHT: Record<string, number> = { "31": 12, "32": 20, "33": 12, "34": 4, "35": 15, "36": 6, "51": 3, "12": 4, "73": 3, "16": 2, "18": 2, "13": 2, "64": 2 };
const PROVINCES_ALL = ["11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36", "51", "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76", "81", "82", "91", "92"];
const SHOP_WORDS = ["Berkah", "Jaya", "Makmur", "Sentosa", "Abadi", "Barokah", "Sejahtera", "Mandiri", "Sumber Rezeki", "Cahaya", "Amanah", "Mulia", "Lestari", "Bintang", "Nusantara", "Sinar"];
const SHOP_KINDS = ["Toko", "Grosir", "Butik", "Kedai", "Galeri", "Distro", "Official"];
const FIRST_NAMES = ["Agus", "Budi", "Siti", "Dewi", "Rina", "Joko", "Sri", "Andi", "Putri", "Rizky", "Wahyu", "Nur", "Fitri", "Hendra", "Yuni", "Bayu"];
const LAST_NAMES = ["Santoso", "Wulandari", "Setiawan", "Lestari", "Pratama", "Saputra", "Kurniawan", "Rahmawati", "Hidayat", "Siregar", "Nasution", "Wijaya"];

// ---------------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------------

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const chance = (p: number) => next() < p;
  const uuid = () => {
    const h = Array.from({ length: 16 }, () => int(256));
    h[6] = (h[6] & 0x0f) | 0x40;
    h[8] = (h[8] & 0x3f) | 0x80;
    const s = h.map((b) => b.toString(16).padStart(2, "0")).join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  /** A weighted pick via a cumulative table. */
  const weighted = <T>(items: readonly T[], weights: readonly number[]) => {
    const cum: number[] = [];
    let total = 0;
    for (const w of weights) cum.push((total += w));
    return () => {
      const x = next() * total;
      let lo = 0;
      let hi = cum.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cum[mid] > x) hi = mid;
        else lo = mid + 1;
      }
      return items[lo];
    };
  };
  return { next, int, pick, chance, uuid, weighted };
}

const slugify = (text: string) => slugifyText(text, 60);
const round = (x: number, step: number) => Math.max(step, Math.round(x / step) * step);

// ---------------------------------------------------------------------------------------------------
// Seeding
// ---------------------------------------------------------------------------------------------------

async function ensureCategories(client: pg.ClientBase) {
  const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM categories");
  if (Number(rows[0].n) > 0) return;
  // The same rows and positions as services/categories.server.ts ensureCategoryTree, one insert per level.
  const flat = flattenCategories();
  const ids = new Map<string, number>();
  const positions = new Map<string | null, number>();
  for (const level of [1, 2, 3] as const) {
    const batch = flat.filter((r) => r.level === level);
    const slugs: string[] = [];
    const names: string[] = [];
    const parents: (number | null)[] = [];
    const pos: number[] = [];
    for (const r of batch) {
      const p = positions.get(r.parentSlug) ?? 0;
      positions.set(r.parentSlug, p + 1);
      slugs.push(r.slug);
      names.push(r.name);
      parents.push(r.parentSlug ? ids.get(r.parentSlug)! : null);
      pos.push(p);
    }
    const inserted = await client.query<{ id: number; slug: string }>(
      `INSERT INTO categories (slug, name, level, position, parent_id)
       SELECT s, n, $5, p, par FROM unnest($1::text[], $2::text[], $3::int[], $4::int[]) AS t(s, n, p, par)
       RETURNING id, slug`,
      [slugs, names, pos, parents, level],
    );
    for (const r of inserted.rows) ids.set(r.slug, r.id);
  }
}

interface ShopRow {
  id: string;
  provinceCode: string;
}

async function ensureShops(client: pg.ClientBase, count: number, rnd: ReturnType<typeof prng>): Promise<ShopRow[]> {
  const existing = await client.query<{ id: string; province_code: string }>(
    `SELECT id, province_code FROM shops WHERE slug LIKE 'bench-%' AND status = 'approved' ORDER BY slug`,
  );
  if (existing.rows.length >= count) return existing.rows.slice(0, count).map((r) => ({ id: r.id, provinceCode: r.province_code }));
  const provincePick = rnd.weighted(PROVINCES_ALL, PROVINCES_ALL.map((p) => PROVINCE_WEIGHT[p] ?? 0.5));
  const cols = { userId: [] as string[], email: [] as string[], owner: [] as string[], shopId: [] as string[], name: [] as string[], slug: [] as string[], province: [] as string[], regency: [] as string[], decided: [] as string[] };
  const now = Date.now();
  for (let i = existing.rows.length + 1; i <= count; i++) {
    const province = provincePick();
    const regency = rnd.pick(regenciesOf(province));
    const name = `${rnd.pick(SHOP_KINDS)} ${rnd.pick(SHOP_WORDS)} ${rnd.pick(SHOP_WORDS)} ${regency.name.replace(/^(Kabupaten|Kota Adm\.|Kota) /, "")}`;
    cols.userId.push(rnd.uuid());
    cols.email.push(`bench-seller-${i}@lapak.test`);
    cols.owner.push(`${rnd.pick(FIRST_NAMES)} ${rnd.pick(LAST_NAMES)}`);
    cols.shopId.push(rnd.uuid());
    cols.name.push(name);
    cols.slug.push(`bench-${slugify(name).slice(0, 40)}-${i}`);
    cols.province.push(province);
    cols.regency.push(regency.code);
    cols.decided.push(new Date(now - (400 + rnd.int(700)) * 86_400_000).toISOString());
  }
  await client.query(
    `INSERT INTO users (id, email, name, password_hash)
     SELECT id, email, name, $4 FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(id, email, name)`,
    [cols.userId, cols.email, cols.owner, BENCH_PASSWORD_HASH],
  );
  await client.query(
    `INSERT INTO shops (id, owner_id, name, slug, description, province_code, regency_code, district, postal_code, street, phone,
                        status, version, submitted_at, decided_at, created_at, updated_at)
     SELECT sid, uid, name, slug, 'Toko terpercaya, kirim setiap hari.', prov, reg, 'Kecamatan Contoh', '40111', 'Jl. Merdeka No. 1', '+6281234567890',
            'approved', 2, decided - interval '2 days', decided, decided - interval '3 days', decided
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[]) AS t(sid, uid, name, slug, prov, reg, decided)`,
    [cols.shopId, cols.userId, cols.name, cols.slug, cols.province, cols.regency, cols.decided],
  );
  return [...existing.rows.map((r) => ({ id: r.id, provinceCode: r.province_code })), ...cols.shopId.map((id, k) => ({ id, provinceCode: cols.province[k] }))];
}

interface Leaf {
  id: number;
  slug: string;
  kind: "apparel" | "food" | "general";
  nouns: string[];
}

async function leaves(client: pg.ClientBase): Promise<{ list: Leaf[]; weights: number[] }> {
  const { rows } = await client.query<{ id: number; slug: string; name: string; top: string }>(
    `SELECT c.id, c.slug, c.name, top.slug AS top
       FROM categories c JOIN categories mid ON mid.id = c.parent_id JOIN categories top ON top.id = mid.parent_id
      WHERE c.level = 3 AND c.retired_at IS NULL ORDER BY c.id`,
  );
  if (!rows.length) throw new Error("bench seed: no leaf categories");
  const list = rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    kind: APPAREL_TOPS.has(r.top) ? ("apparel" as const) : FOOD_TOPS.has(r.top) ? ("food" as const) : ("general" as const),
    // "Peci & Kopiah" sells as "Peci" or as "Kopiah".
    nouns: NOUNS[r.slug] ?? r.name.split(/\s*&\s*/).map((s) => s.trim()).filter(Boolean),
  }));
  return { list, weights: rows.map((r) => TOP_WEIGHT[r.top] ?? 1) };
}

function title(rnd: ReturnType<typeof prng>, leaf: Leaf): string {
  const parts = [rnd.pick(leaf.nouns)];
  if (leaf.kind === "apparel") {
    if (rnd.chance(0.4)) parts.push(rnd.pick(MATERIALS));
    parts.push(rnd.pick(COLOURS));
    if (rnd.chance(0.6)) parts.push(rnd.pick(APPAREL_ADJ));
    if (rnd.chance(0.3)) parts.push(rnd.pick(SIZES));
  } else if (leaf.kind === "food") {
    if (rnd.chance(0.7)) parts.push(rnd.pick(FOOD_ADJ));
    parts.push(rnd.pick(FOOD_SIZES));
  } else {
    if (rnd.chance(0.7)) parts.push(rnd.pick(GENERAL_ADJ));
    if (rnd.chance(0.4)) parts.push(rnd.pick(COLOURS));
    if (rnd.chance(0.3)) parts.push(`Tipe ${String.fromCharCode(65 + rnd.int(6))}${1 + rnd.int(9)}`);
  }
  return parts.join(" ");
}

function price(rnd: ReturnType<typeof prng>, kind: Leaf["kind"]) {
  const [lo, hi] = kind === "apparel" ? [35_000, 750_000] : kind === "food" ? [5_000, 300_000] : [10_000, 5_000_000];
  // Log-uniform: many cheap things, a few expensive ones.
  return Math.min(5_000_000, round(Math.exp(Math.log(lo) + rnd.next() * Math.log(hi / lo)), 500));
}

/**
 * Seeds up to `products` products (counting those already in the table). Safe to call again: with enough
 * products already there it returns at once (skipped: true). Everything but the final VACUUM ANALYZE runs
 * in one transaction, so an interrupted run leaves nothing half-done.
 */
export async function seedBenchCatalog(connectionString: string, opts: BenchSeedOptions): Promise<BenchSeedResult> {
  const started = Date.now();
  const log = opts.log ?? (() => {});
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const have = Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM products")).rows[0].n);
    if (have >= opts.products) {
      const shops = Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM shops WHERE status = 'approved'")).rows[0].n);
      return { skipped: true, products: have, shops, ms: Date.now() - started };
    }
    const toInsert = opts.products - have;
    const shopCount = opts.shops ?? Math.min(300, Math.max(20, Math.round(opts.products / 330)));
    const batchSize = opts.batchSize ?? 5_000;

    await client.query("BEGIN");
    await client.query("SET LOCAL synchronous_commit = off");
    await client.query("SET LOCAL maintenance_work_mem = '256MB'");
    await ensureCategories(client);
    const benchBefore = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM products WHERE sku LIKE '${BENCH_SKU_PREFIX}%'`)).rows[0].n);
    const rnd = prng((opts.seed ?? 20261125) + benchBefore);
    const shops = await ensureShops(client, shopCount, rnd);
    const { list, weights } = await leaves(client);
    // Leaves: fashion and phones sell more; each leaf gets a random share on top. Shops: a few big ones.
    const leafPick = rnd.weighted(list, weights.map((w) => w * (0.3 + 1.4 * rnd.next())));
    const shopPick = rnd.weighted(shops, shops.map(() => Math.pow(rnd.next(), 3) + 0.02));
    const now = Date.now();
    log(`seeding ${toInsert} products over ${shops.length} shops and ${list.length} leaf categories…`);

    for (let done = 0; done < toInsert; done += batchSize) {
      const n = Math.min(batchSize, toInsert - done);
      const p = {
        id: [] as string[], shop: [] as string[], slug: [] as string[], title: [] as string[], description: [] as string[], category: [] as number[],
        condition: [] as string[], price: [] as number[], stock: [] as number[], sku: [] as string[], weight: [] as number[], dims: [] as (number | null)[],
        variantType: [] as (string | null)[], sold: [] as number[], province: [] as string[], published: [] as string[],
      };
      const v = { product: [] as string[], option: [] as string[], price: [] as number[], stock: [] as number[], weight: [] as number[], position: [] as number[] };
      for (let k = 0; k < n; k++) {
        const i = benchBefore + done + k + 1;
        const leaf = leafPick();
        const shop = shopPick();
        const id = rnd.uuid();
        const t = title(rnd, leaf);
        const base = price(rnd, leaf.kind);
        const weight = leaf.kind === "food" ? 100 + rnd.int(5000) : leaf.kind === "apparel" ? 150 + rnd.int(1200) : 100 + rnd.int(10_000);
        const published = now - rnd.next() * 365 * 86_400_000;
        // Sales are skewed: a third never sold, a few sold thousands.
        const sold = rnd.chance(0.33) ? 0 : Math.floor(Math.exp(rnd.next() * Math.log(10_000))) - 1;
        // A fifth have variants (sizes or packs), priced from the product's price up; the product shows the lowest.
        let variantType: string | null = null;
        if (rnd.chance(0.2)) {
          variantType = leaf.kind === "apparel" ? "Ukuran" : "Varian";
          const options = leaf.kind === "apparel" ? ["S", "M", "L", "XL"] : ["Satuan", "Isi 2", "Paket Hemat"];
          options.forEach((option, position) => {
            const vp = round(base * (1 + position * 0.1), 500);
            v.product.push(id);
            v.option.push(option);
            v.price.push(vp);
            v.stock.push(rnd.int(100));
            v.weight.push(weight + position * 50);
            v.position.push(position);
          });
        }
        p.id.push(id);
        p.shop.push(shop.id);
        p.slug.push(`${slugify(t)}-x${i.toString(36)}`);
        p.title.push(t);
        p.description.push(`${t}. ${rnd.pick(DESCRIPTION)} ${rnd.pick(DESCRIPTION)}`);
        p.category.push(leaf.id);
        p.condition.push(rnd.chance(0.9) ? "new" : "used");
        p.price.push(base);
        p.stock.push(rnd.int(500));
        p.sku.push(`${BENCH_SKU_PREFIX}${i}`);
        p.weight.push(weight);
        p.dims.push(rnd.chance(0.5) ? 10 + rnd.int(40) : null);
        p.variantType.push(variantType);
        p.sold.push(sold);
        p.province.push(shop.provinceCode);
        p.published.push(new Date(published).toISOString());
      }
      await client.query(
        `INSERT INTO products (id, shop_id, slug, title, description, category_id, condition, price_rupiah, stock, sku, min_order, weight_grams,
                               length_cm, width_cm, height_cm, variant_type1, status, sold_count, shop_province_code, published_at, created_at, updated_at)
         SELECT id, shop, slug, title, descr, cat, cond, price, stock, sku, 1, weight, dim, dim, dim, vtype, 'active', sold, prov, pub, pub - interval '1 hour', pub
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::int[], $9::int[], $10::text[], $11::int[],
                       $12::int[], $13::text[], $14::int[], $15::text[], $16::timestamptz[])
                AS t(id, shop, slug, title, descr, cat, cond, price, stock, sku, weight, dim, vtype, sold, prov, pub)`,
        [p.id, p.shop, p.slug, p.title, p.description, p.category, p.condition, p.price, p.stock, p.sku, p.weight, p.dims, p.variantType, p.sold, p.province, p.published],
      );
      // One photo per product; the keys point at a handful of shared placeholders (the bench measures HTML, not images).
      await client.query(
        `INSERT INTO product_photos (product_id, shop_id, position, key_small, key_medium, key_large, width, height, sha256, created_at)
         SELECT id, shop, 0, 'bench/placeholder-' || k || '-small.webp', 'bench/placeholder-' || k || '-medium.webp', 'bench/placeholder-' || k || '-large.webp',
                800, 800, $3 || k, pub
           FROM unnest($1::uuid[], $2::uuid[], $4::timestamptz[]) WITH ORDINALITY AS t(id, shop, pub, ord), LATERAL (SELECT (ord % 8) + 1 AS k) kk`,
        [p.id, p.shop, createHash("sha256").update("bench-placeholder").digest("hex").slice(0, 63), p.published],
      );
      if (v.product.length) {
        await client.query(
          `INSERT INTO product_variants (product_id, option1, price_rupiah, stock, weight_grams, position)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::int[], $5::int[], $6::int[])`,
          [v.product, v.option, v.price, v.stock, v.weight, v.position],
        );
      }
      if ((done / batchSize) % 4 === 3) log(`  ${done + n} / ${toInsert}`);
    }
    await client.query("COMMIT");
    log("VACUUM ANALYZE…");
    // Fresh statistics for the planner, and an all-visible map so counts can be index-only scans.
    for (const table of ["users", "shops", "categories", "products", "product_photos", "product_variants"]) await client.query(`VACUUM (ANALYZE) ${table}`);
    // Seen in the query-plan test: the first VACUUM right after the load marked no page all-visible (relallvisible 0,
    // so the planner counted by a seq scan); a later pass marks them. Under load three quick passes were once not
    // enough (a clean-clone run): repeat, a moment apart, while fewer than half are marked.
    for (let pass = 0; ; pass++) {
      const { rows } = await client.query<{ relpages: number; relallvisible: number }>(`SELECT relpages, relallvisible FROM pg_class WHERE relname = 'products'`);
      if (!rows[0] || rows[0].relallvisible * 2 >= rows[0].relpages) break;
      if (pass === 10) {
        log(`products: only ${rows[0].relallvisible} of ${rows[0].relpages} pages all-visible after ${pass} VACUUMs; counts may be seq scans`);
        break;
      }
      if (pass > 0) await new Promise((r) => setTimeout(r, 250));
      await client.query(`VACUUM products`);
    }
    return { skipped: false, products: have + toInsert, shops: shops.length, ms: Date.now() - started };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------------
// SQL capture (shared by the bench's raw baseline and tests/integration/query-plans.test.ts)
// ---------------------------------------------------------------------------------------------------

export interface CapturedQuery {
  text: string;
  values: unknown[];
}

/**
 * Runs `fn` and returns every statement it sent to PostgreSQL through node-postgres, exactly as sent (text and
 * parameters): Prisma's driver adapter (@prisma/adapter-pg) and plain pg both end in pg.Client#query. Only
 * meaningful while nothing else queries the database in this process.
 */
export async function captureQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: CapturedQuery[] }> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const queries: CapturedQuery[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [config, values] = args;
    if (typeof config === "string") queries.push({ text: config, values: Array.isArray(values) ? values : [] });
    else if (config && typeof config === "object" && "text" in config) {
      const c = config as { text: string; values?: unknown[] };
      queries.push({ text: c.text, values: c.values ?? (Array.isArray(values) ? values : []) });
    }
    return original.apply(this, args);
  };
  try {
    const result = await fn();
    return { result, queries };
  } finally {
    proto.query = original;
  }
}

export interface PlanScan {
  /** "Seq Scan", "Index Scan", "Index Only Scan", "Bitmap Index Scan", "Bitmap Heap Scan", ... */
  node: string;
  relation?: string;
  index?: string;
  /** With EXPLAIN ANALYZE: rows the node returned, over all its loops. */
  actualRows?: number;
}

/** EXPLAIN (FORMAT JSON) of a captured statement, with the same parameters: the nodes that read a table or index, and every node type. With `analyze` the statement runs, and the scans tell how many rows they read. */
export async function explainScans(
  client: pg.ClientBase,
  q: CapturedQuery,
  opts: { analyze?: boolean } = {},
): Promise<{ scans: PlanScan[]; nodes: string[]; plan: unknown }> {
  const { rows } = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (${opts.analyze ? "ANALYZE, " : ""}FORMAT JSON) ${q.text}`, q.values);
  const plan = rows[0]["QUERY PLAN"][0].Plan;
  const scans: PlanScan[] = [];
  const nodes: string[] = [];
  const walk = (node: PlanNode) => {
    nodes.push(node["Node Type"]);
    if (node["Relation Name"] || node["Index Name"]) {
      const scan: PlanScan = { node: node["Node Type"], relation: node["Relation Name"], index: node["Index Name"] };
      if (node["Actual Rows"] !== undefined) scan.actualRows = node["Actual Rows"] * (node["Actual Loops"] ?? 1);
      scans.push(scan);
    }
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan);
  return { scans, nodes, plan };
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  Plans?: PlanNode[];
}
