-- Reviewing a change of the payout bank account (issue 10): the seller sends the new account with a photo of the new
-- bank book; an admin compares it with the old account and decides. Until then withdrawals are on hold.

-- One pending change per shop, kept by the database as "one open withdrawal" is: pending_shop_id is the shop's id
-- exactly while the change is pending, and unique.
ALTER TABLE "bank_account_changes" ADD COLUMN "pending_shop_id" UUID;
UPDATE "bank_account_changes" c SET "pending_shop_id" = c."shop_id"
  WHERE c."status" = 'pending'
    AND c."id" = (SELECT p."id" FROM "bank_account_changes" p WHERE p."shop_id" = c."shop_id" AND p."status" = 'pending' ORDER BY p."created_at" DESC, p."id" LIMIT 1);
UPDATE "bank_account_changes" SET "status" = 'cancelled' WHERE "status" = 'pending' AND "pending_shop_id" IS NULL;
CREATE UNIQUE INDEX "bank_account_changes_pending_shop_id_key" ON "bank_account_changes"("pending_shop_id");

-- The account it replaces, copied when the change is asked for: the review compares old and new side by side, and
-- a decided change still shows what it replaced after the profile moved on.
ALTER TABLE "bank_account_changes" ADD COLUMN "previous_bank_code" TEXT;
ALTER TABLE "bank_account_changes" ADD COLUMN "previous_account_encrypted" TEXT;
ALTER TABLE "bank_account_changes" ADD COLUMN "previous_account_last4" TEXT;
ALTER TABLE "bank_account_changes" ADD COLUMN "previous_holder_name" TEXT;
ALTER TABLE "bank_account_changes" ADD COLUMN "cancelled_at" TIMESTAMPTZ(3);

ALTER TABLE "bank_account_changes" ADD CONSTRAINT "bank_account_changes_status_check"
    CHECK ("status" IN ('pending', 'approved', 'rejected', 'cancelled'));
ALTER TABLE "bank_account_changes" ADD CONSTRAINT "bank_account_changes_pending_check"
    CHECK ((("pending_shop_id" IS NOT NULL) = ("status" = 'pending')) AND ("pending_shop_id" IS NULL OR "pending_shop_id" = "shop_id"));

-- The new bank book is a KYC document (kind bank_book_change until approved), used by one change only.
CREATE UNIQUE INDEX "bank_account_changes_document_id_key" ON "bank_account_changes"("document_id");
ALTER TABLE "bank_account_changes" ADD CONSTRAINT "bank_account_changes_document_id_fkey"
    FOREIGN KEY ("document_id") REFERENCES "kyc_documents"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "bank_account_changes" ADD CONSTRAINT "bank_account_changes_reviewed_by_fkey"
    FOREIGN KEY ("reviewed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The shop's audit trail (verification_events) also records each step of a bank account change.
ALTER TABLE "verification_events" ADD COLUMN "bank_account_change_id" UUID;
ALTER TABLE "verification_events" ADD CONSTRAINT "verification_events_bank_account_change_id_fkey"
    FOREIGN KEY ("bank_account_change_id") REFERENCES "bank_account_changes"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "verification_events_bank_account_change_id_idx" ON "verification_events"("bank_account_change_id");
