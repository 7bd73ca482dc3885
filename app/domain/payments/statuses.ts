/**
 * The states Lapak stores for a payment (payments.status) and a refund (refunds.status), and what wrote a payment
 * event (payment_events.source). Lists, so each has words in both languages (see app/i18n/i18n.test.ts).
 */
export const PAYMENT_STATUSES = ["pending", "settled", "expired", "failed"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const REFUND_STATUSES = ["pending", "done"] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** The gateway's HTTP notification, or our job that closes payments past their deadline. */
export const PAYMENT_EVENT_SOURCES = ["notification", "expiry_job"] as const;
