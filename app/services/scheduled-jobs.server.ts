import type { Schedule } from "~/infra/jobs.server";
import { pruneAuthRecords } from "~/models/throttle.server";
import { deleteExpiredKycDocuments } from "./kyc-retention.server";
import { deleteUnattachedPhotos } from "./photo-cleanup.server";

/** Recurring jobs of the product's features (the mail sweep is built into jobs.server.ts). Cron in UTC. */
export function scheduledJobs(): Schedule[] {
  return [
    { name: "kyc-retention", cron: "15 19 * * *", run: () => deleteExpiredKycDocuments() }, // 02:15 WIB
    // Login and reset limits look back at most an hour; a day of records is plenty.
    { name: "auth-prune", cron: "45 19 * * *", run: () => pruneAuthRecords(new Date(Date.now() - 24 * 3600_000)) }, // 02:45 WIB
    { name: "photo-cleanup", cron: "40 * * * *", run: () => deleteUnattachedPhotos() }, // hourly: a photo goes a day after upload
  ];
}
