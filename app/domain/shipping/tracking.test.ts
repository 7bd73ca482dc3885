import { describe, expect, it } from "vitest";
import { isDelivered, sandboxTrackingSteps } from "./tracking";

const shippedAt = new Date("2026-12-01T03:00:00Z");
const at = (hours: number) => new Date(shippedAt.getTime() + hours * 3600_000);

describe("sandbox tracking", () => {
  it("moves from picked up to delivered over the configured duration", () => {
    expect(sandboxTrackingSteps({ shippedAt, durationHours: 48, now: at(0) }).map((s) => s.status)).toEqual(["picked_up"]);
    expect(sandboxTrackingSteps({ shippedAt, durationHours: 48, now: at(10) }).map((s) => s.status)).toEqual(["picked_up", "in_transit"]);
    expect(sandboxTrackingSteps({ shippedAt, durationHours: 48, now: at(30) }).map((s) => s.status)).toEqual(["picked_up", "in_transit", "at_destination_hub"]);
    const done = sandboxTrackingSteps({ shippedAt, durationHours: 48, now: at(48) });
    expect(done.map((s) => s.status)).toEqual(["picked_up", "in_transit", "at_destination_hub", "out_for_delivery", "delivered"]);
    expect(done.at(-1)!.at).toEqual(at(48));
    expect(isDelivered(done)).toBe(true);
    expect(isDelivered(sandboxTrackingSteps({ shippedAt, durationHours: 48, now: at(47) }))).toBe(false);
  });

  it("delivers at once when the sandbox button is pressed", () => {
    const steps = sandboxTrackingSteps({ shippedAt, durationHours: 48, now: at(2), deliveredNowAt: at(1) });
    expect(steps.map((s) => s.status)).toEqual(["picked_up", "in_transit", "at_destination_hub", "out_for_delivery", "delivered"]);
    expect(steps.slice(1).every((s) => s.at.getTime() === at(1).getTime())).toBe(true);
  });

  it("shows nothing before the parcel was shipped", () => {
    expect(sandboxTrackingSteps({ shippedAt, durationHours: 48, now: at(-1) })).toEqual([]);
  });
});
