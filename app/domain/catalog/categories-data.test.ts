import { describe, it, expect } from "vitest";
import { CATEGORY_TREE, categorySlug, flattenCategories, leafCategorySlugs } from "./categories-data";

describe("category taxonomy", () => {
  const rows = flattenCategories();

  it("has at least 150 leaves", () => {
    expect(rows.filter((r) => r.level === 3).length).toBeGreaterThanOrEqual(150);
    expect(leafCategorySlugs().size).toBe(rows.filter((r) => r.level === 3).length);
  });

  it("has globally unique kebab-case ASCII slugs", () => {
    const slugs = rows.map((r) => r.slug);
    const duplicates = slugs.filter((s, i) => slugs.indexOf(s) !== i);
    expect(duplicates).toEqual([]);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("puts every leaf at level 3 and every level-1 and level-2 category above some leaf", () => {
    const parents = new Set(rows.map((r) => r.parentSlug));
    for (const row of rows) {
      const isLeaf = !parents.has(row.slug);
      expect({ slug: row.slug, isLeaf }).toEqual({ slug: row.slug, isLeaf: row.level === 3 });
    }
  });

  it("links each row to a parent one level up, parents first", () => {
    const seen = new Map<string, number>();
    for (const row of rows) {
      if (row.level === 1) expect(row.parentSlug).toBeNull();
      else expect(seen.get(row.parentSlug ?? "")).toBe(row.level - 1);
      seen.set(row.slug, row.level);
    }
  });

  it("contains the expected examples", () => {
    const fashionMuslim = CATEGORY_TREE.find((c) => c.name === "Fashion Muslim");
    const gamis = fashionMuslim?.children.find((c) => c.name === "Gamis");
    expect(gamis?.children.map((c) => c.slug)).toContain("gamis-syari");
    expect(rows.find((r) => r.slug === "gamis-polos")).toEqual({
      slug: "gamis-polos",
      name: "Gamis Polos",
      parentSlug: "gamis",
      level: 3,
    });
  });
});

describe("categorySlug", () => {
  it("makes kebab-case ASCII slugs", () => {
    expect(categorySlug("Gamis Syar'i")).toBe("gamis-syari");
    expect(categorySlug("Handphone & Tablet")).toBe("handphone-tablet");
    expect(categorySlug("Buku Sekolah SMP/SMA")).toBe("buku-sekolah-smp-sma");
    expect(categorySlug("  Café Crème ")).toBe("cafe-creme");
  });
});

describe("flattenCategories", () => {
  it("rejects a tree deeper than 3 levels", () => {
    const leaf = { name: "D", slug: "d", children: [] };
    const tree = [{ name: "A", slug: "a", children: [{ name: "B", slug: "b", children: [{ name: "C", slug: "c", children: [leaf] }] }] }];
    expect(() => flattenCategories(tree)).toThrow(/deeper than 3 levels/);
  });
});
