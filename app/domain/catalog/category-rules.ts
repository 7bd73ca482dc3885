import { slugify } from "~/domain/text";

/**
 * Rules for editing the category tree (admin screens). Plain data in, a verdict out: the caller passes a
 * view of the tree it loaded, so each rule can be tested without a database.
 *
 * The tree has three levels; products live in level-3 leaves.
 * - Add: under nothing (a new level 1) or under an active level-1 or level-2 parent; never under a leaf.
 * - Move: a category keeps its level, so a level-3 leaf moves only under a level-2, a level-2 only under a
 *   level-1; a level 1 has nowhere to go. Keeping the level keeps the tree at most three deep and makes
 *   a move under itself or its descendants impossible; both are still checked, so the error says why.
 * - Retire: needs a replacement that is active, of the same level, and neither the category itself nor
 *   inside its subtree. Retiring moves the work with it, in the same transaction:
 *     · the products filed directly in the category go to the replacement (for a leaf: the replacement leaf);
 *     · the category's ACTIVE children are re-parented under the replacement, with their own products,
 *       slugs and subtrees intact (so retiring a level 2 moves its leaves, retiring a level 1 its level 2s).
 *   We chose this over "refuse while it has active children": the admin's intent ("Gamis goes into
 *   Busana Muslim") is done in one step, nothing is left orphaned under a retired parent, and every old
 *   URL keeps working (the children keep their slugs; the retired slug redirects via replacedById).
 *   Already retired children stay where they are; they already point at their own replacement.
 * A retired category is never revived and can never be a replacement, so replacedById chains cannot loop.
 */

export const MAX_CATEGORY_LEVEL = 3;
export const CATEGORY_NAME_LIMITS = { min: 2, max: 60 } as const;

export interface CategoryRef {
  id: number;
  parentId: number | null;
  level: number;
  retired: boolean;
}

/** Structurally the same as the cached tree of app/models/category.server.ts, or one loaded inside a transaction. */
export interface CategoryTreeView<N extends CategoryRef = CategoryRef> {
  byId: ReadonlyMap<number, N>;
  children: ReadonlyMap<number | null, readonly N[]>;
}

export type CategoryRuleError =
  | "category_name_length"
  | "category_not_found"
  | "category_retired"
  | "category_parent_not_found"
  | "category_parent_retired"
  | "category_too_deep"
  | "category_move_into_itself"
  | "category_move_level"
  | "category_move_same_parent"
  | "category_replacement_required"
  | "category_replacement_not_found"
  | "category_replacement_self"
  | "category_replacement_in_subtree"
  | "category_replacement_retired"
  | "category_replacement_level";

export type RuleResult<T extends object = object> = ({ ok: true } & T) | { ok: false; error: CategoryRuleError };

const fail = (error: CategoryRuleError) => ({ ok: false as const, error });

/** True when `candidateId` is `rootId` or below it. Walks up from the candidate (at most three steps). */
export function isInSubtree(tree: CategoryTreeView, rootId: number, candidateId: number): boolean {
  let node = tree.byId.get(candidateId);
  for (let guard = 0; node && guard <= MAX_CATEGORY_LEVEL; guard++) {
    if (node.id === rootId) return true;
    node = node.parentId === null ? undefined : tree.byId.get(node.parentId);
  }
  return false;
}

/** Names are shown in menus and breadcrumbs: trimmed, 2–60 characters (the English name is optional). */
export function checkCategoryName(name: string): RuleResult<{ name: string }> {
  const clean = name.trim().replace(/\s+/g, " ");
  if (clean.length < CATEGORY_NAME_LIMITS.min || clean.length > CATEGORY_NAME_LIMITS.max) return fail("category_name_length");
  return { ok: true, name: clean };
}

/** A new category goes under nothing (level 1) or an active level-1/level-2 parent. */
export function checkAddCategory(tree: CategoryTreeView, parentId: number | null): RuleResult<{ level: number }> {
  if (parentId === null) return { ok: true, level: 1 };
  const parent = tree.byId.get(parentId);
  if (!parent) return fail("category_parent_not_found");
  if (parent.retired) return fail("category_parent_retired");
  if (parent.level >= MAX_CATEGORY_LEVEL) return fail("category_too_deep");
  return { ok: true, level: parent.level + 1 };
}

/** Renaming changes the names only; the slug stays, so links and bookmarks keep working. */
export function checkRenameCategory(tree: CategoryTreeView, id: number): RuleResult {
  const node = tree.byId.get(id);
  if (!node) return fail("category_not_found");
  if (node.retired) return fail("category_retired");
  return { ok: true };
}

/** A category moves under a new parent one level above it; it keeps its level and its subtree. */
export function checkMoveCategory(tree: CategoryTreeView, id: number, newParentId: number | null): RuleResult {
  const node = tree.byId.get(id);
  if (!node) return fail("category_not_found");
  if (node.retired) return fail("category_retired");
  if (newParentId !== null && isInSubtree(tree, id, newParentId)) return fail("category_move_into_itself");
  const parent = newParentId === null ? null : tree.byId.get(newParentId);
  if (newParentId !== null && !parent) return fail("category_parent_not_found");
  if (parent?.retired) return fail("category_parent_retired");
  const parentLevel = parent?.level ?? 0;
  if (parentLevel + 1 + subtreeHeight(tree, id) > MAX_CATEGORY_LEVEL) return fail("category_too_deep");
  if (parentLevel !== node.level - 1) return fail("category_move_level");
  if (node.parentId === newParentId) return fail("category_move_same_parent");
  return { ok: true };
}

export interface RetirePlan {
  retireId: number;
  replacementId: number;
  /** Active children that follow their products to the replacement. */
  reparentIds: number[];
}

/** Retiring checks the replacement and lists the active children that move under it (see the rule above). */
export function checkRetireCategory(tree: CategoryTreeView, id: number, replacementId: number | null): RuleResult<{ plan: RetirePlan }> {
  const node = tree.byId.get(id);
  if (!node) return fail("category_not_found");
  if (node.retired) return fail("category_retired");
  if (replacementId === null) return fail("category_replacement_required");
  if (replacementId === id) return fail("category_replacement_self");
  const replacement = tree.byId.get(replacementId);
  if (!replacement) return fail("category_replacement_not_found");
  if (isInSubtree(tree, id, replacementId)) return fail("category_replacement_in_subtree");
  if (replacement.retired) return fail("category_replacement_retired");
  if (replacement.level !== node.level) return fail("category_replacement_level");
  const reparentIds = (tree.children.get(id) ?? []).filter((c) => !c.retired).map((c) => c.id);
  return { ok: true, plan: { retireId: id, replacementId, reparentIds } };
}

/** The parents a category may be moved under (its current parent excluded), for the admin's select. */
export function moveTargets<N extends CategoryRef>(tree: CategoryTreeView<N>, id: number): N[] {
  return [...tree.byId.values()].filter((c) => checkMoveCategory(tree, id, c.id).ok);
}

/** The categories that may take over a retired one's products, for the admin's select. */
export function replacementCandidates<N extends CategoryRef>(tree: CategoryTreeView<N>, id: number): N[] {
  return [...tree.byId.values()].filter((c) => checkRetireCategory(tree, id, c.id).ok);
}

/** Levels below the category (0 for a leaf), so a move can tell whether its subtree still fits. */
function subtreeHeight(tree: CategoryTreeView, id: number): number {
  const kids = tree.children.get(id) ?? [];
  return kids.length ? 1 + Math.max(...kids.map((c) => subtreeHeight(tree, c.id))) : 0;
}

/** "Gamis Batik" → "gamis-batik"; a name with no ASCII letters or digits still gets a usable slug. */
export function categorySlugBase(name: string): string {
  return slugify(name, 60) || "kategori";
}

/**
 * The first free slug: "gamis-batik", then "gamis-batik-2", "-3"… `taken` holds every slug in use,
 * retired ones included: a retired slug keeps redirecting, so it is never handed out again.
 */
export function nextFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
