import { describe, expect, it } from "vitest";
import { loader as adminLoader } from "../../app/routes/admin._index";
import { loader as outboxLoader } from "../../app/routes/admin.outbox";
import { loader as sellerLoader } from "../../app/routes/seller._index";
import { aUser, cookieFor } from "../factories/users";
import { call, getRequest } from "../setup/http";

describe("role-gated areas", () => {
  it("sends a visitor to the login page, keeping where they wanted to go", async () => {
    const res = await call(adminLoader, getRequest("/admin"));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/login?redirectTo=%2Fadmin");
  });

  it("refuses a buyer the admin area and the outbox with 403", async () => {
    const buyer = await aUser();
    const cookie = await cookieFor(buyer.id);
    expect((await call(adminLoader, getRequest("/admin", { cookie }))).status).toBe(403);
    expect((await call(outboxLoader, getRequest("/admin/outbox", { cookie }))).status).toBe(403);
  });

  it("refuses the seller area to someone without a shop with 403", async () => {
    const buyer = await aUser();
    expect((await call(sellerLoader, getRequest("/seller", { cookie: await cookieFor(buyer.id) }))).status).toBe(403);
  });

  it("lets an admin in", async () => {
    const admin = await aUser({ admin: true });
    const cookie = await cookieFor(admin.id);
    expect((await call(adminLoader, getRequest("/admin", { cookie }))).status).toBe(200);
    expect((await call(outboxLoader, getRequest("/admin/outbox", { cookie }))).status).toBe(200);
  });
});
