import { readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../app/cli/server";
import { resetEnvCache } from "../../app/infra/env.server";
import { BrowseParamsSchema } from "../../app/services/browse.server";
import { aProduct } from "../factories/products";
import { aSeller } from "../factories/shops";
import { aUser, cookieFor } from "../factories/users";

// Finding 7 of issue 8: bad input must be a 400 or 404 page, never a 500. The built app (`npm run build`)
// is served in this process by the same express front as `npm start`, over HTTP, against this file's database.
// Routes come from the build's manifest, query parameter names from the route files, so a new route or a new
// parameter is fuzzed without touching this test.

const NIL_UUID = "00000000-0000-0000-0000-000000000000";
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

/** Raw values, percent-encoded into the URL (so "\0" travels as %00). */
const NASTY: string[] = [
  "\0",
  "baju\0",
  "x".repeat(3000),
  "99999999999",
  "-1",
  "1e400",
  "!!!***",
  b64(["abc", NIL_UUID]),
  b64([1, "bukan-uuid"]),
  b64(["2026-13-45 00:00:00+00", NIL_UUID]),
  b64(["99999999999", NIL_UUID]),
  "2026-99-99T00:00:00Z_1",
  `2026-01-01T00:00:00.000Z_${"bukan-uuid"}`,
  NIL_UUID,
  "../../etc/passwd",
  "Kopi ☕ 漢字 é",
  "😀",
];
/** Already encoded: sequences encodeURIComponent cannot make (a lone surrogate, broken UTF-8, a bad escape). */
const RAW = ["%ED%A0%80", "%E0%A4%A"];

const ROUTES_DIR = path.resolve("app/routes");

/** Query names a route reads: `searchParams.get("x")` and the keys of the zod schema it parses the query with. */
function queryNamesOf(file: string): string[] {
  const src = readFileSync(path.join(ROUTES_DIR, file), "utf8");
  const names = new Set([...src.matchAll(/searchParams\.(?:get|has|getAll)\("([^"]+)"\)/g)].map((m) => m[1]));
  if (src.includes("queryParams(")) for (const m of src.matchAll(/^\s+(\w+): z\./gm)) names.add(m[1]);
  if (src.includes("parseBrowseParams")) for (const k of Object.keys(BrowseParamsSchema.shape)) names.add(k);
  return [...names];
}

/** Query names the route reads as a pagination cursor (`decodeCursor(after…`, `parseTimeIdCursor(query.after)`). */
function cursorNamesOf(file: string, names: string[]): string[] {
  const src = readFileSync(path.join(ROUTES_DIR, file), "utf8");
  return names.filter((n) => new RegExp(`Cursor\\((?:[\\w.]+\\.)?(?:get\\(")?${n}\\b`).test(src) || (n === "setelah" && src.includes("parseBrowseParams")));
}

interface RoutePattern {
  id: string;
  pattern: string;
  query: string[];
  /** Those of `query` read as a cursor: they get every cursor-shaped value, other names one. */
  cursors: string[];
  /** The route answers POST (it exports an action): each URL is posted to as well. */
  action: boolean;
}

function routePatterns(build: ServerBuild): RoutePattern[] {
  const files = readdirSync(ROUTES_DIR);
  const fullPath = (id: string): string => {
    const r = build.routes[id];
    const own = r.path ?? "";
    const parent = r.parentId && r.parentId !== "root" ? fullPath(r.parentId) : "";
    return [parent, own].filter(Boolean).join("/");
  };
  return Object.keys(build.routes)
    .filter((id) => id !== "root")
    .map((id) => {
      const file = files.find((f) => `routes/${f.replace(/\.tsx?$/, "")}` === id);
      const query = file ? queryNamesOf(file) : [];
      return { id, pattern: `/${fullPath(id)}`, query, cursors: file ? cursorNamesOf(file, query) : [], action: Boolean(build.routes[id].module.action) };
    });
}

/**
 * Cursor-shaped values (base64url JSON, `<time>_<id>`) are the same input as the first of them to a path segment
 * (letters, digits, "-", "_") and to a query name not read as a cursor: only that first one goes there.
 */
const CURSOR_SHAPED = new Set(
  [b64([1, "bukan-uuid"]), b64(["2026-13-45 00:00:00+00", NIL_UUID]), b64(["99999999999", NIL_UUID]), "2026-99-99T00:00:00Z_1", `2026-01-01T00:00:00.000Z_${"bukan-uuid"}`].map(encodeURIComponent),
);
const ENCODED = [...NASTY.map(encodeURIComponent), ...RAW];
/**
 * What other roles that may open a route are sent, and what is posted in a query string: a NUL and a lone surrogate
 * (the route reads the same parameters the same way for everyone; an action reads the query as the loader does).
 */
const SAMPLE = new Set([encodeURIComponent("\0"), RAW[0]]);

interface Probe {
  url: string;
  value: string;
  /** In a path segment, which an action reads too: posted with every value. A query value is posted with SAMPLE. */
  inPath: boolean;
}

/** Every URL to try for a route: each dynamic segment (and a splat) with each value, each query name with each value. */
function probesFor(route: RoutePattern): Probe[] {
  const segments = route.pattern.split("/");
  const dynamic = segments.map((s, i) => (s.startsWith(":") || s === "*" ? i : -1)).filter((i) => i >= 0);
  const withSegment = (i: number | null, encoded: string) => segments.map((s, j) => (j === i ? encoded : s.startsWith(":") || s === "*" ? "x" : s)).join("/") || "/";
  const probes = new Map<string, Probe>();
  for (const i of dynamic) for (const v of ENCODED.filter((v) => !CURSOR_SHAPED.has(v))) probes.set(withSegment(i, v), { url: withSegment(i, v), value: v, inPath: true });
  const base = withSegment(null, "");
  for (const name of route.query) for (const v of route.cursors.includes(name) ? ENCODED : ENCODED.filter((v) => !CURSOR_SHAPED.has(v))) probes.set(`${base}?${encodeURIComponent(name)}=${v}`, { url: `${base}?${encodeURIComponent(name)}=${v}`, value: v, inPath: false });
  // The old data request of Remix before single fetch (`?_data=<route id>`): a legacy client or a crawler may send it.
  probes.set(`${base}?_data=${encodeURIComponent(route.id)}`, { url: `${base}?_data=${encodeURIComponent(route.id)}`, value: "_data", inPath: false });
  // A name nobody reads, with a NUL: it must not matter either.
  probes.set(`${base}?zz%00=%00`, { url: `${base}?zz%00=%00`, value: "%00", inPath: false });
  return [...probes.values()];
}

let server: Server;
let origin: string;
let routes: RoutePattern[];
const roles: Record<string, string | undefined> = {};

beforeAll(async () => {
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  routes = routePatterns(build);
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  // APP_URL is where the test reaches the app, so our Origin check and Remix's own agree with the posts below.
  process.env.APP_URL = origin;
  resetEnvCache();
  server.on("request", createApp(build));
  const seller = await aSeller({ status: "approved" });
  await aProduct(seller.owner, { title: "Kopi Gayo Uji Fuzz" });
  const admin = await aUser({ admin: true });
  const buyer = await aUser();
  roles.anonymous = undefined;
  roles.buyer = await cookieFor(buyer.id);
  roles.seller = await cookieFor(seller.owner.id);
  roles.admin = await cookieFor(admin.id);
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

async function statusOf(url: string, cookie: string | undefined, method = "GET"): Promise<number> {
  const res = await fetch(`${origin}${url}`, {
    method,
    redirect: "manual",
    headers: { ...(cookie ? { Cookie: cookie } : {}), ...(method === "POST" ? { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" } : {}) },
    body: method === "POST" ? "intent=x" : undefined,
  });
  await res.arrayBuffer();
  return res.status;
}

/** Runs `work` over `items` with a few requests in flight at once. */
async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

describe("bad input in paths and query strings", () => {
  it("answers the probe's URLs with 400 or 404, never 500", async () => {
    const probe = [
      ["/cari?q=baju%00", 400],
      ["/produk/%00", 404],
      ["/toko/%00", 404],
      [`/cari?urut=price_asc&setelah=${Buffer.from(JSON.stringify(["abc", NIL_UUID])).toString("base64")}`, 200],
      ["/cari?min=99999999999", 200],
    ] as const;
    for (const [url, status] of probe) expect([url, await statusOf(url, undefined)]).toEqual([url, status]);
    expect(await statusOf("/seller/products?q=%00", roles.seller)).toBe(400);
    expect(await statusOf("/admin/verifications/1", roles.admin)).toBe(404);
    expect(await statusOf("/admin/verifications/1", roles.admin, "POST")).toBe(404);
    expect(await statusOf("/documents/1", roles.admin)).toBe(404);
    // The normal error page, in Indonesian, not a bare text.
    const page = await (await fetch(`${origin}/cari?q=baju%00`)).text();
    expect(page).toContain("Alamat tidak valid");
  });

  it("refuses nasty ids, intents and control characters in form bodies with 400 or 404", async () => {
    const post = async (url: string, fields: Record<string, string>, cookie = roles.buyer) => {
      const res = await fetch(`${origin}${url}`, { method: "POST", redirect: "manual", headers: { Cookie: cookie!, Origin: origin, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields) });
      return [url, res.status, await res.text()] as const;
    };
    const address = { recipient: "Budi\0", phone: "081234567890", provinceCode: "35", regencyCode: "3578", district: "Menteng", postalCode: "10310", street: "Jl. Sudirman 1" };
    const created = await post("/alamat", address);
    expect(created.slice(0, 2)).toEqual(["/alamat", 400]);
    expect(created[2]).toContain("Berisi karakter yang tidak diizinkan");
    expect((await post("/alamat", { intent: "delete", id: "\0" })).slice(0, 2)).toEqual(["/alamat", 404]);
    expect((await post("/alamat", { intent: "default", id: "1" })).slice(0, 2)).toEqual(["/alamat", 404]);
    expect((await post("/alamat", { intent: "\0" })).slice(0, 2)).toEqual(["/alamat", 400]);
    expect((await post("/keranjang", { intent: "remove", itemKey: "x\0" })).slice(0, 2)).toEqual(["/keranjang", 400]);
    expect((await post("/checkout", { addressId: NIL_UUID, items: "a", [`note.${NIL_UUID}`]: "catatan\0" })).slice(0, 2)).toEqual(["/checkout", 400]);
    expect((await post("/pesanan/LPK-261201-7KQ2MZ9A", { intent: "\0" })).slice(0, 2)).toEqual(["/pesanan/LPK-261201-7KQ2MZ9A", 400]);
    expect((await post("/pesanan/%00", { intent: "cancel", reason: "x\0" })).slice(0, 2)).toEqual(["/pesanan/%00", 404]);
    expect((await post("/seller/orders/LPK-261201-7KQ2MZ9A", { intent: "cancel", reason: "Stok\0 habis" }, roles.seller)).slice(0, 2)).toEqual(["/seller/orders/LPK-261201-7KQ2MZ9A", 400]);
    expect((await post("/seller/orders/LPK-261201-7KQ2MZ9A", { intent: "ship", resi: "JP\0" }, roles.seller)).slice(0, 2)).toEqual(["/seller/orders/LPK-261201-7KQ2MZ9A", 400]);
  });

  it("never answers 500 to any route × nasty path or query value × anonymous, buyer, seller and admin", async () => {
    const failures: string[] = [];
    let requests = 0;
    const started = Date.now();
    // Every value goes to each route as the first role (in this order) that may open it; the other roles that may
    // open it get the sharpest values, and roles sent away (login, 403) one NUL each: their answer comes before any
    // parameter is read. Which roles may open a route is asked once per route and role, all in parallel.
    const roleList = Object.entries(roles);
    const opens = new Map<string, boolean>();
    await pool(routes.flatMap((route) => roleList.map(([role, cookie]) => ({ route, role, cookie }))), 8, async ({ route, role, cookie }) => {
      requests++;
      opens.set(`${route.id} ${role}`, ![301, 302, 303, 401, 403].includes(await statusOf(route.pattern.replace(/:\w+|\*/g, "x"), cookie)));
    });
    const jobs: { role: string; cookie: string | undefined; url: string; method: string }[] = [];
    for (const route of routes) {
      const probes = probesFor(route);
      let covered = false;
      for (const [role, cookie] of roleList) {
        const open = opens.get(`${route.id} ${role}`)!;
        const sent = !open ? probes.filter((p) => p.value === "%00").slice(0, 1) : covered ? probes.filter((p) => SAMPLE.has(p.value)) : probes;
        covered ||= open;
        for (const p of sent) for (const method of route.action && (p.inPath || SAMPLE.has(p.value)) ? ["GET", "POST"] : ["GET"]) jobs.push({ role, cookie, url: p.url, method });
      }
    }
    await pool(jobs, 8, async ({ role, cookie, url, method }) => {
      requests++;
      const status = await statusOf(url, cookie, method);
      if (status >= 500) console.info(failures[failures.push(`${role} ${method} ${url.slice(0, 160)} → ${status}`) - 1]);
    });
    console.info(
      `input fuzz: ${routes.length} routes, ${NASTY.length + RAW.length} values, ${new Set(jobs.map((j) => j.url)).size} URLs × ${roleList.length} roles (sampled for a second role, one URL where sent away) = ${requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(failures).toEqual([]);
    expect(routes.length).toBeGreaterThan(30);
  }, 300_000);
});
