import { createRequire } from "node:module";

// RemixServer builds a route object for every route of the app (76) on every document render, and React Router
// converts and matches that whole table again while rendering, although a page only ever renders the routes its
// URL matched. Those, plus the routes the matched URL's parent paths match (Remix puts them in the page's initial
// manifest for lazy route discovery), are all a render reads; handing it a manifest of just those routes renders
// the same document (tests/integration/render-manifest.test.ts compares them) for a fraction of the work.

interface ManifestRoute {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
}
interface RouteNode {
  id: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  children?: RouteNode[];
}
type MatchRoutes = (routes: RouteNode[], location: string, basename?: string) => { route: RouteNode }[] | null;
// Read per call: the server replaces matchRoutes with its remembering version at start (route-matching.server.ts).
const router = createRequire(import.meta.url)("@remix-run/router") as { matchRoutes: MatchRoutes };

/** The route tree of a manifest (as Remix groups it: by parent, in manifest order), built once per manifest. */
const trees = new WeakMap<object, RouteNode[]>();
function treeOf(routes: Record<string, ManifestRoute>): RouteNode[] {
  let tree = trees.get(routes);
  if (tree) return tree;
  const byParent = new Map<string, ManifestRoute[]>();
  for (const route of Object.values(routes)) {
    const siblings = byParent.get(route.parentId ?? "") ?? [];
    siblings.push(route);
    byParent.set(route.parentId ?? "", siblings);
  }
  const build = (parentId: string): RouteNode[] =>
    (byParent.get(parentId) ?? []).map(({ id, path, index, caseSensitive }) => {
      const children = build(id);
      return { id, path, index, caseSensitive, ...(children.length ? { children } : {}) };
    });
  trees.set(routes, (tree = build("")));
  return tree;
}

/** Manifests cut to a set of routes, per full manifest (a page's set is one of a few hundred at most). */
const cuts = new WeakMap<object, Map<string, Record<string, ManifestRoute>>>();
const MAX_CUTS = 1_000;

/**
 * The manifest a document render needs: the routes `matchedIds` names, and those each parent path of `pathname`
 * matches (the same paths Remix's initial manifest walks: "/" and every prefix but the path itself).
 */
export function manifestForRender<M extends { routes: Record<string, ManifestRoute> }>(manifest: M, matchedIds: string[], pathname: string, basename = "/"): M {
  const tree = treeOf(manifest.routes);
  const ids = new Set(matchedIds);
  const segments = pathname.split("/").filter(Boolean);
  segments.pop();
  const parents = ["/"];
  for (let n = segments.length; n > 0; n--) parents.push(`/${segments.slice(0, n).join("/")}`);
  for (const parent of parents) for (const m of router.matchRoutes(tree, parent, basename) ?? []) ids.add(m.route.id);
  if ([...ids].some((id) => !manifest.routes[id])) return manifest;

  let byKey = cuts.get(manifest.routes);
  if (!byKey) cuts.set(manifest.routes, (byKey = new Map()));
  const key = [...ids].sort().join("\u0000");
  let routes = byKey.get(key);
  if (!routes) {
    // In the manifest's own order, which decides the order of siblings in the route tree.
    routes = Object.fromEntries(Object.entries(manifest.routes).filter(([id]) => ids.has(id)));
    if (byKey.size >= MAX_CUTS) byKey.clear();
    byKey.set(key, routes);
  }
  return { ...manifest, routes };
}
