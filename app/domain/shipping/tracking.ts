// Tracking steps of a parcel, and how the embedded tracking sandbox moves one from pick-up to delivery.

export const TRACKING_STATUSES = ["picked_up", "in_transit", "at_destination_hub", "out_for_delivery", "delivered"] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

export interface TrackingStep {
  at: Date;
  status: TrackingStatus;
  description: string;
  location?: string;
}

/** Share of the whole journey after which each step happens in the sandbox. */
const SANDBOX_MILESTONES: Record<TrackingStatus, number> = {
  picked_up: 0,
  in_transit: 0.15,
  at_destination_hub: 0.6,
  out_for_delivery: 0.85,
  delivered: 1,
};

const DESCRIPTIONS: Record<TrackingStatus, string> = {
  picked_up: "Paket telah dijemput kurir",
  in_transit: "Paket dalam perjalanan ke kota tujuan",
  at_destination_hub: "Paket tiba di gudang kota tujuan",
  out_for_delivery: "Paket dibawa kurir ke alamat penerima",
  delivered: "Paket diterima",
};

/**
 * The steps a sandbox parcel has reached at `now`: it moves over `durationHours` after `shippedAt`;
 * `deliveredNowAt` (the sandbox's "deliver now" button) completes every remaining step at that instant.
 */
export function sandboxTrackingSteps(input: { shippedAt: Date; durationHours: number; now: Date; deliveredNowAt?: Date | null; courierName?: string }): TrackingStep[] {
  const span = input.durationHours * 3600_000;
  const steps: TrackingStep[] = [];
  for (const status of TRACKING_STATUSES) {
    const scheduled = new Date(input.shippedAt.getTime() + SANDBOX_MILESTONES[status] * span);
    const forced = input.deliveredNowAt && input.deliveredNowAt < scheduled ? input.deliveredNowAt : null;
    const at = forced ?? scheduled;
    if (at > input.now) break;
    steps.push({ at, status, description: DESCRIPTIONS[status], location: status === "picked_up" ? `Gudang ${input.courierName ?? "kurir"} asal` : undefined });
  }
  return steps;
}

export function isDelivered(steps: TrackingStep[]): boolean {
  return steps.some((s) => s.status === "delivered");
}
