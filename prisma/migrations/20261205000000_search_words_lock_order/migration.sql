-- The title-word dictionary is updated by statement triggers on "products". Two transactions inserting products
-- whose titles share words took the rows of "search_words" in hash order, which differs between them: the first
-- `npm start` died with "deadlock detected" while its demo catalog saved four products at a time, and two sellers
-- publishing at once could do the same. Taking the words in sorted order makes every writer lock them in one order.

CREATE OR REPLACE FUNCTION "search_words_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "search_words" ("word", "products")
    SELECT w, count(*) FROM new_rows n, "search_words_of"(n."title") AS w GROUP BY w ORDER BY w
    ON CONFLICT ("word") DO UPDATE SET "products" = "search_words"."products" + EXCLUDED."products";
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION "search_words_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "search_words" ("word", "products")
    SELECT w, count(*) FROM new_rows n JOIN old_rows o ON o."id" = n."id" AND o."title" IS DISTINCT FROM n."title",
           "search_words_of"(n."title") AS w GROUP BY w ORDER BY w
    ON CONFLICT ("word") DO UPDATE SET "products" = "search_words"."products" + EXCLUDED."products";
    RETURN NULL;
END
$$;
