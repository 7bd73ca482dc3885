import { describe, expect, it } from "vitest";
import { permissionsOf, rolesOf } from "./permissions";

describe("roles and permissions", () => {
  it("a new account is a buyer only", () => {
    const p = { isAdmin: false, shopStatus: null };
    expect(rolesOf(p)).toEqual(["buyer"]);
    expect(permissionsOf(p).has("review:kyc:any")).toBe(false);
    expect(permissionsOf(p).has("create:product:own")).toBe(false);
  });
  it("a shop owner is buyer and seller, and lists products only once approved", () => {
    expect(rolesOf({ isAdmin: false, shopStatus: "submitted" })).toEqual(["buyer", "seller"]);
    expect(permissionsOf({ isAdmin: false, shopStatus: "submitted" }).has("create:product:own")).toBe(false);
    expect(permissionsOf({ isAdmin: false, shopStatus: "approved" }).has("create:product:own")).toBe(true);
    expect(permissionsOf({ isAdmin: false, shopStatus: "suspended" }).has("create:product:own")).toBe(false);
  });
  it("admins review KYC and read the outbox", () => {
    const perms = permissionsOf({ isAdmin: true, shopStatus: null });
    expect(perms.has("review:kyc:any")).toBe(true);
    expect(perms.has("read:outbox:any")).toBe(true);
  });
  it("only admins see any order's complaint photos (buyers and sellers see their own orders' through the order)", () => {
    expect(permissionsOf({ isAdmin: true, shopStatus: null }).has("read:complaint-photo:any")).toBe(true);
    expect(permissionsOf({ isAdmin: false, shopStatus: "approved" }).has("read:complaint-photo:any")).toBe(false);
  });
});
