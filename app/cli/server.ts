import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { createReadableStreamFromReadable, createRequestHandler, type ServerBuild, writeReadableStreamToWritable } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { expectedOrigins, isForeignMutation } from "~/domain/auth/csrf";
import { redactUrlSecrets } from "~/domain/mail/secrets";
import { env } from "~/infra/env.server";
import { DEFAULT_LOCALE, translator } from "~/i18n/i18n";
import { guardedBody } from "~/infra/body-guard.server";
import { isOutage } from "~/infra/outage.server";
import { serviceUnavailable } from "~/infra/http.server";
import { localeFromHeaders } from "~/infra/locale.server";
import { logger } from "~/infra/logger.server";
import {
  ANONYMOUS_PAGE_HEADER,
  type CachedPage,
  acceptsGzip,
  encodingFor,
  isCacheableRequest,
  isStorableResponse,
  matchesEtag,
  type PageCache,
  pageKey,
  toCachedPage,
} from "~/infra/page-cache.server";
import { bodyLimitFor } from "~/infra/request-limits.server";
import { documentBody } from "~/infra/document-render.server";
import { rememberRouteMatches } from "~/infra/route-matching.server";

export interface AppOptions {
  /** Visitors' browse pages from memory (app/infra/page-cache.server.ts); none when null or absent. */
  pageCache?: PageCache | null;
}

/** The HTTP front: request ids and logs, security headers, CSRF origin check, static assets, the page cache, then Remix. */
export function createApp(build: ServerBuild, options: AppOptions = {}) {
  rememberRouteMatches();
  const app = express();
  app.disable("x-powered-by");

  app.use((req, res, next) => {
    const requestId = (typeof req.headers["x-request-id"] === "string" && req.headers["x-request-id"].slice(0, 64)) || randomUUID();
    req.headers["x-request-id"] = requestId;
    // Our own header for the client address; anything a client sent under that name is overwritten.
    req.headers["x-lapak-client-ip"] = req.socket.remoteAddress ?? "unknown";
    res.setHeader("X-Request-Id", requestId);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "SAMEORIGIN");
    if (logger.isLevelEnabled("info")) {
      const started = process.hrtime.bigint();
      res.on("finish", () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        logger.info({ requestId, method: req.method, url: redactUrlSecrets(req.originalUrl), status: res.statusCode, ms: Math.round(ms * 10) / 10 }, "request");
      });
    }
    next();
  });

  const { APP_URL, TRUST_PROXY } = env();
  // Single fetch never sends `?_data=`; Remix still answers it on its old data path, which crashes on a loader that
  // returns null. Nothing of ours makes such a request, so it is refused here instead of becoming a 500.
  app.use((req, res, next) => (new URLSearchParams(req.originalUrl.split("?")[1] ?? "").has("_data") ? res.status(400).type("text/plain").send("Bad Request") : next()));
  app.use((req, res, next) => {
    const allowed = expectedOrigins(
      { host: req.headers.host, forwardedProto: req.headers["x-forwarded-proto"] as string | undefined },
      { appUrl: APP_URL, trustProxy: TRUST_PROXY === "true" },
    );
    const foreign = isForeignMutation(req.method, { origin: req.headers.origin, secFetchSite: req.headers["sec-fetch-site"] as string | undefined }, allowed);
    if (foreign) {
      res.status(403).type("text/plain").send("Forbidden: cross-site request");
      return;
    }
    next();
  });

  app.use("/build", compressStream, express.static(path.resolve("public/build"), { immutable: true, maxAge: "1y" }));
  // Only a path that names a file (favicon.svg) is looked up on disk: a page (no extension) or its single-fetch data
  // (`.data`) would cost a failed stat on every request.
  const publicFiles = express.static(path.resolve("public"), { maxAge: "1h", index: false });
  app.use((req, res, next) => (/\.(?!data$)[^/.]+$/.test(req.path) ? compressStream(req, res, () => publicFiles(req, res, next)) : next()));
  app.all("*", remixHandler(withOutagePages(build), options.pageCache ?? null));
  return app;
}

/**
 * Every loader and action, with one rule added: an error that means the database or object storage is away
 * (down, restarting, unreachable) becomes a 503 response, so pages show the "sedang gangguan" page and
 * clients may retry, instead of a 500 that says something is broken.
 */
export function withOutagePages(build: ServerBuild): ServerBuild {
  const wrap = <F extends (...args: never[]) => unknown>(fn: F | undefined, routeId: string): F | undefined =>
    fn &&
    ((async (...args: Parameters<F>) => {
      try {
        return await fn(...args);
      } catch (error) {
        if (!isOutage(error)) throw error;
        logger.warn({ routeId, message: (error as Error).message }, "database or storage unavailable: 503");
        throw serviceUnavailable();
      }
    }) as unknown as F);
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    routes[id] = { ...route, module: { ...route.module, loader: wrap(route.module.loader, id), action: wrap(route.module.action, id) } };
  }
  return { ...build, routes };
}

/**
 * Express → Remix, like @remix-run/express, except that the body Remix reads is counted against its limit, and
 * that a visitor's browse page may come from the page cache.
 */
function remixHandler(build: ServerBuild, pageCache: PageCache | null): express.RequestHandler {
  const handle = createRequestHandler(build, process.env.NODE_ENV);
  const t = translator(DEFAULT_LOCALE);
  return async (req, res, next) => {
    if (pageCache) {
      if (isCacheableRequest(req.method, req.path, req.originalUrl, req.headers.cookie)) {
        try {
          if (await answerFromCache(pageCache, req, res, handle)) return;
        } catch (error) {
          return next(error);
        }
      } else if (req.method !== "GET" && req.method !== "HEAD" && req.headers.cookie?.includes("lapak_session=")) {
        // A signed-in write (a seller's edit, an admin's decision, a checkout) answered here: the next visitor page on
        // this instance must not wait for the write's NOTIFY to come back from the database.
        res.once("finish", () => res.statusCode < 400 && pageCache.invalidate());
      }
    }
    let refused = false;
    const controller = new AbortController();
    const refuse = (json: boolean, maxBytes: number) => {
      refused = true;
      controller.abort(); // Remix stops; its failed body read is not logged as an error
      lingerThenClose(req);
      if (res.headersSent) return;
      res.status(413);
      if (json) res.json({ ok: false, error: "upload_too_large", vars: { maxMb: Math.round((maxBytes / 1024 / 1024) * 10) / 10 } });
      else res.type("text/html; charset=utf-8").send(`<!doctype html><html lang="id"><meta charset="utf-8"><title>${t("error.413.title")}</title><h1>${t("error.413.title")}</h1><p>${t("error.413.body")}</p>`);
    };
    try {
      res.on("close", () => !res.writableFinished && controller.abort());
      const init: RequestInit & { duplex?: "half" } = { method: req.method, headers: remixHeaders(req.headers), signal: controller.signal };
      if (req.method !== "GET" && req.method !== "HEAD") {
        const limit = bodyLimitFor(req.path, req.headers["content-type"]);
        const json = limit.kind === "multipart" && Boolean(limit.json);
        const declared = Number(req.headers["content-length"] ?? NaN);
        if (declared > limit.totalBytes) {
          logger.warn({ url: req.originalUrl, declared, limit: limit.totalBytes }, "request body over the limit (Content-Length)");
          return refuse(json, limit.totalBytes);
        }
        const body = guardedBody(req, limit, (reason) => {
          logger.warn({ url: req.originalUrl, reason, limit: limit.totalBytes }, "request body over the limit");
          refuse(json, limit.kind === "multipart" && reason === "file_too_large" ? limit.fileBytes : limit.totalBytes);
        });
        init.body = createReadableStreamFromReadable(body);
        init.duplex = "half";
      }
      const response = await handle(new Request(requestUrl(req), init));
      if (refused) return; // already answered 413; Remix saw its body stream fail
      await sendResponse(req, res, response);
    } catch (error) {
      if (refused) return;
      next(error);
    }
  };
}

async function sendResponse(req: express.Request, res: express.Response, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) if (key !== ANONYMOUS_PAGE_HEADER.toLowerCase()) res.append(key, value);
  const type = response.headers.get("Content-Type") ?? "";
  // A page nobody may keep: only visitors' browse pages from the cache say otherwise.
  if (!response.headers.has("Cache-Control") && type.startsWith("text/html")) res.setHeader("Cache-Control", "private, no-store");
  if (!response.body) return void res.end();
  // Anything but a document (single-fetch data, CSV, images, files) is streamed as it comes, through compression().
  if (!type.startsWith("text/html") || !response.headers.has("Content-Length") || response.headers.has("Content-Encoding")) {
    compressStream(req, res, () => {}); // hooks res synchronously; it decides on the headers set above
    return writeReadableStreamToWritable(response.body, res);
  }
  // A document is one buffer already (entry.server.tsx): it goes out in one write, gzipped here in one pass when the
  // client takes it, instead of through compression()'s stream per response (docs/decisions/0005-browse-speed.md).
  let body = await documentBody(response);
  res.append("Vary", "Accept-Encoding");
  if (body.length >= GZIP_MIN_BYTES && acceptsGzip(req.headers["accept-encoding"])) {
    // Synchronous: about 0.1 ms for a 40 KB page at level 1, where zlib.gzip's stream and thread hop cost 2–5 times that.
    body = zlib.gzipSync(body, { level: 1 });
    res.setHeader("Content-Encoding", "gzip");
    res.setHeader("Content-Length", body.length);
  }
  res.end(body);
}

// Level 1 and nothing under 2 KB: at the default level 6, gzip took about 40% of a page's CPU for a page 10% smaller.
// Cached pages are compressed once, harder, and skip this.
const GZIP_MIN_BYTES = 2048;
// compression() for streamed bodies (single-fetch data, CSV, images, files), put on per response: a document is
// gzipped whole in sendResponse, and a cached page was compressed when stored, so neither pays for its hooks.
const compressStream = compression({ level: 1, threshold: GZIP_MIN_BYTES });

/**
 * A visitor's browse page: from the cache (304 when the client holds it already), or rendered once for all the
 * visitors asking at the same time and stored if it is anonymous. False when the request goes the normal way.
 */
async function answerFromCache(cache: PageCache, req: express.Request, res: express.Response, handle: (request: Request) => Promise<Response>): Promise<boolean> {
  if (!cache.listening) return false;
  const locale = await localeFromHeaders(req.headers.cookie, req.headers["accept-language"]);
  const key = pageKey(req.headers.host ?? "", locale, req.originalUrl);
  let page = cache.get(key);
  let state = "HIT";
  if (!page) {
    if (req.method !== "GET") return false;
    const generation = cache.generation;
    let uncacheable: Response | undefined;
    const { leader, page: rendered } = cache.coalesce(key, async () => {
      // No abort signal: others may be waiting for this render.
      const response = await handle(new Request(requestUrl(req), { headers: remixHeaders(req.headers) }));
      if (!isStorableResponse(response)) {
        uncacheable = response;
        return null;
      }
      const entry = await toCachedPage(response);
      cache.set(key, entry, generation);
      return entry;
    });
    if (leader) {
      page = (await rendered) ?? undefined;
      if (!page) {
        await sendResponse(req, res, uncacheable!);
        return true;
      }
    } else {
      // The page of another request, unless it could not be shared (then this request renders its own).
      page = (await rendered.catch(() => null)) ?? undefined;
      if (!page) return false;
    }
    state = "MISS";
  }
  sendCachedPage(req, res, page, cache.cacheControl, state);
  return true;
}

function sendCachedPage(req: express.Request, res: express.Response, page: CachedPage, cacheControl: string, state: string) {
  for (const [name, value] of page.headers) res.setHeader(name, value);
  res.setHeader("Cache-Control", cacheControl);
  res.setHeader("ETag", page.etag);
  res.setHeader("Vary", "Accept-Encoding, Accept-Language, Cookie");
  res.setHeader("X-Page-Cache", state);
  if (matchesEtag(req.headers["if-none-match"], page.etag)) {
    res.status(304).end();
    return;
  }
  const encoding = encodingFor(req.headers["accept-encoding"]);
  const body = encoding === "br" ? page.br : encoding === "gzip" ? page.gzip : zlib.gunzipSync(page.gzip);
  if (encoding !== "identity") res.setHeader("Content-Encoding", encoding);
  res.setHeader("Content-Length", body.length);
  res.status(200);
  if (req.method === "HEAD") res.end();
  else res.end(body);
}

// After a 413 the rest of the body is read and thrown away (never kept) for a few seconds, so that the client,
// still sending, gets to read the answer instead of a reset connection; then the connection is cut.
const LINGER_MS = 5000;
function lingerThenClose(req: express.Request) {
  req.resume();
  const cut = setTimeout(() => req.socket.destroy(), LINGER_MS);
  cut.unref();
  req.once("end", () => clearTimeout(cut));
  req.socket.once("close", () => clearTimeout(cut));
}

function remixHeaders(incoming: express.Request["headers"]) {
  const headers = new Headers();
  for (const [key, values] of Object.entries(incoming)) {
    if (Array.isArray(values)) for (const value of values) headers.append(key, value);
    else if (values) headers.set(key, values);
  }
  return headers;
}

// As @remix-run/express: req.hostname honours "trust proxy"; the port comes from X-Forwarded-Host or Host.
function requestUrl(req: express.Request) {
  const portOf = (value: string | undefined) => Number.parseInt(value?.split(":")[1] ?? "", 10);
  const forwarded = portOf(req.get("X-Forwarded-Host"));
  const own = portOf(req.get("host"));
  const port = Number.isSafeInteger(forwarded) ? forwarded : Number.isSafeInteger(own) ? own : undefined;
  return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`).href;
}

export function listen(app: express.Express, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, () => resolve(server));
    server.on("error", reject);
  });
}
