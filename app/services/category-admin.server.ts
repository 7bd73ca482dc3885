import { parseTimeIdCursor } from "~/schemas/params";
import {
  categorySlugBase,
  type CategoryRuleError,
  type CategoryTreeView,
  checkAddCategory,
  checkCategoryName,
  checkMoveCategory,
  checkRenameCategory,
  checkRetireCategory,
  moveTargets,
  nextFreeSlug,
  replacementCandidates,
  type RuleResult,
} from "~/domain/catalog/category-rules";
import { DomainError, type DomainErrorCode } from "~/domain/errors";
import { db, type Tx } from "~/infra/db.server";
import {
  type CategoryEditRow,
  countProductsByCategory,
  loadCategoryTreeForEdit,
  lockCategoryTree,
  moveProductsToCategory,
  reparentCategories,
  slugsStartingWith,
  updateCategory,
} from "~/models/category-admin.server";
import { categoryTree, insertCategory, invalidateCategoryTree, subtreeIds } from "~/models/category.server";

// Admin catalog use cases: editing the category tree (rules in domain/catalog/category-rules.ts) and
// moderating products (the block/unblock move itself is changeProductStatus in catalog.server.ts).

const ERROR_KIND: Partial<Record<CategoryRuleError, DomainErrorCode>> = {
  category_not_found: "not_found",
  category_retired: "conflict",
};

function orRefuse<T extends object>(verdict: RuleResult<T>): T {
  if (!verdict.ok) throw new DomainError(ERROR_KIND[verdict.error] ?? "validation", verdict.error);
  return verdict;
}

/** One tree edit: serialised with other edits, checked against the tree as committed, cache dropped after. */
async function editTree<T>(work: (tx: Tx, tree: CategoryTreeView<CategoryEditRow>) => Promise<T>): Promise<T> {
  const result = await db().$transaction(async (tx) => {
    await lockCategoryTree(tx);
    return work(tx, await loadCategoryTreeForEdit(tx));
  });
  invalidateCategoryTree();
  return result;
}

/** Where a category goes among its new siblings: last. */
function endPosition(tree: CategoryTreeView<CategoryEditRow>, parentId: number | null) {
  return (tree.children.get(parentId) ?? []).reduce((max, c) => Math.max(max, c.position + 1), 0);
}

function optionalName(name: string | null | undefined) {
  return name?.trim() ? orRefuse(checkCategoryName(name)).name : null;
}

/** A new category at the end of its parent's list; its slug comes from the name and is unique for good. */
export async function addCategory(parentId: number | null, name: string, nameEn?: string | null) {
  const clean = orRefuse(checkCategoryName(name)).name;
  const cleanEn = optionalName(nameEn);
  return editTree(async (tx, tree) => {
    const { level } = orRefuse(checkAddCategory(tree, parentId));
    const base = categorySlugBase(clean);
    const slug = nextFreeSlug(base, await slugsStartingWith(tx, base));
    return insertCategory(tx, { slug, name: clean, nameEn: cleanEn, parentId, level, position: endPosition(tree, parentId) });
  });
}

/** New names; the slug stays, so every link to the category keeps working. */
export async function renameCategory(id: number, name: string, nameEn?: string | null) {
  const clean = orRefuse(checkCategoryName(name)).name;
  const cleanEn = optionalName(nameEn);
  return editTree(async (tx, tree) => {
    orRefuse(checkRenameCategory(tree, id));
    return updateCategory(tx, id, { name: clean, nameEn: cleanEn });
  });
}

/** Under a new parent one level up (the level never changes), last among its new siblings. */
export async function moveCategory(id: number, newParentId: number | null) {
  return editTree(async (tx, tree) => {
    orRefuse(checkMoveCategory(tree, id, newParentId));
    return updateCategory(tx, id, { parentId: newParentId, position: endPosition(tree, newParentId) });
  });
}

/**
 * Retires a category into a replacement of the same level, in one transaction: it is marked retired and
 * pointing at the replacement (browse() follows that from the old slug), its products move to the
 * replacement, and its active children move under the replacement with their products (see category-rules.ts).
 */
export async function retireCategory(id: number, replacementId: number | null, now = new Date()) {
  return editTree(async (tx, tree) => {
    const { plan } = orRefuse(checkRetireCategory(tree, id, replacementId));
    await updateCategory(tx, id, { retiredAt: now, replacedById: plan.replacementId });
    await reparentCategories(tx, plan.reparentIds, plan.replacementId, endPosition(tree, plan.replacementId));
    const movedProducts = await moveProductsToCategory(tx, id, plan.replacementId);
    return { movedProducts, movedChildren: plan.reparentIds.length };
  });
}

export interface AdminCategoryNode {
  id: number;
  slug: string;
  name: string;
  nameEn: string | null;
  parentId: number | null;
  level: number;
  retired: boolean;
  replacedById: number | null;
  /** Products in the category and everything under it: active ones, and all of them (drafts, blocked…). */
  activeProducts: number;
  allProducts: number;
}

/** The admin tree with product counts per subtree, and for the chosen category what it may be moved under or retired into. */
export async function categoryAdminView(selectedId: number | null) {
  const [tree, counts] = await Promise.all([categoryTree(), countProductsByCategory()]);
  const own = new Map<number, { active: number; all: number }>();
  for (const c of counts) {
    const entry = own.get(c.categoryId) ?? { active: 0, all: 0 };
    entry.all += c.count;
    if (c.status === "active") entry.active += c.count;
    own.set(c.categoryId, entry);
  }
  const nodes: AdminCategoryNode[] = tree.all.map((c) => {
    const ids = subtreeIds(tree, c.id);
    return {
      id: c.id,
      slug: c.slug,
      name: c.name,
      nameEn: c.nameEn,
      parentId: c.parentId,
      level: c.level,
      retired: c.retired,
      replacedById: c.replacedById,
      activeProducts: ids.reduce((sum, id) => sum + (own.get(id)?.active ?? 0), 0),
      allProducts: ids.reduce((sum, id) => sum + (own.get(id)?.all ?? 0), 0),
    };
  });
  const chosen = selectedId !== null ? tree.byId.get(selectedId) : undefined;
  return {
    nodes,
    selected: chosen
      ? {
          id: chosen.id,
          canAddChild: checkAddCategory(tree, chosen.id).ok,
          moveTargetIds: moveTargets(tree, chosen.id).map((c) => c.id),
          replacementIds: replacementCandidates(tree, chosen.id).map((c) => c.id),
        }
      : null,
  };
}
