-- Rate limits beyond login attempts (password-reset requests per account and per address).
CREATE TABLE "throttle_events" (
    "id" BIGSERIAL NOT NULL,
    "bucket" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "throttle_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "throttle_events_bucket_key_created_at_idx" ON "throttle_events"("bucket", "key", "created_at");

-- Reset links used to be stored in plain text in the outbox, where admins could read them: those tokens are
-- revoked and the links blanked. New mails keep a placeholder and the token is derived at delivery.
DELETE FROM "password_reset_tokens" WHERE "used_at" IS NULL;
UPDATE "outbox_mails"
   SET "text_body" = regexp_replace("text_body", '(reset-password\?token=)[A-Za-z0-9_-]+', '\1[revoked]', 'g')
 WHERE "text_body" LIKE '%reset-password?token=%';
