-- Issue 12: a text search with a filter reads one index.
--
-- A search for "kemeja" in one province (or of one condition, or inside a category) used the full-text index for
-- the words and a btree index for the filter, ANDed as bitmaps: the btree half read every active product of the
-- province (28,000 of 100,000 for West Java) to keep 265 of the 1,009 "kemeja" rows, and took more time than the
-- rest of the search. btree_gin lets the filter columns sit in the full-text GIN index itself: one index scan
-- intersects the words' posting lists with the province's (or condition's, or categories') posting lists.
-- The price is left out: a range over a GIN column walks every distinct price in it, slower than checking the
-- matches' rows (the search queries keep the price off its btree index when there are words; product.server.ts).
CREATE EXTENSION IF NOT EXISTS btree_gin;

DROP INDEX "products_search_vector_idx";
CREATE INDEX "products_search_vector_filters_idx" ON "products" USING GIN ("search_vector", "shop_province_code", "condition", "category_id");

-- title_vector ('simple') orders the matches (the words as typed first) but never finds them: every title holding
-- the words as typed is a stemmed match already (the Indonesian configuration has no stop words). Its index was
-- read by no query and written by every title change.
DROP INDEX "products_title_vector_idx";
