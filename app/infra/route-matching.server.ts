import { createRequire } from "node:module";

// Remix matches a URL against the route table four times per page (the server's route match, the lazy route
// discovery's manifest for each parent path, React Router's own match while rendering), and @remix-run/router's
// matchRoutes flattens, scores and sorts the whole table (76 routes) and compiles a RegExp per route tried, every
// time: 10–13 % of an uncached page's CPU in a profile (docs/decisions/0005-browse-speed.md). The table never
// changes while the server runs, so the answer for a path is remembered.
//
// The tables are rebuilt per request (the same routes as new objects), so a table is recognised by its shape (each
// route's id, path, index and case sensitivity, in order, with its children) and a remembered match is handed out
// with that request's own route objects, looked up by id. Each call gets new match objects and params, as from
// matchRoutes itself. Installed by replacing the export that Remix and React Router call through
// (`require("@remix-run/router").matchRoutes`; the static handler's own internal match is left as it is).

interface RouteLike {
  id?: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  children?: RouteLike[];
}
interface Match {
  params: Record<string, string | undefined>;
  pathname: string;
  pathnameBase: string;
  route: RouteLike;
}
type MatchRoutes = ((routes: RouteLike[], location: string | { pathname?: string }, basename?: string) => Match[] | null) & { lapakMemo?: true };
interface Remembered {
  ids: string[];
  params: Record<string, string | undefined>;
  pathname: string[];
  pathnameBase: string[];
}
interface Table {
  shape: string;
  byId: Map<string, RouteLike>;
}

/** Paths remembered per table shape (least recently used first out). */
const MAX_PATHS = 5_000;

/** The shape of a route table and its routes by id; null when a route has no id or an id twice (then: no memo). */
function describe(routes: RouteLike[]): Table | null {
  const byId = new Map<string, RouteLike>();
  const walk = (list: RouteLike[]): string | null => {
    const parts: string[] = [];
    for (const r of list) {
      if (typeof r.id !== "string" || byId.has(r.id)) return null;
      byId.set(r.id, r);
      const children = r.children?.length ? walk(r.children) : "";
      if (children === null) return null;
      parts.push(JSON.stringify([r.id, r.path ?? null, Boolean(r.index), Boolean(r.caseSensitive)]) + (children ? `[${children}]` : ""));
    }
    return parts.join(",");
  };
  const shape = walk(routes);
  return shape === null ? null : { shape, byId };
}

export function rememberingMatchRoutes(original: MatchRoutes): MatchRoutes {
  const tables = new WeakMap<object, Table | null>();
  const answers = new Map<string, Map<string, Remembered | null>>();
  const memo: MatchRoutes = (routes, location, basename = "/") => {
    const path = typeof location === "string" ? location : location?.pathname;
    if (!Array.isArray(routes) || typeof path !== "string" || typeof basename !== "string") return original(routes, location, basename);
    let table = tables.get(routes);
    if (table === undefined) tables.set(routes, (table = describe(routes)));
    if (!table) return original(routes, location, basename);
    let byPath = answers.get(table.shape);
    if (!byPath) answers.set(table.shape, (byPath = new Map()));
    const key = `${basename}\u0000${path}`;
    let known = byPath.get(key);
    if (known === undefined) {
      const matches = original(routes, location, basename);
      known = matches && {
        ids: matches.map((m) => m.route.id!),
        params: { ...(matches[matches.length - 1]?.params ?? {}) },
        pathname: matches.map((m) => m.pathname),
        pathnameBase: matches.map((m) => m.pathnameBase),
      };
      if (byPath.size >= MAX_PATHS) byPath.delete(byPath.keys().next().value!);
      byPath.set(key, known);
      return matches;
    }
    byPath.delete(key);
    byPath.set(key, known);
    if (!known) return null;
    const params = { ...known.params };
    const byId = table.byId;
    return known.ids.map((id, i) => ({ params, pathname: known.pathname[i], pathnameBase: known.pathnameBase[i], route: byId.get(id)! }));
  };
  memo.lapakMemo = true;
  return memo;
}

interface StaticHandler {
  dataRoutes: RouteLike[];
  query(request: Request, opts?: unknown): Promise<unknown>;
  queryRoute(request: Request, opts?: unknown): Promise<unknown>;
}
type CreateStaticHandler = ((routes: RouteLike[], opts?: { basename?: string }) => StaticHandler) & { lapakBranches?: true };

/** The routes of `routes` whose id is in `keep`, in their order, each a shallow copy with its kept children. */
function pruned(routes: RouteLike[], keep: Set<string>): RouteLike[] {
  return routes
    .filter((r) => typeof r.id === "string" && keep.has(r.id))
    .map((r) => {
      const children = r.children?.length ? pruned(r.children, keep) : undefined;
      return { ...r, ...(children ? { children } : {}) };
    });
}

/**
 * The static handler (the server's loaders and actions) matches every request against the whole table inside
 * @remix-run/router, out of reach of the memo above: 7 % of a product page's CPU, 20 % of a resource route's. This
 * gives each branch of the table (the routes one URL matches, root to leaf) a static handler of its own over just
 * those routes, and sends each request to its branch's handler, found with the remembered match. The best branch
 * of the whole table is the only one in its handler's table, so it is matched there as it would have been; a URL
 * no route matches goes to the whole table's handler. The number of handlers is bounded by the number of branches.
 */
export function branchStaticHandlers(create: CreateStaticHandler, matchRoutes: MatchRoutes): CreateStaticHandler {
  const branching: CreateStaticHandler = (routes, opts) => {
    const whole = create(routes, opts);
    const byBranch = new Map<string, StaticHandler>();
    const handlerFor = (request: Request): StaticHandler => {
      const matches = matchRoutes(whole.dataRoutes, new URL(request.url).pathname, opts?.basename ?? "/");
      if (!matches?.length || matches.some((m) => typeof m.route.id !== "string")) return whole;
      const key = matches.map((m) => m.route.id).join("\u0000");
      let handler = byBranch.get(key);
      if (!handler) byBranch.set(key, (handler = create(pruned(routes, new Set(matches.map((m) => m.route.id!))), opts)));
      return handler;
    };
    return {
      ...whole,
      dataRoutes: whole.dataRoutes,
      query: (request, queryOpts) => handlerFor(request).query(request, queryOpts),
      queryRoute: (request, queryOpts) => handlerFor(request).queryRoute(request, queryOpts),
    };
  };
  branching.lapakBranches = true;
  return branching;
}

/** Once per process; a no-op for an export the router module does not have. */
export function rememberRouteMatches() {
  const router = createRequire(import.meta.url)("@remix-run/router") as { matchRoutes?: MatchRoutes; createStaticHandler?: CreateStaticHandler };
  if (typeof router.matchRoutes === "function" && !router.matchRoutes.lapakMemo) router.matchRoutes = rememberingMatchRoutes(router.matchRoutes);
  if (typeof router.matchRoutes === "function" && typeof router.createStaticHandler === "function" && !router.createStaticHandler.lapakBranches) {
    router.createStaticHandler = branchStaticHandlers(router.createStaticHandler, router.matchRoutes);
  }
}
