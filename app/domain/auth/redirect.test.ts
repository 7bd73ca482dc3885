import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { homeAfterLogin, sameOriginPath } from "./redirect";

const ORIGIN = "https://lapak.id";

describe("redirect after login", () => {
  it("keeps a path on the app, with its query", () => {
    expect(sameOriginPath("/seller/onboarding?step=2", ORIGIN)).toBe("/seller/onboarding?step=2");
    expect(sameOriginPath("/account", ORIGIN)).toBe("/account");
  });

  it("refuses every way of pointing at another host", () => {
    for (const bad of ["//evil.example/x", "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/\\evil.example", "\\\\evil.example", "https://evil.example", "http://lapak.id/x", "javascript:alert(1)", " /x", "", "evil.example"]) {
      expect(sameOriginPath(bad, ORIGIN), JSON.stringify(bad)).toBe("/");
    }
    expect(sameOriginPath(null, ORIGIN)).toBe("/");
    expect(sameOriginPath("/..//evil.example", ORIGIN)).toBe("/evil.example");
    expect(sameOriginPath("/./\\evil.example/", ORIGIN)).toBe("/evil.example/");
  });

  it("never returns a control character, whatever it is given", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const out = sameOriginPath(`/${s}`, ORIGIN);
        expect(out.startsWith("/")).toBe(true);
        expect(out.startsWith("//")).toBe(false);
        expect(/[\u0000-\u001f\u007f]/.test(out)).toBe(false);
        expect(new URL(out, ORIGIN).origin).toBe(ORIGIN);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("landing after login", () => {
  it("is the admin's desk, the seller's shop, or the shop front", () => {
    expect(homeAfterLogin({ isAdmin: true, hasShop: true })).toBe("/admin");
    expect(homeAfterLogin({ isAdmin: false, hasShop: true })).toBe("/seller");
    expect(homeAfterLogin({ isAdmin: false, hasShop: false })).toBe("/");
  });
});
