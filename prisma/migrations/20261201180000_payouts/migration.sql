-- Issue 10, money out: withdrawals of a seller's available balance, payout batches under maker-checker, payout
-- notifications (deduplicated), bank-account changes under review, reconciliation differences, and the tables
-- of the embedded Iris-shaped payout sandbox (the "provider", reached only over HTTP).

CREATE TABLE "payout_batches" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "status" TEXT NOT NULL DEFAULT 'created',
    "created_by" UUID NOT NULL,
    "approved_by" UUID,
    "total" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approved_at" TIMESTAMPTZ(3),
    CONSTRAINT "payout_batches_pkey" PRIMARY KEY ("id"),
    -- Maker-checker: the admin who made a batch never approves it, whatever the code above does.
    CONSTRAINT "payout_batches_maker_checker_check" CHECK ("approved_by" IS NULL OR "approved_by" <> "created_by"),
    CONSTRAINT "payout_batches_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "payout_batches_approved_by_fkey" FOREIGN KEY ("approved_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "payout_batches_status_created_at_idx" ON "payout_batches"("status", "created_at");

CREATE TABLE "withdrawals" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "number" TEXT NOT NULL,
    "shop_id" UUID NOT NULL,
    "requested_by" UUID NOT NULL,
    "amount" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'requested',
    -- Equal to shop_id while the withdrawal is open (requested, batched, sent), NULL once it ends: the unique
    -- index makes "one open withdrawal per shop" a database rule.
    "open_shop_id" UUID,
    "bank_code" TEXT NOT NULL,
    "account_last4" TEXT NOT NULL,
    "holder_name" TEXT NOT NULL,
    "batch_id" UUID,
    "provider_reference" TEXT,
    "provider_status" TEXT,
    "failure_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "withdrawals_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "withdrawals_amount_check" CHECK ("amount" > 0),
    CONSTRAINT "withdrawals_open_check" CHECK (("open_shop_id" IS NOT NULL) = ("status" IN ('requested', 'batched', 'sent')) AND ("open_shop_id" IS NULL OR "open_shop_id" = "shop_id")),
    CONSTRAINT "withdrawals_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "withdrawals_requested_by_fkey" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "withdrawals_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "payout_batches"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "withdrawals_number_key" ON "withdrawals"("number");
CREATE UNIQUE INDEX "withdrawals_open_shop_id_key" ON "withdrawals"("open_shop_id");
CREATE UNIQUE INDEX "withdrawals_provider_reference_key" ON "withdrawals"("provider_reference");
CREATE INDEX "withdrawals_shop_id_created_at_idx" ON "withdrawals"("shop_id", "created_at");
CREATE INDEX "withdrawals_status_created_at_idx" ON "withdrawals"("status", "created_at");
CREATE INDEX "withdrawals_batch_id_idx" ON "withdrawals"("batch_id");

-- Every payout notification received, applied or not (bad signature, duplicate, unknown reference).
CREATE TABLE "payout_notifications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "reference_no" TEXT,
    "status" TEXT,
    "outcome" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "payout_notifications_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "payout_notifications_reference_no_idx" ON "payout_notifications"("reference_no");

-- A seller's request to change the payout bank account: withdrawals are on hold while one is pending.
CREATE TABLE "bank_account_changes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "shop_id" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "bank_code" TEXT NOT NULL,
    "account_encrypted" TEXT NOT NULL,
    "account_hash" TEXT NOT NULL,
    "account_last4" TEXT NOT NULL,
    "holder_name" TEXT NOT NULL,
    "document_id" UUID,
    "reviewed_by" UUID,
    "review_note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewed_at" TIMESTAMPTZ(3),
    CONSTRAINT "bank_account_changes_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "bank_account_changes_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "bank_account_changes_shop_id_status_idx" ON "bank_account_changes"("shop_id", "status");

-- Differences found by the daily reconciliation between the ledger and a provider's settlement report.
CREATE TABLE "reconciliation_differences" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "provider" TEXT NOT NULL,
    "report_date" DATE NOT NULL,
    "reference" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ledger_amount" INTEGER,
    "provider_amount" INTEGER,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by" UUID,
    "resolution_note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "reconciliation_differences_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "reconciliation_differences_provider_report_date_reference_key" ON "reconciliation_differences"("provider", "report_date", "reference");
CREATE INDEX "reconciliation_differences_resolved_at_idx" ON "reconciliation_differences"("resolved_at");

-- The embedded Iris-shaped payout sandbox.
CREATE TABLE "sandbox_iris_payouts" (
    "reference_no" TEXT NOT NULL,
    "beneficiary_name" TEXT NOT NULL,
    "beneficiary_account" TEXT NOT NULL,
    "beneficiary_bank" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'queued',
    "error_code" TEXT,
    "error_message" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sandbox_iris_payouts_pkey" PRIMARY KEY ("reference_no")
);
CREATE INDEX "sandbox_iris_payouts_status_idx" ON "sandbox_iris_payouts"("status");

CREATE TABLE "sandbox_iris_notifications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "reference_no" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),
    "last_status" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sandbox_iris_notifications_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "sandbox_iris_notifications_reference_no_fkey" FOREIGN KEY ("reference_no") REFERENCES "sandbox_iris_payouts"("reference_no") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "sandbox_iris_notifications_delivered_at_next_attempt_at_idx" ON "sandbox_iris_notifications"("delivered_at", "next_attempt_at");
