import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureQueries, type CapturedQuery, explainScans, type PlanScan, seedBenchCatalog } from "../../app/cli/bench-seed";
import { SEARCH_SESSION_OPTIONS } from "../../app/infra/db.server";
import { encodeCursor as encodeCursorValues } from "../../app/infra/http.server";
import { encodeCursor } from "../../app/models/product.server";
import { findPublicShopBySlug } from "../../app/models/shop-public.server";
import { browse, homeSections, parseBrowseParams, productPage } from "../../app/services/browse.server";
import { dropshipperDashboard, supplierProgram } from "../../app/services/dropship.server";

// Every query the catalog pages send uses an index.
//
// How: the catalog is seeded with 20,000 active products (the bench seeder, then VACUUM ANALYZE), each page's
// service is called once while node-postgres records the statements it sends (Prisma's driver adapter ends in
// pg too, so these are the exact SQL texts and parameters of the pages), and each statement is EXPLAINed with
// its parameters, in a session with the app's pg_trgm.word_similarity_threshold (SEARCH_SESSION_OPTIONS, app/infra/db.server.ts).
//
// The rule: no "Seq Scan" on a table the planner believes holds more than SMALL_TABLE_ROWS rows. Below that
// (categories: ~480 rows; shops: 300 sellers here, as in the bench) reading the table's few pages beats an index, the
// planner rightly prefers it, and it costs microseconds. products, product_photos and product_variants are
// far above it, so any query of the pages that would read them whole fails here, with its plan.
//
// "Uses an index" is not enough for the lists: an index walked in the wrong order with a filter can read as much
// as a Seq Scan. So the listing of the whole catalog, a leaf and a top-level category, sorted every way, first
// page and deep pages, is also run with EXPLAIN ANALYZE and must read about one page of products.
//
// SHOW_PLANS=1 prints the scans of every statement.
const SMALL_TABLE_ROWS = 1_000;
const PRODUCTS = 20_000;

let client: pg.Client;
let tableRows: Map<string, number>;

beforeAll(async () => {
  await seedBenchCatalog(process.env.DATABASE_URL!, { products: PRODUCTS, shops: 300 });
  client = new pg.Client({ connectionString: process.env.DATABASE_URL, options: SEARCH_SESSION_OPTIONS });
  await client.connect();
  const { rows } = await client.query<{ relname: string; reltuples: number }>(
    `SELECT relname, reltuples FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`,
  );
  tableRows = new Map(rows.map((r) => [r.relname, Number(r.reltuples)]));
}, 180_000);

afterAll(async () => {
  await client?.end();
});

const url = (qs: string) => parseBrowseParams(new URL(`http://lapak.test/x?${qs}`));

async function pick<T>(sql: string): Promise<T> {
  const { rows } = await client.query(sql);
  if (!rows[0]) throw new Error(`nothing for ${sql}`);
  return rows[0] as T;
}

/** The statements `fn` sends, each with the scans of its plan. */
async function plansOf(fn: () => Promise<unknown>) {
  await fn(); // once before: the category tree is then cached, as it is for nearly every request
  const { queries } = await captureQueries(fn);
  const selects = queries.filter((q) => /^\s*(SELECT|WITH)\b/i.test(q.text));
  expect(selects.length).toBeGreaterThan(0);
  const out: { query: CapturedQuery; scans: PlanScan[]; nodes: string[]; plan: unknown }[] = [];
  for (const query of selects) out.push({ query, ...(await explainScans(client, query)) });
  return out;
}

function violations(plans: Awaited<ReturnType<typeof plansOf>>) {
  return plans.flatMap(({ query, scans, plan }) =>
    scans
      .filter((s) => s.node === "Seq Scan" && (tableRows.get(s.relation ?? "") ?? Infinity) > SMALL_TABLE_ROWS)
      .map((s) => `Seq Scan on ${s.relation} (${tableRows.get(s.relation ?? "")} rows) in:\n${query.text}\nparams: ${JSON.stringify(query.values)}\nplan: ${JSON.stringify(plan, null, 1)}`),
  );
}

/** Rows the listing query of `fn` read from products (EXPLAIN ANALYZE). */
async function productRowsRead(fn: () => Promise<unknown>) {
  const { queries } = await captureQueries(fn);
  const listing = queries.find((q) => /^\s*SELECT[\s\S]*ORDER BY/i.test(q.text));
  if (!listing) throw new Error("no listing query");
  const { scans } = await explainScans(client, listing, { analyze: true });
  return scans.filter((s) => s.relation === "products").reduce((sum, s) => sum + (s.actualRows ?? 0), 0);
}

const scanSummary = (plans: Awaited<ReturnType<typeof plansOf>>) => plans.map((p) => p.scans.map((s) => `${s.node} ${s.index ?? s.relation}`).join(", "));

async function expectIndexed(fn: () => Promise<unknown>) {
  const plans = await plansOf(fn);
  expect(violations(plans)).toEqual([]);
  if (process.env.SHOW_PLANS) for (const [i, s] of scanSummary(plans).entries()) console.log(`${plans[i].query.text.replace(/\s+/g, " ").slice(0, 90)} => ${s}`);
  return plans;
}

describe("query plans of the catalog pages, 20,000 products", () => {
  let top: { slug: string };
  let leaf: { slug: string };

  beforeAll(async () => {
    top = await pick(`SELECT top.slug, count(*) FROM products p JOIN categories l ON l.id = p.category_id JOIN categories m ON m.id = l.parent_id
                        JOIN categories top ON top.id = m.parent_id GROUP BY top.slug ORDER BY count(*) DESC LIMIT 1`);
    leaf = await pick(`SELECT c.slug FROM products p JOIN categories c ON c.id = p.category_id GROUP BY c.slug ORDER BY count(*) DESC LIMIT 1`);
  });

  it("the seeded catalog is big enough for the planner to mean it", () => {
    expect(tableRows.get("products")).toBeGreaterThanOrEqual(PRODUCTS * 0.9);
    expect(tableRows.get("product_photos")).toBeGreaterThanOrEqual(PRODUCTS * 0.9);
    expect(tableRows.get("product_variants")).toBeGreaterThan(SMALL_TABLE_ROWS);
  });

  for (const sort of ["newest", "price_asc", "price_desc", "bestselling"]) {
    it(`category page (top level and leaf), ${sort}, and its next page`, async () => {
      for (const slug of [top.slug, leaf.slug]) {
        const plans = await expectIndexed(() => browse(url(`urut=${sort}`), { categorySlug: slug }));
        // The listing and the count, both on products' (status, category_id, …) or (status, …) indexes.
        expect(plans.length).toBe(2);
        const first = await browse(url(`urut=${sort}`), { categorySlug: slug });
        expect(first.next).not.toBeNull();
        await expectIndexed(() => browse(url(`urut=${sort}&setelah=${first.next}`), { categorySlug: slug }));
      }
    });

    it(`${sort}: the first and a deep page of the whole catalog, a top-level and a leaf category read a page's worth of products`, async () => {
      // Each list has an index in exactly its order, ties on the id included, so a page is the next entries after
      // the cursor. An index whose id runs the other way leaves ties to an in-memory sort, and a third of the
      // products tie on sold_count = 0: a page in that tail read every one of them. A leaf filtered with
      // `category_id = ANY('{id}')` cannot be read in index order at all: its page walked the whole catalog's index.
      // The whole catalog and a leaf have an index in exactly the page's order: a page reads its 25 rows (+1, to
      // know there is a next page). A top-level category's leaves are mixed in the catalog-wide index: a page reads
      // until it has found 25 of them.
      const scopes = [
        { scope: {}, most: 30 },
        { scope: { categorySlug: leaf.slug }, most: 30 },
        { scope: { categorySlug: top.slug }, most: 1_000 },
      ];
      for (const { scope, most } of scopes) {
        expect(await productRowsRead(() => browse(url(`urut=${sort}`), scope))).toBeLessThanOrEqual(most);
        let page = await browse(url(`urut=${sort}`), scope);
        for (let i = 0; i < 3 && page.next; i++) page = await browse(url(`urut=${sort}&setelah=${page.next}`), scope);
        const cursors = [page.next!];
        if (sort === "bestselling") {
          const { id } = await pick<{ id: string }>(`SELECT id FROM products WHERE status = 'active' AND sold_count = 0 ORDER BY id DESC OFFSET 100 LIMIT 1`);
          cursors.push(encodeCursor("0", id));
        }
        for (const setelah of cursors) {
          expect(await productRowsRead(() => browse({ ...url(`urut=${sort}`), setelah }, scope))).toBeLessThanOrEqual(most);
        }
      }
    });
  }

  it("browsing by a filter alone: province, condition", async () => {
    const rare = await pick<{ code: string }>(`SELECT shop_province_code AS code FROM products GROUP BY 1 ORDER BY count(*), 1 LIMIT 1`);
    for (const qs of ["provinsi=32", `provinsi=${rare.code}`, "kondisi=used", "provinsi=32&urut=price_asc", "kondisi=used&urut=bestselling"]) {
      await expectIndexed(() => browse(url(qs)));
    }
  });

  it("search, ranked: full text; a misspelt word is corrected from the word dictionary, never by comparing every title", async () => {
    for (const q of ["gamis hitam", "kopi arabika gayo", "kemeja"]) {
      const plans = await expectIndexed(() => browse(url(`q=${encodeURIComponent(q)}`)));
      expect(scanSummary(plans).join(" ")).toMatch(/products_search_vector_filters_idx/);
      expect(scanSummary(plans).join(" ")).not.toMatch(/products_title_trgm_idx|search_words/);
    }
    for (const q of ["gamsi", "gamsi hitam"]) {
      const plans = await expectIndexed(() => browse(url(`q=${encodeURIComponent(q)}`)));
      const summary = scanSummary(plans).join(" ");
      // The correction reads the dictionary (its trigram index, or the whole table while it is a few hundred
      // words); the products are then found by the full-text index, as for a correctly spelt query.
      expect(summary).toMatch(/search_words/);
      expect(summary).toMatch(/products_search_vector_filters_idx/);
      expect(summary).not.toMatch(/products_title_trgm_idx/);
    }
  });

  it("search with filters: province and price sort, category, price range, condition, newest", async () => {
    await expectIndexed(() => browse(url("q=kemeja&provinsi=32&urut=price_asc")));
    await expectIndexed(() => browse(url(`q=gamis&kategori=${top.slug}`)));
    await expectIndexed(() => browse(url("q=sepatu&min=100000&max=300000&kondisi=new&urut=newest")));
    const first = await browse(url("q=gamis"));
    await expectIndexed(() => browse(url(`q=gamis&setelah=${first.next}`)));
    // The exact-words-first sorts page in two parts: a cursor in either part.
    const byPrice = await browse(url("q=kemeja&urut=price_asc"));
    expect(byPrice.next).not.toBeNull();
    await expectIndexed(() => browse(url(`q=kemeja&urut=price_asc&setelah=${byPrice.next}`)));
    const [lastExact] = (await client.query<{ id: string; price: number }>(
      `SELECT id, price_rupiah AS price FROM products WHERE status = 'active' AND title_vector @@ websearch_to_tsquery('simple', 'kemeja') ORDER BY price_rupiah DESC, id DESC LIMIT 1`,
    )).rows;
    await expectIndexed(() => browse({ ...url("q=kemeja&urut=price_asc"), setelah: encodeCursorValues([String(lastExact.price), lastExact.id, true]) }));
  });

  it("a text search counts in its listing statement, and its filters are conditions of the one full-text index", async () => {
    for (const qs of ["q=kemeja&provinsi=32&urut=price_asc", "q=gamis&kondisi=used", "q=gamis&kategori=fashion-muslim", "q=sepatu&min=100000&max=300000&urut=newest"]) {
      const plans = await expectIndexed(() => browse(url(qs)));
      // One statement: the page and its total (count(*) OVER ()), the first page of a search.
      expect(plans.length).toBe(1);
      const summary = scanSummary(plans).join(" ");
      expect(summary).toMatch(/Bitmap Index Scan products_search_vector_filters_idx/);
      // No btree index ANDed in for the province, the condition or the price: that half read a whole province's (or
      // price range's) products to drop a few matches. (For a top-level category's leaves the planner may still AND
      // the category index at this size; at 100,000 products it does not.)
      if (!qs.includes("kategori=")) expect(summary).not.toMatch(/Bitmap Index Scan products_status_/);
      // The index hands over the filtered matches only, not every match of the words (the price, checked on the
      // rows, aside).
      if (qs.includes("min=")) continue;
      const { queries } = await captureQueries(() => browse(url(qs)));
      const { scans } = await explainScans(client, queries[0], { analyze: true });
      const fromIndex = scans.find((x) => x.node === "Bitmap Index Scan" && x.index === "products_search_vector_filters_idx");
      const { total } = await browse(url(qs));
      expect(total).toBeGreaterThan(0);
      expect(fromIndex?.actualRows).toBe(total);
    }
  });

  it("browsing without a query: everything, a price range", async () => {
    await expectIndexed(() => browse(url("urut=bestselling")));
    await expectIndexed(() => browse(url("min=50000&max=60000&urut=price_asc")));
  });

  it("home page sections", async () => {
    await expectIndexed(() => homeSections());
  });

  it("product page: the product by slug, then its variants, photos, category and shop by key", async () => {
    const { slug } = await pick<{ slug: string }>(`SELECT p.slug FROM products p WHERE EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = p.id) ORDER BY p.slug LIMIT 1`);
    const plans = await expectIndexed(async () => expect(await productPage(slug)).not.toBeNull());
    const summary = scanSummary(plans).join(" ");
    expect(summary).toMatch(/products_slug_key/);
    expect(summary).toMatch(/product_variants_product_id_position_idx/);
    expect(summary).toMatch(/product_photos_product_id_position_idx/);
  });

  it("shop page: the shop by slug, its products, and a search inside the shop", async () => {
    const { slug, id } = await pick<{ slug: string; id: string }>(
      `SELECT s.slug, s.id FROM shops s JOIN products p ON p.shop_id = s.id GROUP BY s.id ORDER BY count(*) DESC LIMIT 1`,
    );
    await expectIndexed(() => findPublicShopBySlug(slug));
    for (const qs of ["", "urut=price_asc", "q=hitam"]) {
      const plans = await expectIndexed(() => browse(url(qs), { shopId: id }));
      // The list and its count; a search's first page counts in its list statement.
      expect(plans.length).toBe(qs.startsWith("q=") ? 1 : 2);
    }
  });
});

describe("spelling correction goes word by word", () => {
  it("a misspelt word still finds, and every result holds every word of the corrected query", async () => {
    const typo = await browse(url("q=gamsi+hitam"));
    expect(typo.correctedQuery).toBe("gamis hitam");
    expect(typo.items[0]?.title.toLowerCase()).toMatch(/gamis.*hitam/);
    const res = await browse(url("q=gamsi+hitam&urut=price_asc"));
    expect(res.total).toBeLessThanOrEqual((await browse(url("q=gamis"))).total);
    const { rows } = await client.query<{ id: string; ok: boolean }>(
      `SELECT id, search_vector @@ websearch_to_tsquery('indonesian', 'gamis hitam') AS ok FROM products WHERE id = ANY($1::uuid[])`,
      [res.items.map((i) => i.id)],
    );
    expect(rows.length).toBe(res.items.length);
    expect(rows.filter((r) => !r.ok)).toEqual([]);
  });
});

describe("the count leaves out shops that do not sell", () => {
  it("counts from the indexes, reading only the products of suspended shops", async () => {
    const { id } = await pick<{ id: string }>(`SELECT shop_id AS id FROM products WHERE status = 'active' GROUP BY shop_id ORDER BY count(*) DESC LIMIT 1`);
    const before = await browse(url("q=gamis"));
    await client.query(`UPDATE shops SET status = 'suspended' WHERE id = $1`, [id]);
    await client.query(`ANALYZE shops`);
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM products WHERE shop_id = $1 AND status = 'active' AND search_vector @@ websearch_to_tsquery('indonesian', 'gamis')`,
      [id],
    );
    const after = await browse(url("q=gamis"));
    expect(after.total).toBe(before.total - Number(rows[0].n));
    for (const qs of ["q=gamis", "", `kategori=${(await pick<{ slug: string }>(`SELECT c.slug FROM products p JOIN categories c ON c.id = p.category_id GROUP BY c.slug ORDER BY count(*) DESC LIMIT 1`)).slug}`]) {
      await expectIndexed(() => browse(url(qs)));
    }
  });
});

describe("query plans of the dropship dashboards, 30,000 orders", () => {
  // Orders of the bench shops: a third are dropship program orders (a dropshipper's order fulfilled by another
  // shop), most completed and released through the ledger, some in transit, some with complaints and late
  // cancellations; then both dashboards run once and every statement is EXPLAINed as above.
  let dropshipperOwner: string;
  let supplierOwner: string;

  beforeAll(async () => {
    await client.query(`INSERT INTO users (email, name, password_hash) VALUES ('bench-buyer@lapak.test', 'Bench Buyer', 'x') ON CONFLICT DO NOTHING`);
    await client.query(`
      INSERT INTO payments (payment_number, buyer_id, gross_amount, status, expires_at)
      SELECT 'BENCH-PAY-' || g, (SELECT id FROM users WHERE email = 'bench-buyer@lapak.test'), 100000, 'settled', now() FROM generate_series(1, 3000) g`);
    await client.query(`
      WITH s AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS c FROM shops WHERE status = 'approved'),
           p AS (SELECT id, row_number() OVER (ORDER BY payment_number) - 1 AS n FROM payments WHERE payment_number LIKE 'BENCH-PAY-%')
      INSERT INTO orders (order_number, payment_id, buyer_id, shop_id, fulfilment_shop_id, status, goods_total, shipping_cost, fee_total, total,
                          recipient, phone, province_code, regency_code, district, postal_code, street, expires_at, paid_at, created_at)
      SELECT 'LPK-BENCH-' || g, p.id, (SELECT id FROM users WHERE email = 'bench-buyer@lapak.test'), d.id,
             CASE WHEN g % 3 = 0 THEN f.id END,
             (ARRAY['received','received','received','received','received','received','received','received','received','received','received','received','received','received','received','received','paid','processing','shipped','delivered'])[1 + g % 20],
             100000, 9000, 1000, 110000, 'Bench', '+6281200000000', '32', '3273', 'Coblong', '40132', 'Jl. Bench', now(),
             now() - make_interval(days => g % 400), now() - make_interval(days => g % 400)
      FROM generate_series(1, 30000) g
      JOIN s d ON d.n = g % d.c
      JOIN s f ON f.n = (g / 3 + 7) % f.c
      JOIN p ON p.n = g % 3000`);
    await client.query(`
      INSERT INTO order_items (order_id, product_id, title, unit_price, quantity, weight_grams, dropship_unit_price)
      SELECT o.id, (SELECT id FROM products LIMIT 1), 'Bench', 100000, 1, 500, CASE WHEN o.fulfilment_shop_id IS NOT NULL THEN 85000 END
      FROM orders o WHERE o.order_number LIKE 'LPK-BENCH-%'`);
    await client.query(`
      INSERT INTO shipments (order_id, courier_code, service_code, courier_name, service_name, weight_grams, billable_kg, etd_min_days, etd_max_days, ship_by, shipped_at, resi)
      SELECT o.id, 'jne', 'REG', 'JNE', 'REG', 500, 1, 2, 3, o.paid_at + interval '2 days',
             CASE WHEN o.status IN ('shipped','delivered','received') THEN o.paid_at + make_interval(hours => 12 + (hashtext(o.order_number) & 63)) END,
             CASE WHEN o.status IN ('shipped','delivered','received') THEN 'BENCH' || o.order_number END
      FROM orders o WHERE o.order_number LIKE 'LPK-BENCH-%'`);
    await client.query(`
      INSERT INTO order_events (order_id, event, from_status, to_status, actor_role, detail, created_at)
      SELECT o.id, CASE WHEN hashtext(o.order_number) % 50 = 0 THEN 'cancel' ELSE 'pay' END, 'paid', o.status, 'system',
             CASE WHEN hashtext(o.order_number) % 50 = 0 THEN '{"late": true}'::jsonb END, o.paid_at
      FROM orders o WHERE o.order_number LIKE 'LPK-BENCH-%'`);
    await client.query(`
      INSERT INTO complaints (order_id, reason, description, status, answer_due_at)
      SELECT o.id, 'damaged', 'Bench', CASE WHEN o.status IN ('shipped','delivered') THEN (ARRAY['open','forwarded','rejected'])[1 + abs(hashtext(o.order_number)) % 3] ELSE 'resolved' END, o.paid_at + interval '5 days'
      FROM orders o WHERE o.order_number LIKE 'LPK-BENCH-%' AND abs(hashtext(o.order_number)) % 10 = 0`);
    await client.query(`INSERT INTO ledger_accounts (code, kind) VALUES ('escrow', 'escrow') ON CONFLICT (code) DO NOTHING`);
    await client.query(`INSERT INTO ledger_accounts (code, kind, shop_id) SELECT 'seller_available:' || id, 'seller_available', id FROM shops ON CONFLICT (code) DO NOTHING`);
    // An entry and its lines in one transaction: the ledger checks at commit that each entry balances.
    await client.query("BEGIN");
    await client.query(`
      INSERT INTO journal_entries (idempotency_key, kind, reference_type, reference_id, created_at)
      SELECT 'escrow-release:' || o.id, 'escrow_release', 'order', o.id::text, o.paid_at + interval '5 days' FROM orders o WHERE o.order_number LIKE 'LPK-BENCH-%' AND o.status = 'received'`);
    await client.query(`
      INSERT INTO journal_lines (entry_id, account_id, amount, order_id, shop_id)
      SELECT e.id, a.id, x.amount, o.id, x.shop_id
      FROM journal_entries e JOIN orders o ON e.idempotency_key = 'escrow-release:' || o.id
      CROSS JOIN LATERAL (VALUES ('escrow', o.shop_id, 110000::bigint),
                                 ('seller_available:' || COALESCE(o.fulfilment_shop_id, o.shop_id), COALESCE(o.fulfilment_shop_id, o.shop_id), CASE WHEN o.fulfilment_shop_id IS NULL THEN -110000 ELSE -94000 END::bigint),
                                 ('seller_available:' || o.shop_id, o.shop_id, CASE WHEN o.fulfilment_shop_id IS NULL THEN 0 ELSE -16000 END::bigint)) AS x(code, shop_id, amount)
      JOIN ledger_accounts a ON a.code = x.code
      WHERE o.order_number LIKE 'LPK-BENCH-%' AND x.amount <> 0`);
    await client.query("COMMIT");
    await client.query(`ANALYZE`);
    const sizes = await client.query<{ relname: string; reltuples: number }>(`SELECT relname, reltuples FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`);
    for (const r of sizes.rows) tableRows.set(r.relname, Number(r.reltuples));
    const { rows } = await client.query<{ owner: string }>(
      `SELECT s.owner_id AS owner FROM orders o JOIN shops s ON s.id = o.shop_id WHERE o.fulfilment_shop_id IS NOT NULL GROUP BY s.owner_id ORDER BY count(*) DESC LIMIT 1`,
    );
    dropshipperOwner = rows[0].owner;
    supplierOwner = (await pick<{ owner: string }>(`SELECT s.owner_id AS owner FROM orders o JOIN shops s ON s.id = o.fulfilment_shop_id GROUP BY s.owner_id ORDER BY count(*) DESC LIMIT 1`)).owner;
  }, 180_000);

  it("the seeded orders are big enough for the planner to mean it", () => {
    for (const table of ["orders", "order_items", "shipments", "order_events", "complaints", "journal_lines", "journal_entries"]) expect(tableRows.get(table) ?? 0, table).toBeGreaterThan(SMALL_TABLE_ROWS);
  });

  it("the dropshipper's dashboard: orders in transit, complaints, supplier performance, margin per month from the ledger", async () => {
    const plans = await expectIndexed(() => dropshipperDashboard(dropshipperOwner));
    const summary = scanSummary(plans).join(" ");
    expect(summary).toMatch(/journal_lines_account_id_order_id_idx/);
    expect(summary).toMatch(/orders_shop_id_status_created_at_idx/);
  });

  it("the supplier's program page: orders to fulfil, complaints to decide, dropshippers and their volume", async () => {
    const plans = await expectIndexed(() => supplierProgram(supplierOwner));
    expect(scanSummary(plans).join(" ")).toMatch(/orders_fulfilment_shop_id_status_created_at_idx/);
  });
});
