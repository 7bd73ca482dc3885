import { describe, expect, it } from "vitest";
import { expectedOrigins, isForeignMutation } from "./csrf";

const direct = (host: string, appUrl?: string) => expectedOrigins({ host }, { appUrl, trustProxy: false });

describe("CSRF origin check", () => {
  it("lets reads through from anywhere", () => {
    expect(isForeignMutation("GET", { origin: "https://evil.example" }, direct("lapak.id"))).toBe(false);
  });
  it("accepts a POST from the same origin", () => {
    expect(isForeignMutation("POST", { origin: "http://localhost:3000", secFetchSite: "same-origin" }, direct("localhost:3000"))).toBe(false);
    expect(isForeignMutation("POST", { origin: "https://lapak.id" }, direct("lapak.id", "https://lapak.id"))).toBe(false);
  });
  it("refuses a POST from another origin or a cross-site fetch", () => {
    expect(isForeignMutation("POST", { origin: "https://evil.example" }, direct("lapak.id"))).toBe(true);
    expect(isForeignMutation("POST", { origin: "http://localhost:3001" }, direct("localhost:3000"))).toBe(true);
    expect(isForeignMutation("DELETE", { secFetchSite: "cross-site" }, direct("lapak.id"))).toBe(true);
    expect(isForeignMutation("POST", { origin: "null" }, direct("lapak.id"))).toBe(true);
  });
  it("compares the scheme too, not only the host", () => {
    // The app serves plain http on this host: an https page is another origin.
    expect(isForeignMutation("POST", { origin: "https://localhost:3000" }, direct("localhost:3000"))).toBe(true);
    // With APP_URL, only its origin counts, whatever Host the request carries.
    expect(isForeignMutation("POST", { origin: "http://lapak.id" }, direct("lapak.id", "https://lapak.id"))).toBe(true);
    expect(isForeignMutation("POST", { origin: "https://lapak.id:8443" }, direct("lapak.id", "https://lapak.id"))).toBe(true);
  });
  it("behind a trusted proxy takes the scheme from X-Forwarded-Proto", () => {
    const behind = (proto: string | null) => expectedOrigins({ host: "lapak.id", forwardedProto: proto }, { trustProxy: true });
    expect(isForeignMutation("POST", { origin: "https://lapak.id" }, behind("https"))).toBe(false);
    expect(isForeignMutation("POST", { origin: "http://lapak.id" }, behind("https"))).toBe(true);
    expect(isForeignMutation("POST", { origin: "https://lapak.id" }, behind(null))).toBe(true);
    // Without TRUST_PROXY the header is the client's word and is ignored.
    expect(isForeignMutation("POST", { origin: "https://lapak.id" }, expectedOrigins({ host: "lapak.id", forwardedProto: "https" }, { trustProxy: false }))).toBe(true);
  });
  it("allows non-browser clients without Origin", () => {
    expect(isForeignMutation("POST", {}, direct("lapak.id"))).toBe(false);
  });
});
