-- Catalog: category tree, products with variants and photos, full-text and trigram search.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE "categories" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT,
    "parent_id" INTEGER,
    "level" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "retired_at" TIMESTAMPTZ(3),
    "replaced_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "categories_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "categories_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "categories"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "categories_slug_key" ON "categories"("slug");
CREATE INDEX "categories_parent_id_position_idx" ON "categories"("parent_id", "position");

CREATE TABLE "products" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "shop_id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "category_id" INTEGER NOT NULL,
    "condition" TEXT NOT NULL DEFAULT 'new',
    "price_rupiah" INTEGER NOT NULL,
    "stock" INTEGER NOT NULL DEFAULT 0,
    "sku" TEXT,
    "min_order" INTEGER NOT NULL DEFAULT 1,
    "weight_grams" INTEGER NOT NULL,
    "length_cm" INTEGER,
    "width_cm" INTEGER,
    "height_cm" INTEGER,
    "variant_type1" TEXT,
    "variant_type2" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "blocked_reason" TEXT,
    "sold_count" INTEGER NOT NULL DEFAULT 0,
    "shop_province_code" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- Title weighs more than description; 'indonesian' stems "berjualan" and "jual" alike.
    "search_vector" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('indonesian', coalesce("title", '')), 'A') ||
        setweight(to_tsvector('indonesian', coalesce("description", '')), 'B')
    ) STORED,
    CONSTRAINT "products_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "products_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "products_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "products_weight_range" CHECK ("weight_grams" BETWEEN 1 AND 50000),
    CONSTRAINT "products_price_positive" CHECK ("price_rupiah" > 0),
    CONSTRAINT "products_stock_nonnegative" CHECK ("stock" >= 0)
);
CREATE UNIQUE INDEX "products_slug_key" ON "products"("slug");
CREATE INDEX "products_status_category_id_published_at_id_idx" ON "products"("status", "category_id", "published_at" DESC, "id");
CREATE INDEX "products_status_category_id_price_rupiah_id_idx" ON "products"("status", "category_id", "price_rupiah", "id");
CREATE INDEX "products_status_category_id_sold_count_id_idx" ON "products"("status", "category_id", "sold_count" DESC, "id");
CREATE INDEX "products_status_published_at_id_idx" ON "products"("status", "published_at" DESC, "id");
CREATE INDEX "products_status_sold_count_id_idx" ON "products"("status", "sold_count" DESC, "id");
CREATE INDEX "products_status_price_rupiah_id_idx" ON "products"("status", "price_rupiah", "id");
CREATE INDEX "products_shop_id_status_updated_at_idx" ON "products"("shop_id", "status", "updated_at" DESC);
CREATE INDEX "products_title_trgm_idx" ON "products" USING GIN ("title" gin_trgm_ops);
CREATE INDEX "products_search_vector_idx" ON "products" USING GIN ("search_vector");

CREATE TABLE "product_variants" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "product_id" UUID NOT NULL,
    "option1" TEXT NOT NULL,
    "option2" TEXT,
    "price_rupiah" INTEGER NOT NULL,
    "stock" INTEGER NOT NULL DEFAULT 0,
    "sku" TEXT,
    "weight_grams" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "product_variants_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "product_variants_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "product_variants_product_id_position_idx" ON "product_variants"("product_id", "position");

CREATE TABLE "product_photos" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "product_id" UUID,
    "shop_id" UUID NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "key_small" TEXT NOT NULL,
    "key_medium" TEXT NOT NULL,
    "key_large" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "product_photos_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "product_photos_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "product_photos_product_id_position_idx" ON "product_photos"("product_id", "position");
CREATE INDEX "product_photos_shop_id_created_at_idx" ON "product_photos"("shop_id", "created_at");
