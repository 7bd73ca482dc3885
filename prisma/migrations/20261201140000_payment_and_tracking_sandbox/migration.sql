-- The embedded Midtrans-shaped payment sandbox and the tracking sandbox. These tables belong to the sandboxes
-- (the "gateway" and the "courier"), not to the marketplace: the portal reaches them only over HTTP / the
-- TrackingProvider interface.

CREATE TABLE "sandbox_midtrans_transactions" (
    "order_id" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "transaction_id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "gross_amount" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "payment_type" TEXT,
    "bank" TEXT,
    "va_number" TEXT,
    "customer" JSONB NOT NULL,
    "items" JSONB NOT NULL,
    "finish_url" TEXT,
    "notification_url" TEXT,
    "refunded_amount" INTEGER NOT NULL DEFAULT 0,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "settled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sandbox_midtrans_transactions_pkey" PRIMARY KEY ("order_id"),
    CONSTRAINT "sandbox_midtrans_transactions_amounts_check" CHECK ("gross_amount" > 0 AND "refunded_amount" >= 0 AND "refunded_amount" <= "gross_amount")
);
CREATE UNIQUE INDEX "sandbox_midtrans_transactions_token_key" ON "sandbox_midtrans_transactions"("token");
CREATE INDEX "sandbox_midtrans_transactions_status_expires_at_idx" ON "sandbox_midtrans_transactions"("status", "expires_at");

CREATE TABLE "sandbox_midtrans_refunds" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "order_id" TEXT NOT NULL,
    "refund_key" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sandbox_midtrans_refunds_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "sandbox_midtrans_refunds_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "sandbox_midtrans_transactions"("order_id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "sandbox_midtrans_refunds_order_id_refund_key_key" ON "sandbox_midtrans_refunds"("order_id", "refund_key");

CREATE TABLE "sandbox_midtrans_notifications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "order_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),
    "last_status" INTEGER,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sandbox_midtrans_notifications_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "sandbox_midtrans_notifications_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "sandbox_midtrans_transactions"("order_id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "sandbox_midtrans_notifications_delivered_at_next_attempt_at_idx" ON "sandbox_midtrans_notifications"("delivered_at", "next_attempt_at");
CREATE INDEX "sandbox_midtrans_notifications_order_id_created_at_idx" ON "sandbox_midtrans_notifications"("order_id", "created_at");

CREATE TABLE "sandbox_tracking_parcels" (
    "courier_code" TEXT NOT NULL,
    "resi" TEXT NOT NULL,
    "shipped_at" TIMESTAMPTZ(3) NOT NULL,
    "duration_hours" DOUBLE PRECISION NOT NULL,
    "delivered_now_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sandbox_tracking_parcels_pkey" PRIMARY KEY ("courier_code", "resi")
);
