import type { Server } from "node:http";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import zlib from "node:zlib";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, listen } from "../../app/cli/server";
import { aProduct } from "../factories/products";
import { aSeller } from "../factories/shops";

// A document is rendered whole (entry.server.tsx) and gzipped in one pass by sendResponse, not by compression()'s
// stream: the bytes on the wire must still be what a client asked for and can read.
let server: Server;
let base: string;
let productPath: string;

beforeAll(async () => {
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const seller = await aSeller({ status: "approved" });
  productPath = `/produk/${(await aProduct(seller.owner, { title: "Kopiah Hitam Polos Gresik" })).slug}`;
  // Enough products for the category's single-fetch data to pass the 2 KB under which nothing is compressed.
  for (let i = 1; i <= 12; i++) await aProduct(seller.owner, { title: `Gamis Polos Katun Jepang Nomor ${i}`, category: "gamis-polos" });
  server = await listen(createApp(build), 0);
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});

/** The raw answer (node:http does not unpack, unlike fetch). */
function rawGet(p: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(`${base}${p}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

describe("documents on the wire", () => {
  it("are gzipped in one piece with their real length when the client takes gzip, and plain when it does not", async () => {
    const zipped = await rawGet(productPath, { "accept-encoding": "gzip, deflate" });
    expect(zipped.status).toBe(200);
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers["transfer-encoding"]).toBeUndefined();
    expect(Number(zipped.headers["content-length"])).toBe(zipped.body.length);
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/i);
    const html = zlib.gunzipSync(zipped.body).toString("utf8");
    expect(html).toContain("Kopiah Hitam Polos Gresik");
    expect(html).toMatch(/<\/html>/);

    for (const refused of [undefined, "identity", "gzip;q=0, identity", "br;q=0"]) {
      const plain = await rawGet(productPath, refused ? { "accept-encoding": refused } : {});
      expect(plain.headers["content-encoding"], refused).toBeUndefined();
      expect(Number(plain.headers["content-length"])).toBe(plain.body.length);
      expect(plain.body.toString("utf8")).toBe(html);
    }
  });

  it("leave a streamed body to compression() and a file to the static server", async () => {
    const health = await rawGet("/healthz", { "accept-encoding": "gzip" });
    expect(health.headers["content-length"]).toBeUndefined(); // streamed: no length known up front
    const body = health.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(health.body) : health.body;
    expect(JSON.parse(body.toString("utf8"))).toMatchObject({ status: "ok" });
    const data = await rawGet("/kategori/gamis-polos.data", { "accept-encoding": "gzip" });
    expect(data.status).toBe(200);
    expect(data.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(data.body).toString("utf8")).toContain("Gamis Polos Katun Jepang Nomor 12");
    const script = (await rawGet("/", {})).body.toString("utf8").match(/\/build\/manifest-[^"]+\.js/)![0]; // 40 KB
    const asset = await rawGet(script, { "accept-encoding": "gzip" });
    expect([asset.status, asset.headers["content-encoding"]]).toEqual([200, "gzip"]);
    const icon = await rawGet("/favicon.svg", {});
    expect(icon.status).toBe(200);
    expect(icon.headers["content-type"]).toMatch(/svg/);
    expect(icon.body.toString("utf8")).toContain("<svg");
  });
});
