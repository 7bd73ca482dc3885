-- Dropship (issue 11). "Kirim sebagai dropshipper" at checkout: the buyer names the sender that the shipping
-- label and the packing slip show instead of the shop (and the slip then carries no prices). Both or neither.

ALTER TABLE "orders" ADD COLUMN "dropship_sender_name" TEXT;
ALTER TABLE "orders" ADD COLUMN "dropship_sender_phone" TEXT;
ALTER TABLE "orders" ADD CONSTRAINT "orders_dropship_sender_check"
    CHECK (("dropship_sender_name" IS NULL) = ("dropship_sender_phone" IS NULL));
