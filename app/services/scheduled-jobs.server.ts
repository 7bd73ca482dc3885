import type { Schedule } from "~/infra/jobs.server";

/** Recurring jobs of the product's features (the mail sweep is built into jobs.server.ts). */
export function scheduledJobs(): Schedule[] {
  return [];
}
