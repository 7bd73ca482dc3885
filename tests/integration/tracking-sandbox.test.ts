import { describe, expect, it } from "vitest";
import { createSandboxTrackingProvider } from "~/infra/tracking/tracking.server";
import * as page from "~/routes/sandbox.tracking";
import { call, getRequest, payload, postForm } from "../setup/http";

describe("tracking sandbox", () => {
  it("registers a parcel, moves it over the configured hours, and the page delivers it at once", async () => {
    const shippedAt = new Date(Date.now() - 3600_000); // an hour ago
    const provider = createSandboxTrackingProvider({ hours: 10 });
    await provider.register({ courierCode: "jne", resi: "0123456789012345", shippedAt });
    await provider.register({ courierCode: "jne", resi: "0123456789012345", shippedAt: new Date() }); // idempotent
    expect((await provider.track("jne", "0123456789012345")).map((s) => s.status)).toEqual(["picked_up"]);
    expect(await provider.track("jne", "UNKNOWN")).toEqual([]);

    const later = createSandboxTrackingProvider({ hours: 10, now: () => new Date(shippedAt.getTime() + 10 * 3600_000) });
    expect((await later.track("jne", "0123456789012345")).at(-1)?.status).toBe("delivered");

    const listed = payload<{ parcels: { resi: string; status: string }[] }>((await call(page.loader, getRequest("/sandbox/tracking"))).result);
    expect(listed.parcels).toContainEqual(expect.objectContaining({ resi: "0123456789012345", status: "picked_up" }));
    const res = await call(page.action, postForm("/sandbox/tracking", { courierCode: "jne", resi: "0123456789012345" }));
    expect(res.status).toBe(302);
    const steps = await provider.track("jne", "0123456789012345");
    expect(steps.map((s) => s.status)).toEqual(["picked_up", "in_transit", "at_destination_hub", "out_for_delivery", "delivered"]);
  });
});
