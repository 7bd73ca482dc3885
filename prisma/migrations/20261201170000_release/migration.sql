-- Release of escrow (issue 10, "release" half): commission rates per top-level category, the rate in force at
-- payment time on each order line, the commission and PPh 22 withholding of each release, and the seller's
-- declaration that they are over the yearly PPh 22 threshold.

-- code 'default' (category_id NULL) is the rate for every top-level category without its own row.
CREATE TABLE "commission_rates" (
    "code" TEXT NOT NULL,
    "category_id" INTEGER,
    "rate_bps" INTEGER NOT NULL,
    "updated_by" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "commission_rates_pkey" PRIMARY KEY ("code"),
    CONSTRAINT "commission_rates_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "commission_rates_rate_check" CHECK ("rate_bps" BETWEEN 0 AND 5000),
    CONSTRAINT "commission_rates_code_check" CHECK (("code" = 'default') = ("category_id" IS NULL))
);
CREATE UNIQUE INDEX "commission_rates_category_id_key" ON "commission_rates"("category_id");
INSERT INTO "commission_rates" ("code", "rate_bps") VALUES ('default', 500);

-- Rate in force when the order was paid (basis points of the line's goods value); NULL before payment.
ALTER TABLE "order_items" ADD COLUMN "commission_bps" INTEGER;
-- Set at payment (commission on the whole goods value); the release writes what it actually took.
ALTER TABLE "orders" ADD COLUMN "commission" INTEGER;
ALTER TABLE "orders" ADD COLUMN "released_at" TIMESTAMPTZ(3);
ALTER TABLE "orders" ADD COLUMN "released_commission" INTEGER;
ALTER TABLE "orders" ADD COLUMN "withheld_tax" INTEGER;
CREATE INDEX "orders_released_at_idx" ON "orders"("released_at");

ALTER TABLE "shops" ADD COLUMN "pph22_over_threshold" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "shops" ADD COLUMN "pph22_declared_at" TIMESTAMPTZ(3);
