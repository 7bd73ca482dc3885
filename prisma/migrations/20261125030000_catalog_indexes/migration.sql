-- Catalog indexes found by tests/integration/query-plans.test.ts (EXPLAIN of every query the catalog pages send)
-- and `npm run bench` (100,000 products).

-- 1. "Newest" and "bestselling" pages are ordered (key DESC, id DESC) and paged by the cursor (key, id) < (…, …).
--    These indexes had the id ascending, so every group of equal keys went through an in-memory sort, and a page
--    in a big group read the whole group: a third of the products never sold, and a page in that tail of
--    "bestselling" read all of them (33,000 rows at 100,000 products, ~40 ms). Same indexes, id descending.
DROP INDEX "products_status_category_id_published_at_id_idx";
CREATE INDEX "products_status_category_id_published_at_id_idx" ON "products"("status", "category_id", "published_at" DESC, "id" DESC);
DROP INDEX "products_status_category_id_sold_count_id_idx";
CREATE INDEX "products_status_category_id_sold_count_id_idx" ON "products"("status", "category_id", "sold_count" DESC, "id" DESC);
DROP INDEX "products_status_published_at_id_idx";
CREATE INDEX "products_status_published_at_id_idx" ON "products"("status", "published_at" DESC, "id" DESC);
DROP INDEX "products_status_sold_count_id_idx";
CREATE INDEX "products_status_sold_count_id_idx" ON "products"("status", "sold_count" DESC, "id" DESC);

-- 2. Browsing by seller province or by condition without a search query (/cari?provinsi=32, /cari?kondisi=used):
--    the count read every product, and a province with few sellers was listed by reading every product too.
--    Counted from these indexes alone; listed newest first straight from them.
CREATE INDEX "products_status_shop_province_code_published_at_id_idx" ON "products"("status", "shop_province_code", "published_at" DESC, "id" DESC);
CREATE INDEX "products_status_condition_published_at_id_idx" ON "products"("status", "condition", "published_at" DESC, "id" DESC);
