import { afterEach, describe, expect, it } from "vitest";
import { db } from "../../app/infra/db.server";
import { resetEnvCache } from "../../app/infra/env.server";
import { storage } from "../../app/infra/storage/storage.server";
import { loader as imageLoader } from "../../app/routes/img.$";
import { action as photoAction } from "../../app/routes/seller.products.photos";
import { deleteUnattachedPhotos } from "../../app/services/photo-cleanup.server";
import { aProduct } from "../factories/products";
import { aPhoto, aSeller } from "../factories/shops";
import { cookieFor } from "../factories/users";
import { call, getRequest, postForm } from "../setup/http";

// Finding 8 of issue 8: product photo uploads were free public image hosting.

async function upload(cookie: string, seed?: number) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(await aPhoto({ width: 320, height: 320, seed }))], { type: "image/jpeg" }), "foto.jpg");
  const res = await call(photoAction, postForm("/seller/products/photos", form, { cookie }));
  const response = res.result as Response;
  return { status: response.status, body: (await response.json()) as { ok: boolean; error?: string; photo?: { id: string; url: string } } };
}

const image = (url: string, cookie?: string) => call(imageLoader, getRequest(url, { cookie }), { "*": url.replace(/^\/img\//, "") });

afterEach(() => {
  delete process.env.PHOTO_UPLOADS_PER_HOUR;
  resetEnvCache();
});

describe("who may upload product photos", () => {
  for (const status of ["draft", "rejected", "suspended"] as const) {
    it(`refuses a ${status} shop`, async () => {
      const seller = await aSeller({ status });
      const res = await upload(await cookieFor(seller.owner.id));
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ ok: false, error: "product_shop_not_approved" });
      expect(await db().productPhoto.count({ where: { shopId: seller.shop.id } })).toBe(0);
    });
  }

  it("accepts an approved shop, at most PHOTO_UPLOADS_PER_HOUR an hour, counted atomically", async () => {
    process.env.PHOTO_UPLOADS_PER_HOUR = "2";
    resetEnvCache();
    const seller = await aSeller({ status: "approved" });
    const cookie = await cookieFor(seller.owner.id);
    const results = await Promise.all([1, 2, 3, 4].map((seed) => upload(cookie, seed)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 429, 429]);
    expect(results.find((r) => r.status === 429)!.body.error).toBe("upload_rate_limited");
    expect(await db().productPhoto.count({ where: { shopId: seller.shop.id } })).toBe(2);
  });
});

describe("who sees a photo", () => {
  it("shows an unattached photo only to its shop's owner, uncached; once on a product, to everyone with a long cache", async () => {
    const seller = await aSeller({ status: "approved" });
    const other = await aSeller({ status: "approved" });
    const owner = await cookieFor(seller.owner.id);
    const { body } = await upload(owner);
    const url = body.photo!.url;

    expect((await image(url)).status).toBe(404);
    expect((await image(url, await cookieFor(other.owner.id))).status).toBe(404);
    const own = await image(url, owner);
    expect(own.status).toBe(200);
    expect(own.headers.get("Cache-Control")).toBe("private, no-store");

    const product = await aProduct(seller.owner, { title: "Kopi Gayo Foto Publik" });
    const [photo] = await db().productPhoto.findMany({ where: { productId: product.id } });
    const publicUrl = `/img/${photo.keyMedium}`;
    const anyone = await image(publicUrl);
    expect(anyone.status).toBe(200);
    expect(anyone.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
  });
});

describe("cleanup of unattached photos", () => {
  it("deletes photos never attached a day after upload, with their files, and keeps the others", async () => {
    const seller = await aSeller({ status: "approved" });
    const owner = await cookieFor(seller.owner.id);
    const stale = (await upload(owner)).body.photo!;
    const product = await aProduct(seller.owner, { title: "Kopi Gayo Tetap Ada" });
    const staleRow = (await db().productPhoto.findUnique({ where: { id: stale.id } }))!;

    // Not yet a day: nothing goes.
    expect(await deleteUnattachedPhotos(new Date(Date.now() + 23 * 3600 * 1000))).toBe(0);
    const deleted = await deleteUnattachedPhotos(new Date(Date.now() + 25 * 3600 * 1000));
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await db().productPhoto.findUnique({ where: { id: stale.id } })).toBeNull();
    for (const key of [staleRow.keySmall, staleRow.keyMedium, staleRow.keyLarge]) expect(await storage().get(key)).toBeNull();
    const kept = await db().productPhoto.findMany({ where: { productId: product.id } });
    expect(kept).toHaveLength(1);
    expect(await storage().get(kept[0].keyMedium)).not.toBeNull();
  });
});
