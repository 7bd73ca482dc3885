import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { rememberingMatchRoutes } from "./route-matching.server";

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
