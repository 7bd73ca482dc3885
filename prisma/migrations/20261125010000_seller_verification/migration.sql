-- Seller onboarding and verification: shops, KYC data (encrypted), document versions, audit trail, access log.

CREATE TABLE "shops" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "owner_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "province_code" TEXT,
    "regency_code" TEXT,
    "district" TEXT,
    "postal_code" TEXT,
    "street" TEXT,
    "phone" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 0,
    "submitted_at" TIMESTAMPTZ(3),
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "shops_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "shops_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "shops_owner_id_key" ON "shops"("owner_id");
CREATE UNIQUE INDEX "shops_slug_key" ON "shops"("slug");
CREATE INDEX "shops_status_submitted_at_id_idx" ON "shops"("status", "submitted_at", "id");
CREATE INDEX "shops_decided_at_idx" ON "shops"("decided_at");

CREATE TABLE "kyc_profiles" (
    "shop_id" UUID NOT NULL,
    "full_name" TEXT,
    "nik_encrypted" TEXT,
    "nik_hash" TEXT,
    "nik_last4" TEXT,
    "birth_date" TEXT,
    "sex" TEXT,
    "npwp_encrypted" TEXT,
    "npwp_hash" TEXT,
    "npwp_is_nik" BOOLEAN NOT NULL DEFAULT false,
    "bank_code" TEXT,
    "account_encrypted" TEXT,
    "account_hash" TEXT,
    "account_last4" TEXT,
    "holder_name" TEXT,
    "key_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "kyc_profiles_pkey" PRIMARY KEY ("shop_id"),
    CONSTRAINT "kyc_profiles_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "kyc_profiles_nik_hash_idx" ON "kyc_profiles"("nik_hash");
CREATE INDEX "kyc_profiles_npwp_hash_idx" ON "kyc_profiles"("npwp_hash");
CREATE INDEX "kyc_profiles_account_hash_idx" ON "kyc_profiles"("account_hash");

CREATE TABLE "kyc_documents" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "shop_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "storage_key" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "uploaded_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),
    CONSTRAINT "kyc_documents_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "kyc_documents_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "kyc_documents_shop_id_kind_version_key" ON "kyc_documents"("shop_id", "kind", "version");
CREATE INDEX "kyc_documents_sha256_idx" ON "kyc_documents"("sha256");

CREATE TABLE "verification_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "shop_id" UUID NOT NULL,
    "from_status" TEXT NOT NULL,
    "to_status" TEXT NOT NULL,
    "actor_id" UUID,
    "actor_role" TEXT NOT NULL,
    "reason" TEXT,
    "document_reasons" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "verification_events_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "verification_events_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "verification_events_shop_id_created_at_idx" ON "verification_events"("shop_id", "created_at");

CREATE TABLE "document_access_logs" (
    "id" BIGSERIAL NOT NULL,
    "document_id" UUID NOT NULL,
    "viewer_id" UUID NOT NULL,
    "viewer_role" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "document_access_logs_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "document_access_logs_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "kyc_documents"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "document_access_logs_document_id_created_at_idx" ON "document_access_logs"("document_id", "created_at");
