-- Issue 12: the page cache learns every change that shows on a browse page, and searches get a word dictionary.

-- 1. Browse version. Any statement that changes what a visitor's page shows (products, their variants and stock,
--    photos, categories, a shop's public fields) takes the next browse version and NOTIFYs it on the channel
--    `browse_changed`. The NOTIFY is delivered only if the transaction commits, to every instance (each LISTENs and
--    drops its page cache), so a stock change made by checkout code invalidates exactly like an edit in the admin.
--    A sequence rather than a version row: a row bumped by every checkout would be locked until each checkout
--    commits, and concurrent checkouts would queue on it; nextval never blocks (a rolled-back bump only costs a
--    needless invalidation). Statement-level: a 1,000-row import notifies once, not 1,000 times.
CREATE SEQUENCE "browse_version";

CREATE FUNCTION "browse_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('browse_changed', nextval('browse_version')::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER "products_browse_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "products"
    FOR EACH STATEMENT EXECUTE FUNCTION "browse_changed"();
CREATE TRIGGER "product_variants_browse_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "product_variants"
    FOR EACH STATEMENT EXECUTE FUNCTION "browse_changed"();
CREATE TRIGGER "product_photos_browse_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "product_photos"
    FOR EACH STATEMENT EXECUTE FUNCTION "browse_changed"();
CREATE TRIGGER "categories_browse_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "categories"
    FOR EACH STATEMENT EXECUTE FUNCTION "browse_changed"();
-- Shops change often during onboarding (KYC steps); only the fields a public page shows count.
CREATE TRIGGER "shops_browse_changed" AFTER UPDATE OF "status", "name", "slug", "description", "province_code", "regency_code" OR DELETE ON "shops"
    FOR EACH STATEMENT EXECUTE FUNCTION "browse_changed"();

-- 2. Exact words. The Indonesian stemmer strips "ke-" from "kemeja" and finds "meja" (tables); titles are also
--    indexed word for word ('simple' configuration) so that exact words rank first.
ALTER TABLE "products" ADD COLUMN "title_vector" tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce("title", ''))) STORED;
CREATE INDEX "products_title_vector_idx" ON "products" USING GIN ("title_vector");

-- 3. The dictionary of title words for typo correction ("gamsi" → "gamis"), with a trigram index of its own: a few
--    thousand words to compare instead of every product title. `products` counts the titles that brought the
--    word in (inserts, and title edits), so a misspelling is corrected to the commoner of two equally close words.
--    Words are never removed: a word whose products are gone corrects to a search that finds nothing, as before.
CREATE TABLE "search_words" (
    "word" TEXT NOT NULL,
    "products" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "search_words_pkey" PRIMARY KEY ("word")
);
CREATE INDEX "search_words_word_trgm_idx" ON "search_words" USING GIN ("word" gin_trgm_ops);

-- Words of three letters or more, not bare numbers ("250", "2"): those carry no spelling to correct.
CREATE FUNCTION "search_words_of"("title" TEXT) RETURNS SETOF TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT w FROM unnest(tsvector_to_array(to_tsvector('simple', coalesce("title", '')))) AS w
     WHERE length(w) >= 3 AND w !~ '^[0-9]+$'
$$;

CREATE FUNCTION "search_words_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "search_words" ("word", "products")
    SELECT w, count(*) FROM new_rows n, "search_words_of"(n."title") AS w GROUP BY w
    ON CONFLICT ("word") DO UPDATE SET "products" = "search_words"."products" + EXCLUDED."products";
    RETURN NULL;
END
$$;

-- Only rows whose title changed: a stock or price update (checkout) touches no dictionary row.
CREATE FUNCTION "search_words_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "search_words" ("word", "products")
    SELECT w, count(*) FROM new_rows n JOIN old_rows o ON o."id" = n."id" AND o."title" IS DISTINCT FROM n."title",
           "search_words_of"(n."title") AS w GROUP BY w
    ON CONFLICT ("word") DO UPDATE SET "products" = "search_words"."products" + EXCLUDED."products";
    RETURN NULL;
END
$$;

CREATE TRIGGER "products_search_words_insert" AFTER INSERT ON "products"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "search_words_insert"();
CREATE TRIGGER "products_search_words_update" AFTER UPDATE ON "products"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "search_words_update"();

INSERT INTO "search_words" ("word", "products")
SELECT w, count(*) FROM "products" p, "search_words_of"(p."title") AS w GROUP BY w;
