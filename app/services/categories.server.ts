import { flattenCategories } from "~/domain/catalog/categories-data";
import { db } from "~/infra/db.server";
import { invalidateCategoryTree } from "~/models/category.server";

/**
 * Loads the shipped taxonomy into an empty categories table (every fresh database, demo or not).
 * Once admins own the tree, nothing here overwrites their edits.
 */
export async function ensureCategoryTree(): Promise<number> {
  if ((await db().category.count()) > 0) return 0;
  const rows = flattenCategories();
  await db().$transaction(async (tx) => {
    const ids = new Map<string, number>();
    const positions = new Map<string | null, number>();
    // One insert per level: parents first, so each child knows its parent's id.
    for (const level of [1, 2, 3] as const) {
      const batch = rows.filter((r) => r.level === level);
      await tx.category.createMany({
        data: batch.map((row) => {
          const position = positions.get(row.parentSlug) ?? 0;
          positions.set(row.parentSlug, position + 1);
          return { slug: row.slug, name: row.name, level, position, parentId: row.parentSlug ? ids.get(row.parentSlug)! : null };
        }),
      });
      for (const c of await tx.category.findMany({ where: { level }, select: { id: true, slug: true } })) ids.set(c.slug, c.id);
    }
  }, { timeout: 30_000 });
  invalidateCategoryTree();
  return rows.length;
}
