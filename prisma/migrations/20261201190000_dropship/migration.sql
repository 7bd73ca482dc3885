-- Dropship (issue 11). "Kirim sebagai dropshipper" at checkout: the buyer names the sender that the shipping
-- label and the packing slip show instead of the shop (and the slip then carries no prices). Both or neither.

ALTER TABLE "orders" ADD COLUMN "dropship_sender_name" TEXT;
ALTER TABLE "orders" ADD COLUMN "dropship_sender_phone" TEXT;
ALTER TABLE "orders" ADD CONSTRAINT "orders_dropship_sender_check"
    CHECK (("dropship_sender_name" IS NULL) = ("dropship_sender_phone" IS NULL));

-- The dropship program between two approved shops. A supplier opens products (or variants) with a dropship
-- price and an optional minimum selling price; a dropshipper joins (approved at once or by the supplier) and
-- lists them in its own shop. A listing is a product row of the dropshipper's shop that holds no stock: its stock
-- and availability are read from the source product at every read (cart, checkout, product page).

CREATE TABLE "dropship_programs" (
    "supplier_shop_id" UUID NOT NULL,
    "requires_approval" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "dropship_programs_pkey" PRIMARY KEY ("supplier_shop_id"),
    CONSTRAINT "dropship_programs_supplier_shop_id_fkey" FOREIGN KEY ("supplier_shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "dropship_offers" (
    "product_id" UUID NOT NULL,
    "supplier_shop_id" UUID NOT NULL,
    "dropship_price" INTEGER NOT NULL,
    "min_selling_price" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "dropship_offers_pkey" PRIMARY KEY ("product_id"),
    CONSTRAINT "dropship_offers_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "dropship_offers_supplier_shop_id_fkey" FOREIGN KEY ("supplier_shop_id") REFERENCES "dropship_programs"("supplier_shop_id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "dropship_offers_prices_check" CHECK ("dropship_price" > 0 AND ("min_selling_price" IS NULL OR "min_selling_price" > 0))
);
CREATE INDEX "dropship_offers_supplier_shop_id_idx" ON "dropship_offers"("supplier_shop_id");

CREATE TABLE "dropship_partners" (
    "supplier_shop_id" UUID NOT NULL,
    "dropshipper_shop_id" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "dropship_partners_pkey" PRIMARY KEY ("supplier_shop_id", "dropshipper_shop_id"),
    CONSTRAINT "dropship_partners_supplier_shop_id_fkey" FOREIGN KEY ("supplier_shop_id") REFERENCES "dropship_programs"("supplier_shop_id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "dropship_partners_dropshipper_shop_id_fkey" FOREIGN KEY ("dropshipper_shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "dropship_partners_status_check" CHECK ("status" IN ('pending', 'approved', 'stopped')),
    CONSTRAINT "dropship_partners_distinct_check" CHECK ("supplier_shop_id" <> "dropshipper_shop_id")
);
CREATE INDEX "dropship_partners_dropshipper_shop_id_idx" ON "dropship_partners"("dropshipper_shop_id");

CREATE TABLE "dropship_listings" (
    "product_id" UUID NOT NULL,
    "source_product_id" UUID NOT NULL,
    "supplier_shop_id" UUID NOT NULL,
    "dropshipper_shop_id" UUID NOT NULL,
    "markup_kind" TEXT NOT NULL,
    "markup_value" INTEGER NOT NULL,
    "rounding_step" INTEGER NOT NULL,
    "notice" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "dropship_listings_pkey" PRIMARY KEY ("product_id"),
    CONSTRAINT "dropship_listings_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "dropship_listings_source_product_id_fkey" FOREIGN KEY ("source_product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "dropship_listings_markup_check" CHECK ("markup_kind" IN ('percent', 'fixed') AND "markup_value" >= 0 AND "rounding_step" IN (1, 100, 500, 1000))
);
CREATE UNIQUE INDEX "dropship_listings_dropshipper_shop_id_source_product_id_key" ON "dropship_listings"("dropshipper_shop_id", "source_product_id");
CREATE INDEX "dropship_listings_source_product_id_idx" ON "dropship_listings"("source_product_id");

-- A program order is made to the dropshipper's shop (the buyer sees only it) and fulfilled by the supplier;
-- each item remembers the dropship price of the day (the supplier's part) next to the buyer's unit price.
ALTER TABLE "orders" ADD COLUMN "fulfilment_shop_id" UUID;
ALTER TABLE "orders" ADD CONSTRAINT "orders_fulfilment_shop_id_fkey" FOREIGN KEY ("fulfilment_shop_id") REFERENCES "shops"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "orders_fulfilment_shop_id_status_created_at_idx" ON "orders"("fulfilment_shop_id", "status", "created_at" DESC);
ALTER TABLE "order_items" ADD COLUMN "dropship_unit_price" INTEGER;
ALTER TABLE "order_items" ADD COLUMN "source_product_id" UUID;
