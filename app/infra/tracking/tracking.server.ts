/**
 * Parcel tracking behind one interface. Today the embedded sandbox (TRACKING_SANDBOX_HOURS from pick-up to
 * delivery, plus a "deliver now" button at /sandbox/tracking); a real tracking API (a courier's or an
 * aggregator's) implements the same two calls later.
 */
import { sandboxTrackingSteps, type TrackingStep } from "~/domain/shipping/tracking";
import { env } from "~/infra/env.server";
import { findSandboxParcel, upsertSandboxParcel } from "~/models/sandbox-tracking.server";

export type { TrackingStep } from "~/domain/shipping/tracking";

export interface TrackingProvider {
  register(input: { courierCode: string; resi: string; shippedAt: Date }): Promise<void>;
  /** Steps reached so far, oldest first; empty when the courier does not know the resi (yet). */
  track(courierCode: string, resi: string): Promise<TrackingStep[]>;
}

export function createSandboxTrackingProvider(opts: { hours?: number; now?: () => Date } = {}): TrackingProvider {
  const now = opts.now ?? (() => new Date());
  return {
    async register(input) {
      await upsertSandboxParcel({ ...input, durationHours: opts.hours ?? env().TRACKING_SANDBOX_HOURS });
    },
    async track(courierCode, resi) {
      const parcel = await findSandboxParcel(courierCode, resi);
      if (!parcel) return [];
      return sandboxTrackingSteps({ shippedAt: parcel.shippedAt, durationHours: parcel.durationHours, now: now(), deliveredNowAt: parcel.deliveredNowAt });
    },
  };
}

let override: TrackingProvider | undefined;

export function trackingProvider(): TrackingProvider {
  return override ?? createSandboxTrackingProvider();
}

/** Tests only. */
export function setTrackingProviderForTests(provider: TrackingProvider | undefined) {
  override = provider;
}
