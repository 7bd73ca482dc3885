import { describe, expect, it } from "vitest";
import { isForeignMutation } from "./csrf";

describe("CSRF origin check", () => {
  it("lets reads through from anywhere", () => {
    expect(isForeignMutation("GET", { origin: "https://evil.example", host: "lapak.id" })).toBe(false);
  });
  it("accepts a POST from the same host", () => {
    expect(isForeignMutation("POST", { origin: "http://localhost:3000", host: "localhost:3000", secFetchSite: "same-origin" })).toBe(false);
  });
  it("refuses a POST from another origin or a cross-site fetch", () => {
    expect(isForeignMutation("POST", { origin: "https://evil.example", host: "lapak.id" })).toBe(true);
    expect(isForeignMutation("POST", { origin: "http://localhost:3001", host: "localhost:3000" })).toBe(true);
    expect(isForeignMutation("DELETE", { secFetchSite: "cross-site", host: "lapak.id" })).toBe(true);
    expect(isForeignMutation("POST", { origin: "null", host: "lapak.id" })).toBe(true);
  });
  it("allows non-browser clients without Origin", () => {
    expect(isForeignMutation("POST", { host: "lapak.id" })).toBe(false);
  });
});
