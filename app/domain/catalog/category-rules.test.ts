import { describe, expect, it } from "vitest";
import {
  categorySlugBase,
  checkAddCategory,
  checkCategoryName,
  checkMoveCategory,
  checkRenameCategory,
  checkRetireCategory,
  type CategoryRef,
  type CategoryTreeView,
  moveTargets,
  nextFreeSlug,
  replacementCandidates,
} from "./category-rules";

// Fashion Muslim (1)            Fashion Wanita (10)         Lama (20, retired)
//   Gamis (2)                     Dress (11)
//     Gamis Polos (3)               Dress Pesta (12)
//     Gamis Motif (4)             Rok Kosong (13, no leaves)
//     Gamis Lawas (5, retired)
//   Hijab (6)
//     Pashmina (7)
function treeOf(rows: [id: number, parentId: number | null, level: number, retired?: boolean][]): CategoryTreeView {
  const nodes: CategoryRef[] = rows.map(([id, parentId, level, retired]) => ({ id, parentId, level, retired: Boolean(retired) }));
  const children = new Map<number | null, CategoryRef[]>();
  for (const n of nodes) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  return { byId: new Map(nodes.map((n) => [n.id, n])), children };
}

const tree = treeOf([
  [1, null, 1],
  [2, 1, 2],
  [3, 2, 3],
  [4, 2, 3],
  [5, 2, 3, true],
  [6, 1, 2],
  [7, 6, 3],
  [10, null, 1],
  [11, 10, 2],
  [12, 11, 3],
  [13, 10, 2],
  [20, null, 1, true],
]);

describe("adding a category", () => {
  it("goes at the top or under a level-1 or level-2 parent, one level below it", () => {
    expect(checkAddCategory(tree, null)).toEqual({ ok: true, level: 1 });
    expect(checkAddCategory(tree, 1)).toEqual({ ok: true, level: 2 });
    expect(checkAddCategory(tree, 2)).toEqual({ ok: true, level: 3 });
  });
  it("never goes under a leaf, a retired or an unknown parent", () => {
    expect(checkAddCategory(tree, 3)).toEqual({ ok: false, error: "category_too_deep" });
    expect(checkAddCategory(tree, 20)).toEqual({ ok: false, error: "category_parent_retired" });
    expect(checkAddCategory(tree, 99)).toEqual({ ok: false, error: "category_parent_not_found" });
  });
});

describe("moving a category", () => {
  it("moves a leaf under another level-2 and a level-2 under another level-1", () => {
    expect(checkMoveCategory(tree, 3, 6)).toEqual({ ok: true });
    expect(checkMoveCategory(tree, 3, 11)).toEqual({ ok: true });
    expect(checkMoveCategory(tree, 2, 10)).toEqual({ ok: true });
  });
  it("keeps the level: a leaf cannot go under a level-1, nor a level-2 to the top", () => {
    expect(checkMoveCategory(tree, 3, 1)).toEqual({ ok: false, error: "category_move_level" });
    expect(checkMoveCategory(tree, 13, null)).toEqual({ ok: false, error: "category_move_level" });
  });
  it("never makes the tree deeper than three levels", () => {
    expect(checkMoveCategory(tree, 3, 4)).toEqual({ ok: false, error: "category_too_deep" });
    expect(checkMoveCategory(tree, 2, 11)).toEqual({ ok: false, error: "category_too_deep" });
    expect(checkMoveCategory(tree, 1, 10)).toEqual({ ok: false, error: "category_too_deep" });
  });
  it("never goes under itself or its own descendants", () => {
    expect(checkMoveCategory(tree, 2, 2)).toEqual({ ok: false, error: "category_move_into_itself" });
    expect(checkMoveCategory(tree, 1, 3)).toEqual({ ok: false, error: "category_move_into_itself" });
  });
  it("refuses retired categories and parents, unknown parents and a move to where it already is", () => {
    expect(checkMoveCategory(tree, 5, 6)).toEqual({ ok: false, error: "category_retired" });
    expect(checkMoveCategory(tree, 2, 20)).toEqual({ ok: false, error: "category_parent_retired" });
    expect(checkMoveCategory(tree, 2, 99)).toEqual({ ok: false, error: "category_parent_not_found" });
    expect(checkMoveCategory(tree, 99, 2)).toEqual({ ok: false, error: "category_not_found" });
    expect(checkMoveCategory(tree, 3, 2)).toEqual({ ok: false, error: "category_move_same_parent" });
  });
  it("offers only the parents a move may go to", () => {
    expect(moveTargets(tree, 3).map((c) => c.id)).toEqual([6, 11, 13]);
    expect(moveTargets(tree, 2).map((c) => c.id)).toEqual([10]);
    expect(moveTargets(tree, 1)).toEqual([]);
  });
});

describe("retiring a category", () => {
  it("hands a leaf's products to another active leaf", () => {
    expect(checkRetireCategory(tree, 3, 4)).toEqual({ ok: true, plan: { retireId: 3, replacementId: 4, reparentIds: [] } });
    expect(checkRetireCategory(tree, 3, 12)).toEqual({ ok: true, plan: { retireId: 3, replacementId: 12, reparentIds: [] } });
  });
  it("moves a level-2's active leaves under its replacement; retired leaves stay put", () => {
    expect(checkRetireCategory(tree, 2, 6)).toEqual({ ok: true, plan: { retireId: 2, replacementId: 6, reparentIds: [3, 4] } });
    expect(checkRetireCategory(tree, 1, 10)).toEqual({ ok: true, plan: { retireId: 1, replacementId: 10, reparentIds: [2, 6] } });
  });
  it("needs a replacement", () => {
    expect(checkRetireCategory(tree, 3, null)).toEqual({ ok: false, error: "category_replacement_required" });
    expect(checkRetireCategory(tree, 3, 99)).toEqual({ ok: false, error: "category_replacement_not_found" });
  });
  it("the replacement is active, of the same level, and neither itself nor below it", () => {
    expect(checkRetireCategory(tree, 3, 3)).toEqual({ ok: false, error: "category_replacement_self" });
    expect(checkRetireCategory(tree, 2, 3)).toEqual({ ok: false, error: "category_replacement_in_subtree" });
    expect(checkRetireCategory(tree, 3, 5)).toEqual({ ok: false, error: "category_replacement_retired" });
    expect(checkRetireCategory(tree, 3, 11)).toEqual({ ok: false, error: "category_replacement_level" });
    expect(checkRetireCategory(tree, 1, 20)).toEqual({ ok: false, error: "category_replacement_retired" });
  });
  it("a retired category cannot be retired again", () => {
    expect(checkRetireCategory(tree, 5, 4)).toEqual({ ok: false, error: "category_retired" });
    expect(checkRetireCategory(tree, 99, 4)).toEqual({ ok: false, error: "category_not_found" });
  });
  it("offers only valid replacements", () => {
    expect(replacementCandidates(tree, 3).map((c) => c.id)).toEqual([4, 7, 12]);
    expect(replacementCandidates(tree, 2).map((c) => c.id)).toEqual([6, 11, 13]);
  });
});

describe("names", () => {
  it("are trimmed and 2–60 characters long", () => {
    expect(checkCategoryName("  Gamis   Batik ")).toEqual({ ok: true, name: "Gamis Batik" });
    expect(checkCategoryName("G")).toEqual({ ok: false, error: "category_name_length" });
    expect(checkCategoryName("x".repeat(61))).toEqual({ ok: false, error: "category_name_length" });
  });
  it("only an active category is renamed", () => {
    expect(checkRenameCategory(tree, 3)).toEqual({ ok: true });
    expect(checkRenameCategory(tree, 5)).toEqual({ ok: false, error: "category_retired" });
    expect(checkRenameCategory(tree, 99)).toEqual({ ok: false, error: "category_not_found" });
  });
});

describe("category slugs", () => {
  it("come from the name and get -2, -3 on a clash", () => {
    expect(categorySlugBase("Gamis Batik & Tenun")).toBe("gamis-batik-dan-tenun");
    expect(categorySlugBase("—")).toBe("kategori");
    expect(nextFreeSlug("gamis-batik", new Set())).toBe("gamis-batik");
    expect(nextFreeSlug("gamis-batik", new Set(["gamis-batik"]))).toBe("gamis-batik-2");
    expect(nextFreeSlug("gamis-batik", new Set(["gamis-batik", "gamis-batik-2", "gamis-batik-4"]))).toBe("gamis-batik-3");
  });
});
