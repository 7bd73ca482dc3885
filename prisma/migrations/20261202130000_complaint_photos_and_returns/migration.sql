-- Complaint photos (issue 10): uploaded by the buyer for one order before the complaint is sent, private until
-- then; attached to the complaint when it is sent. Seen only by the buyer, the order's seller (and supplier), admins.
CREATE TABLE "complaint_photos" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "order_id" UUID NOT NULL,
    "uploader_id" UUID NOT NULL,
    -- NULL until the complaint is sent; unattached photos are deleted after a day.
    "complaint_id" UUID,
    "position" INTEGER NOT NULL DEFAULT 0,
    "key_small" TEXT NOT NULL,
    "key_large" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "complaint_photos_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "complaint_photos_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "complaint_photos_uploader_id_fkey" FOREIGN KEY ("uploader_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "complaint_photos_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "complaint_photos_order_id_idx" ON "complaint_photos"("order_id");
CREATE INDEX "complaint_photos_complaint_id_position_idx" ON "complaint_photos"("complaint_id", "position");
CREATE INDEX "complaint_photos_created_at_idx" ON "complaint_photos"("created_at");

-- A return parcel is tracked like an outgoing one: the courier the buyer used and when it was handed over.
ALTER TABLE "complaints" ADD COLUMN "return_courier_code" TEXT, ADD COLUMN "return_shipped_at" TIMESTAMPTZ(3);
CREATE INDEX "complaints_status_return_shipped_at_idx" ON "complaints"("status", "return_shipped_at");
