import { createHash } from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { documentBody } from "./document-render.server";
import { logger } from "./logger.server";
import { listenWithReconnect, type Listener } from "./pg-listen.server";

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** The channel the browse_changed trigger NOTIFYs (migration 20261201160000_page_cache_and_search). */
export const BROWSE_CHANNEL = "browse_changed";

/**
 * Set by entry.server.tsx on a document whose root data has no user and no flash message: the only pages the
 * cache may keep. Never sent to the client.
 */
export const ANONYMOUS_PAGE_HEADER = "X-Lapak-Anonymous-Page";

/** Browse pages a visitor sees the same as every other visitor (in the same language). */
const CACHEABLE_PATH = /^\/(?:|kategori\/[^/]+|cari|produk\/[^/]+|toko\/[^/]+)$/;
const MAX_URL_LENGTH = 1024;
// A session or a flash message makes the page someone's own: such requests never read or fill the cache.
const PERSONAL_COOKIE = /(?:^|;\s*)lapak_(?:session|flash)=/;

/** Headers of a stored response that belong to one response only. */
const NOT_STORED = new Set(["set-cookie", "content-length", "content-encoding", "transfer-encoding", "connection", "vary", "cache-control", "etag", ANONYMOUS_PAGE_HEADER.toLowerCase()]);

export interface CachedPage {
  headers: [string, string][];
  etag: string;
  gzip: Buffer;
  br: Buffer;
  bytes: number;
  storedAt: number;
}

export interface PageCacheOptions {
  maxBytes: number;
  /** A safety net: an entry older than this is rendered again even if no change was notified. */
  ttlMs?: number;
  /** What a CDN or proxy in front may keep (s-maxage) and serve while it revalidates (stale-while-revalidate). */
  sharedMaxAgeSeconds?: number;
  staleWhileRevalidateSeconds?: number;
}

/**
 * Rendered browse pages for visitors without a session, compressed once (brotli and gzip), in memory, least
 * recently used dropped first when the bytes exceed the bound. Emptied when the database says something shown
 * changed (NOTIFY browse_changed, from any instance), when this instance answers a write (the write's NOTIFY
 * may arrive after the next page is asked for), and while the LISTEN connection is down (notifications would
 * be missed). A page rendered while an invalidation happened is not stored: it may hold the old data.
 */
export class PageCache {
  private entries = new Map<string, CachedPage>();
  private inflight = new Map<string, Promise<CachedPage | null>>();
  private bytes = 0;
  /** Bumped by every invalidation: a render that started in an older generation is not stored. */
  generation = 0;
  listening = false;
  readonly cacheControl: string;
  private listener?: Listener;

  constructor(private readonly opts: PageCacheOptions) {
    this.cacheControl = `public, max-age=0, s-maxage=${opts.sharedMaxAgeSeconds ?? 60}, stale-while-revalidate=${opts.staleWhileRevalidateSeconds ?? 600}`;
  }

  /** Starts listening for browse changes; the cache serves nothing until the LISTEN connection is up. */
  async listen(connectionString: string, onChange?: () => void) {
    this.listener = await listenWithReconnect({
      connectionString,
      channel: BROWSE_CHANNEL,
      what: "page cache listener",
      onNotification: () => {
        this.invalidate();
        onChange?.();
      },
      onLost: () => {
        this.listening = false;
        this.invalidate();
      },
      onReconnect: () => {
        // Anything may have changed while we were not listening.
        this.invalidate();
        onChange?.();
        this.listening = true;
      },
    });
    this.listening = true;
    return this;
  }

  async stop() {
    this.listening = false;
    await this.listener?.stop();
    this.invalidate();
  }

  get size() {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  invalidate() {
    this.generation++;
    this.entries.clear();
    this.inflight.clear();
    this.bytes = 0;
  }

  get(key: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.opts.ttlMs && Date.now() - entry.storedAt > this.opts.ttlMs) {
      this.remove(key);
      return undefined;
    }
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Stores `entry` unless an invalidation happened since `generation` (the render may show old data). */
  set(key: string, entry: CachedPage, generation: number) {
    if (generation !== this.generation || !this.listening || entry.bytes > this.opts.maxBytes / 4) return false;
    this.remove(key);
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.opts.maxBytes) break;
      this.remove(oldest);
    }
    return true;
  }

  /** One render per key at a time: concurrent misses of the same page wait for the first one. */
  coalesce(key: string, render: () => Promise<CachedPage | null>): { leader: boolean; page: Promise<CachedPage | null> } {
    const running = this.inflight.get(key);
    if (running) return { leader: false, page: running };
    const page = render().finally(() => {
      if (this.inflight.get(key) === page) this.inflight.delete(key);
    });
    this.inflight.set(key, page);
    return { leader: true, page };
  }

  private remove(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

/** From PAGE_CACHE / PAGE_CACHE_MB: a listening cache, or null when it is turned off. */
export async function startPageCache(connectionString: string, settings: { enabled: boolean; maxMb: number }, onChange?: () => void): Promise<PageCache | null> {
  if (!settings.enabled) return null;
  const cache = new PageCache({ maxBytes: settings.maxMb * 1024 * 1024, ttlMs: 10 * 60_000 });
  await cache.listen(connectionString, onChange);
  logger.info({ maxMb: settings.maxMb }, "page cache on");
  return cache;
}

/** The request may be answered from (and its answer stored in) the cache: a visitor's GET of a browse page. */
export function isCacheableRequest(method: string, path: string, url: string, cookie: string | undefined): boolean {
  return (method === "GET" || method === "HEAD") && url.length <= MAX_URL_LENGTH && CACHEABLE_PATH.test(path) && !(cookie && PERSONAL_COOKIE.test(cookie));
}

/** Everything that changes the page: host (absolute links), language, path and query. */
export function pageKey(host: string, locale: string, url: string) {
  return `${host}\n${locale}\n${url}`;
}

/** The response may be kept for everyone: 200, no cookie set, and the document says it was rendered for nobody. */
export function isStorableResponse(response: Response): boolean {
  return (
    response.status === 200 &&
    !response.headers.has("Set-Cookie") &&
    response.headers.get(ANONYMOUS_PAGE_HEADER) === "1" &&
    (response.headers.get("Content-Type") ?? "").startsWith("text/html") &&
    !/no-store|private/.test(response.headers.get("Cache-Control") ?? "")
  );
}

export async function toCachedPage(response: Response): Promise<CachedPage> {
  const body = await documentBody(response);
  const [gz, br] = await Promise.all([
    gzip(body, { level: 9 }),
    brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  ]);
  const headers: [string, string][] = [];
  for (const [name, value] of response.headers.entries()) if (!NOT_STORED.has(name)) headers.push([name, value]);
  const etag = `W/"${createHash("sha1").update(body).digest("base64url").slice(0, 22)}"`;
  return { headers, etag, gzip: gz, br, bytes: gz.length + br.length + 512, storedAt: Date.now() };
}

/** The stored encoding the client takes: brotli, else gzip, else the page unpacked for it. */
/** Whether a client takes gzip (a `gzip;q=0` refuses it): for pages rendered per request, gzipped in sendResponse. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return Boolean(acceptEncoding && /\bgzip\b(?!\s*;\s*q=0(\.0*)?\s*(,|$))/i.test(acceptEncoding));
}

export function encodingFor(acceptEncoding: string | undefined): "br" | "gzip" | "identity" {
  if (acceptEncoding && /\bbr\b/.test(acceptEncoding)) return "br";
  if (acceptEncoding && /\bgzip\b/.test(acceptEncoding)) return "gzip";
  return "identity";
}

export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => t.trim() === "*" || bare(t) === bare(etag));
}
