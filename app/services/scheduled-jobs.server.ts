import type { Schedule } from "~/infra/jobs.server";
import { pruneAuthRecords } from "~/models/throttle.server";
import { syncReturnTracking } from "./complaints.server";
import { deleteExpiredKycDocuments } from "./kyc-retention.server";
import { deleteUnattachedPhotos } from "./photo-cleanup.server";
import { autoCompleteOrders } from "./order-completion.server";
import { processPendingRefunds } from "./orders.server";
import { expireUnpaidPayments } from "./payments.server";
import { resumePayoutWork } from "./payouts.server";
import { runDailyReconciliation } from "./reconciliation.server";
import { cancelLateOrders, syncTracking } from "./seller-orders.server";

/** Recurring jobs of the product's features (the mail sweep is built into jobs.server.ts). Cron in UTC. */
export function scheduledJobs(): Schedule[] {
  return [
    { name: "kyc-retention", cron: "15 19 * * *", run: () => deleteExpiredKycDocuments() }, // 02:15 WIB
    // Login and reset limits look back at most an hour; a day of records is plenty.
    { name: "auth-prune", cron: "45 19 * * *", run: () => pruneAuthRecords(new Date(Date.now() - 24 * 3600_000)) }, // 02:45 WIB
    { name: "photo-cleanup", cron: "40 * * * *", run: () => deleteUnattachedPhotos() }, // hourly: a photo goes a day after upload
    // Unpaid orders past PAYMENT_EXPIRY_HOURS expire and give their stock back.
    { name: "payment-expiry", cron: "* * * * *", run: () => expireUnpaidPayments() },
    // Refunds the gateway did not take yet (down, timeout) are sent again with the same refund key.
    { name: "refund-retry", cron: "*/5 * * * *", run: () => processPendingRefunds() },
    // Paid orders past their ship-by deadline are cancelled and refunded; the late order counts against the shop.
    { name: "late-shipping", cron: "*/10 * * * *", run: () => cancelLateOrders() },
    // Shipped parcels the courier reports delivered move to "delivered"; a return parcel reported delivered back at
    // the seller completes its complaint's "return first" and the refund follows.
    { name: "tracking-sync", cron: "*/15 * * * *", run: async () => ({ delivered: await syncTracking(), returned: await syncReturnTracking() }) },
    // Payouts a crash or an outage left half done are created/approved again; lost outcomes are asked for.
    { name: "payout-resume", cron: "*/5 * * * *", run: () => resumePayoutWork() },
    // Yesterday's ledger against both providers' settlement reports; differences wait for an admin.
    { name: "reconciliation", cron: "30 18 * * *", run: () => runDailyReconciliation() }, // 01:30 WIB
    // Delivered (or long-shipped) orders nobody complained about complete and release their escrow to the seller.
    { name: "auto-complete", cron: "5 * * * *", run: () => autoCompleteOrders() },
  ];
}
