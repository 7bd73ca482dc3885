import type { CategoryTreeView } from "~/domain/catalog/category-rules";
import { db, type Tx } from "~/infra/db.server";

// Queries of the admin catalog screens: editing the category tree and moderating products.

export interface CategoryEditRow {
  id: number;
  slug: string;
  parentId: number | null;
  level: number;
  position: number;
  retired: boolean;
}

/**
 * Tree edits are rare and each one is checked against the whole tree, so they take turns: a transaction
 * lock (released at commit) keeps two admins from, say, moving a leaf under a category the other is retiring.
 */
export async function lockCategoryTree(tx: Tx) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('lapak.categories'))`;
}

/** The tree as it is now in the database (not the per-process cache), for checking an edit. */
export async function loadCategoryTreeForEdit(tx: Tx): Promise<CategoryTreeView<CategoryEditRow>> {
  const rows = await tx.category.findMany({
    select: { id: true, slug: true, parentId: true, level: true, position: true, retiredAt: true },
    orderBy: [{ level: "asc" }, { position: "asc" }, { id: "asc" }],
  });
  const nodes = rows.map((r) => ({ id: r.id, slug: r.slug, parentId: r.parentId, level: r.level, position: r.position, retired: Boolean(r.retiredAt) }));
  const children = new Map<number | null, CategoryEditRow[]>();
  for (const n of nodes) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  return { byId: new Map(nodes.map((n) => [n.id, n])), children };
}

/** Slugs that start like `base` ("gamis-batik", "gamis-batik-2", "gamis-batik-pria"…), retired ones included. */
export async function slugsStartingWith(tx: Tx, base: string): Promise<Set<string>> {
  const rows = await tx.category.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  return new Set(rows.map((r) => r.slug));
}

export function updateCategory(tx: Tx, id: number, data: { name?: string; nameEn?: string | null; parentId?: number | null; position?: number; retiredAt?: Date; replacedById?: number }) {
  return tx.category.update({ where: { id }, data });
}

/** Puts categories under a new parent, after its current children, in their current order. */
export async function reparentCategories(tx: Tx, ids: number[], parentId: number, firstPosition: number) {
  for (const [i, id] of ids.entries()) await tx.category.update({ where: { id }, data: { parentId, position: firstPosition + i } });
}

/** Every product filed in one category, whatever its status, goes to another. */
export async function moveProductsToCategory(tx: Tx, fromCategoryId: number, toCategoryId: number) {
  const { count } = await tx.product.updateMany({ where: { categoryId: fromCategoryId }, data: { categoryId: toCategoryId } });
  return count;
}

/** Products per category and status in one grouped query (the tree adds them up per subtree). */
export async function countProductsByCategory() {
  const rows = await db().product.groupBy({ by: ["categoryId", "status"], _count: { _all: true } });
  return rows.map((r) => ({ categoryId: r.categoryId, status: r.status, count: r._count._all }));
}

export interface ModerationFilter {
  statuses: string[];
  q?: string;
  after?: { updatedAt: Date; id: string };
  take: number;
}

/** Products for the moderation list: most recently changed first, keyset-paginated on (updated_at, id). */
export function listProductsForModeration(f: ModerationFilter) {
  return db().product.findMany({
    where: {
      status: { in: f.statuses },
      ...(f.q ? { title: { contains: f.q, mode: "insensitive" as const } } : {}),
      ...(f.after ? { OR: [{ updatedAt: { lt: f.after.updatedAt } }, { updatedAt: f.after.updatedAt, id: { lt: f.after.id } }] } : {}),
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: f.take,
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      blockedReason: true,
      priceRupiah: true,
      updatedAt: true,
      shop: { select: { name: true, slug: true } },
      category: { select: { name: true, nameEn: true } },
    },
  });
}

/** Who to tell about a moderation decision: the shop owner, in their language. */
export function findProductSeller(productId: string) {
  return db().product.findUnique({
    where: { id: productId },
    select: { id: true, title: true, shop: { select: { name: true, owner: { select: { id: true, name: true, email: true, locale: true } } } } },
  });
}
