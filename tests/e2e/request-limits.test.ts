import { readFileSync } from "node:fs";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { resetEnvCache } from "../../app/infra/env.server";
import { FORM_MAX_BYTES, PHOTO_FILE_MAX_BYTES } from "../../app/infra/request-limits.server";
import { aPhoto, aSeller } from "../factories/shops";
import { cookieFor } from "../factories/users";
import { type RunningApp, startApp } from "../setup/app-server";
import { createTestDatabase } from "../setup/test-db";
import { appEnv } from "./helpers";

// Request bodies are limited while they stream, in the HTTP front, before Remix reads them.

const MB = 1024 * 1024;
let app: RunningApp;
let sellerCookie: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  const database = await createTestDatabase(inject("pgServerUrl"), inject("templateDb"));
  const { env, cleanup } = await appEnv();
  // The factories below write through the app's own services, into the same database and data dir.
  Object.assign(process.env, { DATABASE_URL: database.url, ...env });
  resetEnvCache();
  const { owner } = await aSeller({ status: "approved" });
  sellerCookie = await cookieFor(owner.id);
  app = await startApp({ DATABASE_URL: database.url, ...env });
  stop = async () => {
    if (app.process.exitCode !== null) console.log(`the app had exited:\n${app.output()}`);
    await app.stop();
    const { disconnectDb } = await import("../../app/infra/db.server");
    await disconnectDb();
    await database.drop();
    await cleanup();
  };
});
afterAll(() => stop?.());

const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${app.process.pid}/status`, "utf8"))![1]) / 1024;

interface Sent {
  status: number | null;
  ms: number;
  sentBytes: number;
  body: string;
}

/** Streams `total` bytes from `chunk` (repeated) and stops writing as soon as the server answers. */
function stream(path: string, opts: { headers: Record<string, string>; total: number; chunk: Buffer; declareLength: boolean; prefix?: Buffer; suffix?: Buffer }): Promise<Sent> {
  const url = new URL(path, app.url);
  const started = performance.now();
  const prefix = opts.prefix ?? Buffer.alloc(0);
  const suffix = opts.suffix ?? Buffer.alloc(0);
  return new Promise((resolve) => {
    let answered = false;
    let sentBytes = 0;
    const headers = { ...opts.headers, ...(opts.declareLength ? { "Content-Length": String(prefix.length + opts.total + suffix.length) } : {}) };
    const req = http.request(url, { method: "POST", headers }, (res) => {
      answered = true;
      const ms = performance.now() - started;
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? null, ms, sentBytes, body }));
      res.on("error", () => resolve({ status: res.statusCode ?? null, ms, sentBytes, body }));
    });
    req.on("error", () => {
      if (!answered) resolve({ status: null, ms: performance.now() - started, sentBytes, body: "" });
    });
    const write = () => {
      if (sentBytes === 0 && prefix.length) req.write(prefix);
      while (!answered && sentBytes < opts.total) {
        const piece = opts.chunk.subarray(0, Math.min(opts.chunk.length, opts.total - sentBytes));
        sentBytes += piece.length;
        if (!req.write(piece)) return void req.once("drain", write);
      }
      if (!answered) req.end(suffix);
    };
    write();
  });
}

/** Runs `work` while /healthz is polled and the server's memory sampled. */
async function healthDuring<T>(work: Promise<T>): Promise<{ result: T; healthMs: number[]; peakRssMb: number }> {
  const healthMs: number[] = [];
  let done = false;
  let peakRssMb = rssMb();
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, rssMb())), 10);
  const polling = (async () => {
    while (!done) {
      const t = performance.now();
      const res = await fetch(`${app.url}/healthz`, { signal: AbortSignal.timeout(5000) });
      expect(res.status).toBe(200);
      healthMs.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const result = await work;
  done = true;
  await polling;
  clearInterval(sampler);
  return { result, healthMs, peakRssMb };
}

const form = { "Content-Type": "application/x-www-form-urlencoded" };
const chunkOfA = Buffer.alloc(1 * MB, "a");

describe("request size limits", () => {
  it("refuses an anonymous 100 MB url-encoded login at once, declared or chunked, without growing memory; /healthz keeps answering", async () => {
    const before = rssMb();
    const declared = await healthDuring(stream("/login", { headers: form, total: 100 * MB, chunk: chunkOfA, declareLength: true, prefix: Buffer.from("email=a%40b.c&password=") }));
    const chunked = await healthDuring(stream("/login", { headers: form, total: 100 * MB, chunk: chunkOfA, declareLength: false, prefix: Buffer.from("email=a%40b.c&password=") }));
    const after = rssMb();
    console.log(
      `100 MB url-encoded POST /login: Content-Length → 413 in ${declared.result.ms.toFixed(0)} ms; chunked → 413 in ${chunked.result.ms.toFixed(0)} ms ` +
        `(client had written ${(chunked.result.sentBytes / MB).toFixed(1)} MB); server RSS ${before.toFixed(0)} MB before, peak ${Math.max(declared.peakRssMb, chunked.peakRssMb).toFixed(0)} MB during, ${after.toFixed(0)} MB after; ` +
        `/healthz meanwhile: ${[...declared.healthMs, ...chunked.healthMs].length} checks, slowest ${Math.max(0, ...declared.healthMs, ...chunked.healthMs).toFixed(0)} ms`,
    );
    expect(declared.result.status).toBe(413);
    expect(chunked.result.status).toBe(413);
    expect(chunked.result.body).toContain("Kiriman terlalu besar");
    // "At once" is judged by bytes, not milliseconds (a loaded machine stretches any time bound): the answer came
    // while the client had written only what fits in socket buffers plus the cap, far from the 100 MB it offered.
    expect(declared.result.sentBytes).toBeLessThan(20 * MB);
    expect(chunked.result.sentBytes).toBeLessThan(20 * MB);
    expect(Math.max(declared.peakRssMb, chunked.peakRssMb, after) - before).toBeLessThan(50);
  });

  it("still accepts an ordinary form under the cap", async () => {
    const res = await fetch(`${app.url}/login`, { method: "POST", redirect: "manual", headers: form, body: new URLSearchParams({ email: "tidak-ada@contoh.id", password: "x".repeat(FORM_MAX_BYTES / 2) }) });
    expect(res.status).not.toBe(413);
    expect(res.status).toBeLessThan(500);
  });

  it("refuses multipart with too many parts, too large a file or too large a total, and files on a route that takes none", async () => {
    const upload = (path: string, body: FormData, cookie = sellerCookie) => fetch(`${app.url}${path}`, { method: "POST", body, headers: { Cookie: cookie } });

    const manyParts = new FormData();
    for (let i = 0; i < 60; i++) manyParts.append(`f${i}`, "x");
    expect((await upload("/seller/products/photos", manyParts)).status).toBe(413);

    const twoFiles = new FormData();
    twoFiles.append("file", new Blob([new Uint8Array(await aPhoto({ width: 400, height: 400 }))], { type: "image/jpeg" }), "a.jpg");
    twoFiles.append("file", new Blob([new Uint8Array(await aPhoto({ width: 400, height: 400 }))], { type: "image/jpeg" }), "b.jpg");
    expect((await upload("/seller/products/photos", twoFiles)).status).toBe(413);

    const fileOnForm = new FormData();
    fileOnForm.append("email", "a@b.c");
    fileOnForm.append("file", new Blob([new Uint8Array(2000)]), "x.bin");
    expect((await upload("/login", fileOnForm, "")).status).toBe(413);

    // One file over the per-file cap, sent chunked (no Content-Length), answered while it streams.
    const boundary = "----lapak-uji";
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="besar.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const big = await stream("/seller/products/photos", {
      headers: { "Content-Type": `multipart/form-data; boundary=${boundary}`, Cookie: sellerCookie },
      total: PHOTO_FILE_MAX_BYTES + 20 * MB,
      chunk: chunkOfA,
      declareLength: false,
      prefix: head,
      suffix: tail,
    });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ ok: false, error: "upload_too_large" });
    expect(big.sentBytes).toBeLessThan(PHOTO_FILE_MAX_BYTES + 20 * MB);

    // A 450 MB body declared up front: refused before a byte of it is read.
    const declared = await stream("/seller/products/photos", {
      headers: { "Content-Type": `multipart/form-data; boundary=${boundary}`, Cookie: sellerCookie },
      total: 450 * MB,
      chunk: chunkOfA,
      declareLength: true,
      prefix: head,
      suffix: tail,
    });
    expect(declared.status).toBe(413);
    expect(declared.sentBytes).toBeLessThan(20 * MB);
  });

  it("still takes a normal product photo and a CSV preview", async () => {
    const photo = new FormData();
    photo.append("file", new Blob([new Uint8Array(await aPhoto({ width: 800, height: 600 }))], { type: "image/jpeg" }), "foto.jpg");
    const res = await fetch(`${app.url}/seller/products/photos`, { method: "POST", body: photo, headers: { Cookie: sellerCookie } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });

    const csv = new FormData();
    csv.append("intent", "preview");
    csv.append("file", new Blob(["judul,harga\nKemeja,100000\n"], { type: "text/csv" }), "produk.csv");
    const preview = await fetch(`${app.url}/seller/products/import`, { method: "POST", body: csv, headers: { Cookie: sellerCookie } });
    expect(preview.status).toBe(200);
  });
});
