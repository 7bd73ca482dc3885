import { describe, expect, it } from "vitest";
import { type CachedPage, encodingFor, isCacheableRequest, matchesEtag, PageCache } from "./page-cache.server";

const page = (bytes: number): CachedPage => ({ headers: [], etag: 'W/"x"', gzip: Buffer.alloc(0), br: Buffer.alloc(0), bytes, storedAt: Date.now() });

function listeningCache(maxBytes: number) {
  const cache = new PageCache({ maxBytes });
  cache.listening = true;
  return cache;
}

describe("page cache", () => {
  it("keeps its bytes under the bound, dropping the least recently used page first", () => {
    const cache = listeningCache(1000);
    cache.set("a", page(240), cache.generation);
    cache.set("b", page(240), cache.generation);
    cache.set("c", page(240), cache.generation);
    cache.get("a"); // used: b is now the oldest
    cache.set("d", page(240), cache.generation);
    cache.set("e", page(240), cache.generation);
    expect(cache.size.bytes).toBeLessThanOrEqual(1000);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
    expect(cache.get("e")).toBeDefined();
  });

  it("does not store a page rendered before an invalidation, nor while it is not listening", () => {
    const cache = listeningCache(10_000);
    const generation = cache.generation;
    cache.invalidate();
    expect(cache.set("a", page(10), generation)).toBe(false);
    cache.listening = false;
    expect(cache.set("a", page(10), cache.generation)).toBe(false);
  });

  it("takes only visitors' GETs of browse pages", () => {
    expect(isCacheableRequest("GET", "/kategori/gamis", "/kategori/gamis?urut=newest", undefined)).toBe(true);
    expect(isCacheableRequest("GET", "/", "/", "lapak_lang=ImVuIg%3D%3D")).toBe(true);
    expect(isCacheableRequest("GET", "/produk/x", "/produk/x", "a=1; lapak_session=abc")).toBe(false);
    expect(isCacheableRequest("GET", "/produk/x", "/produk/x", "lapak_flash=abc")).toBe(false);
    expect(isCacheableRequest("POST", "/cari", "/cari", undefined)).toBe(false);
    expect(isCacheableRequest("GET", "/seller/products", "/seller/products", undefined)).toBe(false);
    expect(isCacheableRequest("GET", "/produk/x/ongkir", "/produk/x/ongkir", undefined)).toBe(false);
  });

  it("answers If-None-Match and picks the encoding the client takes", () => {
    expect(matchesEtag('"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesEtag('"abc"', 'W/"abc"')).toBe(true);
    expect(matchesEtag('W/"other"', 'W/"abc"')).toBe(false);
    expect(encodingFor("gzip, deflate, br")).toBe("br");
    expect(encodingFor("gzip")).toBe("gzip");
    expect(encodingFor(undefined)).toBe("identity");
  });
});
