import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp, listen } from "../../app/cli/server";
import { translator } from "../../app/i18n/i18n";
import { db } from "../../app/infra/db.server";
import { flashHeader } from "../../app/infra/flash.server";
import { type PageCache, startPageCache } from "../../app/infra/page-cache.server";
import { invalidateCategoryTree } from "../../app/models/category.server";
import { retireCategory } from "../../app/services/category-admin.server";
import { aProduct, leafCategory } from "../factories/products";
import { aSeller } from "../factories/shops";
import { aUser, cookieFor } from "../factories/users";

// Two app instances on one database, each with its own page cache and LISTEN connection, as two servers behind a
// load balancer would be. Changes are made straight in the database (as checkout code or another instance would):
// the browse_changed trigger's NOTIFY is the only way either instance can learn of them.
interface Instance {
  url: string;
  cache: PageCache;
  server: Server;
}
let a: Instance;
let b: Instance;
let seller: Awaited<ReturnType<typeof aSeller>>;
let product: Awaited<ReturnType<typeof aProduct>>;

async function startInstance(build: ServerBuild): Promise<Instance> {
  const cache = (await startPageCache(process.env.DATABASE_URL!, { enabled: true, maxMb: 8 }, invalidateCategoryTree))!;
  const server = await listen(createApp(build, { pageCache: cache }), 0);
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, cache, server };
}

beforeAll(async () => {
  // The production build, as `npm test` makes it first (the pages, the root loader and entry.server.tsx's marking).
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  seller = await aSeller({ status: "approved" });
  product = await aProduct(seller.owner, { title: "Songkok Beludru Hitam Gresik", category: "gamis-polos", price: 185000 });
  a = await startInstance(build);
  b = await startInstance(build);
});

afterAll(async () => {
  for (const i of [a, b]) {
    await i?.cache.stop();
    i?.server.closeAllConnections();
    await new Promise((r) => i?.server.close(r));
  }
});

beforeEach(() => {
  a.cache.invalidate();
  b.cache.invalidate();
});

async function get(i: Instance, p: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${i.url}${p}`, { headers: { "accept-encoding": "br, gzip", ...headers }, redirect: "manual" });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

/** Retries `check` (assertions) for up to 3 s: a NOTIFY arrives a moment after the commit. */
async function eventually(check: () => Promise<void>) {
  const until = Date.now() + 3000;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

const productPath = () => `/produk/${product.slug}`;

describe("page cache", () => {
  it("serves a visitor's page from memory, compressed, with an ETag that answers 304 and headers a CDN may follow", async () => {
    const first = await get(a, productPath());
    expect(first.status).toBe(200);
    expect(first.headers.get("x-page-cache")).toBe("MISS");
    const second = await get(a, productPath());
    expect(second.headers.get("x-page-cache")).toBe("HIT");
    expect(second.headers.get("content-encoding")).toBe("br");
    expect(second.body).toBe(first.body);
    expect(second.headers.get("cache-control")).toMatch(/public.*s-maxage=\d+.*stale-while-revalidate=\d+/);
    expect(second.headers.get("vary")).toMatch(/Accept-Language/);
    expect((await get(a, productPath(), { "accept-encoding": "gzip" })).headers.get("content-encoding")).toBe("gzip");
    const etag = second.headers.get("etag")!;
    expect(etag).toBeTruthy();
    const revalidated = await get(a, productPath(), { "if-none-match": etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body).toBe("");
    expect(second.headers.get("x-lapak-anonymous-page")).toBeNull();
  });

  it("keys pages by language: an English visitor never gets the Indonesian page", async () => {
    const id = await get(a, productPath());
    const en = await get(a, productPath(), { "accept-language": "en-US,en;q=0.9" });
    expect(en.headers.get("x-page-cache")).toBe("MISS");
    expect(en.body).toContain('lang="en"');
    expect(id.body).toContain('lang="id"');
  });

  it("never stores nor serves a signed-in user's page, and tells browsers and proxies not to keep it", async () => {
    const user = await aUser({ name: "Rahmat Hidayatullah" });
    const cookie = await cookieFor(user.id);
    const own = await get(a, productPath(), { cookie });
    expect(own.status).toBe(200);
    expect(own.body).toContain("Rahmat Hidayatullah");
    expect(own.headers.get("x-page-cache")).toBeNull();
    expect(own.headers.get("cache-control")).toBe("private, no-store");
    expect(a.cache.size.entries).toBe(0);
    const visitor = await get(a, productPath());
    expect(visitor.body).not.toContain("Rahmat Hidayatullah");
    // And a page cached for visitors is not what the signed-in user gets.
    expect((await get(a, productPath())).headers.get("x-page-cache")).toBe("HIT");
    const again = await get(a, productPath(), { cookie });
    expect(again.headers.get("x-page-cache")).toBeNull();
    expect(again.body).toContain("Rahmat Hidayatullah");
  });

  it("never caches a page that shows a flash message", async () => {
    const message = translator("id")("auth.loggedIn");
    const flash = (await flashHeader(new Request("http://lapak.test/"), { kind: "success", key: "auth.loggedIn" })).split(";")[0];
    const withFlash = await get(a, productPath(), { cookie: flash });
    expect(withFlash.body).toContain(message);
    expect(withFlash.headers.get("x-page-cache")).toBeNull();
    expect(a.cache.size.entries).toBe(0);
    expect((await get(a, productPath())).body).not.toContain(message);
  });

  it("a price change shows on the next visitor page of both instances", async () => {
    for (const i of [a, b]) await get(i, productPath());
    for (const i of [a, b]) expect((await get(i, productPath())).headers.get("x-page-cache")).toBe("HIT");
    await db().product.update({ where: { id: product.id }, data: { priceRupiah: 199000 } });
    for (const i of [a, b]) await eventually(async () => expect((await get(i, productPath())).body).toContain("199.000"));
  });

  it("a stock change (as checkout makes it) shows on both instances", async () => {
    for (const i of [a, b]) expect((await get(i, productPath())).body).not.toContain("7.777");
    await db().$executeRaw`UPDATE products SET stock = 7777 WHERE id = ${product.id}::uuid`;
    for (const i of [a, b]) await eventually(async () => expect((await get(i, productPath())).body).toContain("7.777"));
  });

  it("a suspended shop's product page is gone on both instances", async () => {
    const other = await aSeller({ status: "approved" });
    const p = await aProduct(other.owner, { title: "Peci Rajut Putih Haji" });
    for (const i of [a, b]) expect((await get(i, `/produk/${p.slug}`)).status).toBe(200);
    await db().shop.update({ where: { id: other.shop.id }, data: { status: "suspended" } });
    for (const i of [a, b]) await eventually(async () => expect((await get(i, `/produk/${p.slug}`)).status).toBe(404));
  });

  it("a retired category sends its visitors to its replacement on both instances", async () => {
    const leaf = await leafCategory("gamis-polos");
    const replacement = await leafCategory("gamis-syari");
    for (const i of [a, b]) {
      await get(i, "/kategori/gamis-polos");
      expect((await get(i, "/kategori/gamis-polos")).headers.get("x-page-cache")).toBe("HIT");
    }
    await retireCategory(leaf.id, replacement.id);
    for (const i of [a, b]) {
      await eventually(async () => {
        const res = await get(i, "/kategori/gamis-polos");
        expect(res.status).toBe(301);
        expect(res.headers.get("location")).toContain("/kategori/gamis-syari");
      });
    }
  });
});
