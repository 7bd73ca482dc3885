-- Photo uploads per shop per clock hour, counted by one atomic upsert (issue 8, finding 8).
CREATE TABLE "photo_upload_counts" (
    "shop_id" UUID NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "photo_upload_counts_pkey" PRIMARY KEY ("shop_id","window_start")
);

ALTER TABLE "photo_upload_counts" ADD CONSTRAINT "photo_upload_counts_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE CASCADE;
