-- Complaints before an order completes (issue 10): one per order; it stops the auto-complete clock until settled.
CREATE TABLE "complaints" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "order_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    -- open → (seller) resolved | return_requested → return_shipped → resolved | rejected; (either side) → escalated → resolved | rejected
    "status" TEXT NOT NULL DEFAULT 'open',
    -- full_refund | partial_refund | rejected
    "resolution" TEXT,
    "refund_amount" INTEGER,
    "return_resi" TEXT,
    "seller_reason" TEXT,
    "answer_due_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    CONSTRAINT "complaints_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "complaints_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "complaints_order_id_key" ON "complaints"("order_id");
CREATE INDEX "complaints_status_answer_due_at_idx" ON "complaints"("status", "answer_due_at");
