import { db, type Tx } from "~/infra/db.server";

export interface CategoryNode {
  id: number;
  slug: string;
  name: string;
  nameEn: string | null;
  parentId: number | null;
  level: number;
  position: number;
  retired: boolean;
  replacedById: number | null;
}

export interface CategoryTree {
  all: CategoryNode[];
  byId: Map<number, CategoryNode>;
  bySlug: Map<string, CategoryNode>;
  children: Map<number | null, CategoryNode[]>;
}

// The tree changes only when an admin edits it; every page reads it. Cached per process for a minute,
// dropped at once on this instance when an admin changes it, and on every instance when the database notifies a
// browse change (the page cache's listener, app/cli/server.ts). A failed load is never kept: the next page
// asks the database again, so pages work as soon as the database is back.
// Kept on globalThis: the HTTP front (run by tsx) and the Remix build each hold a copy of this module.
const TTL_MS = 60_000;
const slot = globalThis as unknown as { lapakCategoryTree?: { at: number; tree: Promise<CategoryTree> } };

export function categoryTree(): Promise<CategoryTree> {
  const cached = slot.lapakCategoryTree;
  if (cached && Date.now() - cached.at <= TTL_MS) return cached.tree;
  const entry = { at: Date.now(), tree: loadTree() };
  slot.lapakCategoryTree = entry;
  entry.tree.catch(() => {
    if (slot.lapakCategoryTree === entry) slot.lapakCategoryTree = undefined;
  });
  return entry.tree;
}

export function invalidateCategoryTree() {
  slot.lapakCategoryTree = undefined;
}

async function loadTree(): Promise<CategoryTree> {
  const rows = await db().category.findMany({ orderBy: [{ level: "asc" }, { position: "asc" }, { name: "asc" }] });
  const all = rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, nameEn: r.nameEn, parentId: r.parentId, level: r.level, position: r.position, retired: Boolean(r.retiredAt), replacedById: r.replacedById }));
  const children = new Map<number | null, CategoryNode[]>();
  for (const c of all) {
    const list = children.get(c.parentId) ?? [];
    list.push(c);
    children.set(c.parentId, list);
  }
  return { all, byId: new Map(all.map((c) => [c.id, c])), bySlug: new Map(all.map((c) => [c.slug, c])), children };
}

/** The category and everything under it (ids), for "all products in Fashion Muslim". */
export function subtreeIds(tree: CategoryTree, id: number): number[] {
  const out: number[] = [];
  const walk = (n: number) => {
    out.push(n);
    for (const c of tree.children.get(n) ?? []) walk(c.id);
  };
  walk(id);
  return out;
}

export function breadcrumb(tree: CategoryTree, id: number): CategoryNode[] {
  const path: CategoryNode[] = [];
  let node = tree.byId.get(id);
  while (node) {
    path.unshift(node);
    node = node.parentId ? tree.byId.get(node.parentId) : undefined;
  }
  return path;
}

export function isLeaf(tree: CategoryTree, id: number) {
  const node = tree.byId.get(id);
  return Boolean(node && node.level === 3 && !node.retired);
}

export function insertCategory(tx: Tx, data: { slug: string; name: string; nameEn?: string | null; parentId: number | null; level: number; position: number }) {
  return tx.category.create({ data });
}
