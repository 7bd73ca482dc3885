import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { branchStaticHandlers, rememberingMatchRoutes } from "./route-matching.server";

const { matchRoutes } = createRequire(import.meta.url)("@remix-run/router") as { matchRoutes: Parameters<typeof rememberingMatchRoutes>[0] };

// A table shaped like Remix's: a root layout, an index, static and dynamic segments, a pathless layout, nested
// indexes, an optional segment, a case-sensitive route and a catch-all.
const table = () => [
  {
    id: "root",
    path: "",
    children: [
      { id: "routes/_index", index: true },
      { id: "routes/cari", path: "cari" },
      { id: "routes/kategori.$slug", path: "kategori/:slug" },
      { id: "routes/produk.$slug", path: "produk/:slug", children: [{ id: "routes/produk.$slug._index", index: true }] },
      { id: "routes/produk.$slug.ongkir", path: "produk/:slug/ongkir" },
      {
        id: "routes/seller",
        path: "seller",
        children: [
          { id: "routes/seller._index", index: true },
          { id: "routes/seller.produk.$id", path: "produk/:id" },
        ],
      },
      { id: "routes/_auth", children: [{ id: "routes/_auth.login", path: "login" }] },
      { id: "routes/lang.($lang)", path: "lang/:lang?" },
      { id: "routes/CaseSensitive", path: "Kasus", caseSensitive: true },
      { id: "routes/$", path: "*" },
    ],
  },
];

const PATHS = [
  "/",
  "/cari",
  "/cari?q=gamis",
  "/kategori/fashion-muslim",
  "/kategori/fashion%20muslim",
  "/produk/gamis-hitam-x1",
  "/produk/gamis-hitam-x1/ongkir",
  "/seller",
  "/seller/produk/42",
  "/login",
  "/lang",
  "/lang/en",
  "/Kasus",
  "/kasus",
  "/tidak/ada/halaman",
  "//double//slash",
];

const shape = (matches: ReturnType<typeof matchRoutes>) =>
  matches?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname, pathnameBase: m.pathnameBase })) ?? null;

describe("remembered route matches", () => {
  it("answer exactly as matchRoutes does, the first time and every time after, for a string or a location, with a basename", () => {
    const memo = rememberingMatchRoutes(matchRoutes);
    for (let round = 0; round < 3; round++) {
      const routes = table(); // a new table of the same shape, as Remix builds one per request
      for (const path of PATHS) {
        expect(shape(memo(routes, path))).toEqual(shape(matchRoutes(routes, path)));
        expect(shape(memo(routes, { pathname: path.split("?")[0] }))).toEqual(shape(matchRoutes(routes, { pathname: path.split("?")[0] })));
        expect(shape(memo(routes, `/app${path}`, "/app"))).toEqual(shape(matchRoutes(routes, `/app${path}`, "/app")));
      }
    }
  });

  it("hands out this table's own route objects and fresh match objects, so a caller changing one changes no other answer", () => {
    const memo = rememberingMatchRoutes(matchRoutes);
    const first = table();
    const second = table();
    const a = memo(first, "/produk/x1")!;
    const b = memo(second, "/produk/x1")!;
    expect(b[1].route).toBe(second[0].children![3]);
    expect(a[1].route).toBe(first[0].children![3]);
    b[1].params.slug = "changed";
    expect(memo(first, "/produk/x1")![1].params).toEqual({ slug: "x1" });
  });

  it("tells apart tables of another shape, and leaves tables without ids to matchRoutes", () => {
    const memo = rememberingMatchRoutes(matchRoutes);
    expect(memo(table(), "/kategori/x")![1].route.id).toBe("routes/kategori.$slug");
    const renamed = table();
    renamed[0].children![2] = { id: "routes/kategori.$slug", path: "kat/:slug" };
    expect(memo(renamed, "/kategori/x")![1].route.id).toBe("routes/$");
    const anonymous = [{ path: "/", children: [{ path: "a" }] }];
    expect(shape(memo(anonymous as never, "/a"))).toEqual(shape(matchRoutes(anonymous as never, "/a")));
  });
});

describe("a static handler per branch", () => {
  type Handler = { dataRoutes: unknown[]; query(r: Request, o?: unknown): Promise<unknown>; queryRoute(r: Request, o?: unknown): Promise<unknown> };
  const router = createRequire(import.meta.url)("@remix-run/router") as {
    createStaticHandler: (routes: unknown[], opts?: { basename?: string }) => Handler;
    isRouteErrorResponse: (e: unknown) => boolean;
  };
  // The same table, each route with a loader and an action that say which route answered and with which params.
  const withData = (routes: ReturnType<typeof table>): unknown[] =>
    routes.map((r) => ({
      ...r,
      loader: ({ params }: { params: unknown }) => ({ loader: r.id, params }),
      action: ({ params }: { params: unknown }) => ({ action: r.id, params }),
      ...(r.children ? { children: withData(r.children as ReturnType<typeof table>) } : {}),
    }));
  const outcome = async (answer: Promise<unknown>) => {
    try {
      const result = (await answer) as { matches?: { route: { id: string }; params: unknown }[] } & Record<string, unknown>;
      if (result instanceof Response) return { response: result.status };
      if (!result || typeof result !== "object" || !("matches" in result)) return { data: result };
      const { matches, loaderData, actionData, errors, statusCode } = result as Record<string, unknown>;
      return { matches: (matches as { route: { id: string }; params: unknown }[]).map((m) => [m.route.id, m.params]), loaderData, actionData, errors, statusCode };
    } catch (error) {
      return { thrown: router.isRouteErrorResponse(error) ? (error as { status: number }).status : String(error) };
    }
  };

  it("answers every query and queryRoute as the whole table's handler does, and builds one handler per branch", async () => {
    const whole = router.createStaticHandler(withData(table()));
    const created: unknown[][] = [];
    const counting = (routes: unknown[], opts?: { basename?: string }) => (created.push(routes), router.createStaticHandler(routes, opts));
    const branching = branchStaticHandlers(counting as never, rememberingMatchRoutes(matchRoutes));
    const handler = branching(withData(table()) as never) as unknown as Handler;
    const base = "http://lapak.test";
    for (let round = 0; round < 2; round++) {
      for (const path of PATHS) {
        const get = () => new Request(base + path);
        expect(await outcome(handler.query(get()))).toEqual(await outcome(whole.query(get())));
        for (const post of [path, `${path}${path.includes("?") ? "&" : "?"}index`]) {
          const request = () => new Request(base + post, { method: "POST", body: new URLSearchParams({ a: "1" }) });
          expect(await outcome(handler.query(request()))).toEqual(await outcome(whole.query(request())));
        }
        for (const routeId of ["routes/produk.$slug.ongkir", "routes/cari", "root", undefined]) {
          expect(await outcome(handler.queryRoute(get(), { routeId }))).toEqual(await outcome(whole.queryRoute(get(), { routeId })));
        }
      }
    }
    // The whole table, then one per branch seen (the two rounds share them).
    const branches = new Set(PATHS.map((p) => matchRoutes(table(), p.split("?")[0])?.map((m) => m.route.id).join(">")));
    expect(created.length).toBe(1 + branches.size);
  });
});
