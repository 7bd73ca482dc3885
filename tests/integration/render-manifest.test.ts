import path from "node:path";
import { Writable } from "node:stream";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type EntryContext, type ServerBuild } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { createElement } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { withOutagePages } from "../../app/cli/server";
import { manifestForRender } from "../../app/infra/render-manifest.server";
import { rememberRouteMatches } from "../../app/infra/route-matching.server";
import { aProduct } from "../factories/products";
import { aSeller, anAdmin } from "../factories/shops";
import { aUser, cookieFor } from "../factories/users";

// entry.server.tsx renders each document in one synchronous pass (renderToString, the page's data read ahead of
// the render) with a manifest cut to the routes the page matched (and those its parent paths match). Every page
// here is rendered twice, by our entry and by Remix's stock one (streamed, the whole manifest), and the two
// documents must be the same, byte for byte: the entry changes the work, not the page.

/** Remix's default entry (renderToPipeableStream of RemixServer, to the end), with the context as Remix made it. */
function stockEntry(request: Request, status: number, headers: Headers, context: EntryContext) {
  return new Promise<Response>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _e, done) {
        chunks.push(chunk);
        done();
      },
    });
    sink.on("finish", () => {
      headers.set("Content-Type", "text/html; charset=utf-8");
      resolve(new Response(Buffer.concat(chunks), { status, headers }));
    });
    const { pipe } = renderToPipeableStream(createElement(RemixServer, { context, url: request.url }), {
      onAllReady: () => pipe(sink),
      onShellError: reject,
    });
  });
}

let ours: (request: Request) => Promise<Response>;
let stock: (request: Request) => Promise<Response>;
let build: ServerBuild;
const cookies: Record<string, string> = {};
const pages: string[] = [];

beforeAll(async () => {
  rememberRouteMatches(); // as the server does
  build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  ours = createRequestHandler(withOutagePages(build), "production");
  stock = createRequestHandler(withOutagePages({ ...build, entry: { module: { ...build.entry.module, default: stockEntry } } }), "production");
  const seller = await aSeller({ status: "approved" });
  const product = await aProduct(seller.owner, { title: "Peci Rajut Putih Bandung", category: "gamis-polos" });
  cookies.seller = await cookieFor(seller.owner.id);
  cookies.buyer = await cookieFor((await aUser()).id);
  cookies.admin = await cookieFor((await anAdmin()).id);
  pages.push(
    "/",
    "/cari?q=peci",
    "/kategori/gamis-polos",
    `/produk/${product.slug}`,
    "/produk/tidak-ada-produk-ini",
    `/toko/${seller.shop.slug}`,
    "/login",
    "/signup?next=%2Fkeranjang",
    "/tidak/ada/halaman",
    "/keranjang",
  );
});

async function render(handle: (r: Request) => Promise<Response>, page: string, cookie?: string) {
  const res = await handle(new Request(`http://127.0.0.1${page}`, { headers: { accept: "text/html", ...(cookie ? { cookie } : {}) } }));
  // A page may carry the moment it was rendered ("now" in its data): the two renders are milliseconds apart.
  return { status: res.status, html: (await res.text()).replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, "<now>") };
}

describe("documents rendered by our entry (one pass, cut manifest)", () => {
  it("are the same as the stock streaming entry's with the whole manifest, for visitors and signed-in buyers, sellers and admins", async () => {
    const signedIn: [string, string][] = [
      ["buyer", "/pesanan"],
      ["buyer", "/keranjang"],
      ["seller", "/seller"],
      ["seller", "/seller/products"],
      ["seller", "/seller/products/new"],
      ["admin", "/admin"],
      ["admin", "/admin/verifications"],
    ];
    const cases: [string | undefined, string][] = [...pages.map((p) => [undefined, p] as [undefined, string]), ...signedIn.map(([who, p]) => [cookies[who], p] as [string, string])];
    for (const [cookie, page] of cases) {
      const [a, b] = [await render(ours, page, cookie), await render(stock, page, cookie)];
      expect({ page, status: a.status }).toEqual({ page, status: b.status });
      expect(a.status, page).not.toBe(500);
      if (a.status === 200 || a.status === 404) {
        expect(a.html.length, page).toBeGreaterThan(500);
        expect(a.html, page).toBe(b.html);
        // The page's loader data went into the document to its end (the part a synchronous render would leave out).
        expect(a.html, page).toContain("window.__remixContext.streamController.close();");
      }
    }
  });

  it("hold only the page's routes and its parent paths' routes, far fewer than the app's", () => {
    const full = build.assets;
    const cut = manifestForRender(full, ["root", "routes/produk.$slug"], "/produk/peci-rajut", "/");
    const ids = Object.keys(cut.routes);
    // "/" matches the home page, "/produk" the catch-all: Remix lists both in the page's initial manifest.
    expect(ids.sort()).toEqual(["root", "routes/$", "routes/_index", "routes/produk.$slug"].sort());
    expect(Object.keys(full.routes).length).toBeGreaterThan(50);
    expect(cut.entry).toBe(full.entry);
  });
});
