import { beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../../app/domain/errors";
import { db } from "../../app/infra/db.server";
import { categoryTree } from "../../app/models/category.server";
import { action as categoriesAction, loader as categoriesLoader } from "../../app/routes/admin.categories";
import { action as productsAction, loader as productsLoader } from "../../app/routes/admin.products";
import { browse, parseBrowseParams } from "../../app/services/browse.server";
import { changeProductStatus } from "../../app/services/catalog.server";
import type { AdminCategoryNode } from "../../app/services/category-admin.server";
import { ensureCategoryTree } from "../../app/services/categories.server";
import { aProduct } from "../factories/products";
import { aSeller } from "../factories/shops";
import { aUser, cookieFor } from "../factories/users";
import { call, getRequest, payload, postForm } from "../setup/http";

let admin: Awaited<ReturnType<typeof aUser>>;
let adminCookie: string;
let seller: Awaited<ReturnType<typeof aSeller>>;

beforeAll(async () => {
  await ensureCategoryTree();
  admin = await aUser({ admin: true });
  adminCookie = await cookieFor(admin.id);
  seller = await aSeller({ status: "approved" });
});

async function category(slug: string) {
  const c = (await categoryTree()).bySlug.get(slug);
  if (!c) throw new Error(`no category ${slug}`);
  return c;
}

const postCategories = (fields: Record<string, string>) => call(categoriesAction, postForm("/admin/categories", fields, { cookie: adminCookie }));
const postProducts = (fields: Record<string, string>) => call(productsAction, postForm("/admin/products", fields, { cookie: adminCookie }));
const errorsOf = (result: unknown) => payload<{ errors: Record<string, string> }>(result).errors;
const browseCategory = (slug: string) => browse(parseBrowseParams(new URL(`http://lapak.test/kategori/${slug}`)), { categorySlug: slug });
const search = (q: string) => browse(parseBrowseParams(new URL(`http://lapak.test/cari?q=${encodeURIComponent(q)}`)));

describe("who may manage the catalog", () => {
  it("refuses buyers and sellers both admin pages with 403", async () => {
    const buyer = await aUser();
    for (const cookie of [await cookieFor(buyer.id), await cookieFor(seller.owner.id)]) {
      expect((await call(categoriesLoader, getRequest("/admin/categories", { cookie }))).status).toBe(403);
      expect((await call(productsLoader, getRequest("/admin/products", { cookie }))).status).toBe(403);
      expect((await call(categoriesAction, postForm("/admin/categories", { intent: "add", parentId: "", name: "Coba" }, { cookie }))).status).toBe(403);
      expect((await call(productsAction, postForm("/admin/products", { intent: "unblock", productId: "00000000-0000-4000-8000-000000000000" }, { cookie }))).status).toBe(403);
    }
    expect(await db().category.count({ where: { name: "Coba" } })).toBe(0);
  });

  it("lets an admin in", async () => {
    expect((await call(categoriesLoader, getRequest("/admin/categories", { cookie: adminCookie }))).status).toBe(200);
    expect((await call(productsLoader, getRequest("/admin/products", { cookie: adminCookie }))).status).toBe(200);
  });
});

describe("category tree", () => {
  it("adds a category with a slug from its name, -2 on a clash, and renaming keeps the slug", async () => {
    const gamis = await category("gamis");
    const first = await postCategories({ intent: "add", parentId: String(gamis.id), name: "Gamis Batik", nameEn: "" });
    expect(first.status).toBe(302);
    const added = await category("gamis-batik");
    expect(added).toMatchObject({ name: "Gamis Batik", parentId: gamis.id, level: 3, retired: false });
    expect(first.headers.get("Location")).toBe(`/admin/categories?id=${added.id}`);

    expect((await postCategories({ intent: "add", parentId: String(gamis.id), name: "Gamis  Batik " })).status).toBe(302);
    expect((await category("gamis-batik-2")).name).toBe("Gamis Batik");

    expect((await postCategories({ intent: "rename", categoryId: String(added.id), name: "Gamis Batik Tulis", nameEn: "Hand-drawn batik gowns" })).status).toBe(302);
    const renamed = await db().category.findUniqueOrThrow({ where: { id: added.id } });
    expect(renamed).toMatchObject({ slug: "gamis-batik", name: "Gamis Batik Tulis", nameEn: "Hand-drawn batik gowns" });
    expect((await category("gamis-batik")).name).toBe("Gamis Batik Tulis");
  });

  it("adds a top-level category, but never a fourth level", async () => {
    expect((await postCategories({ intent: "add", parentId: "", name: "Otomotif" })).status).toBe(302);
    expect(await category("otomotif")).toMatchObject({ level: 1, parentId: null });

    const leaf = await category("gamis-syari");
    const refused = await postCategories({ intent: "add", parentId: String(leaf.id), name: "Terlalu Dalam" });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.result)).toEqual({ _form: "category_too_deep" });
    expect(payload<{ values: Record<string, string> }>(refused.result).values).toMatchObject({ intent: "add", parentId: String(leaf.id) });

    const blank = await postCategories({ intent: "add", parentId: "", name: " " });
    expect(blank.status).toBe(400);
    expect(errorsOf(blank.result).name).toBe("category_name_length");
  });

  it("moves a leaf under another level-2 category, and refuses a leaf under a level-1", async () => {
    const tunik = await category("tunik");
    const fashionMuslim = await category("fashion-muslim");
    const refused = await postCategories({ intent: "move", categoryId: String(tunik.id), newParentId: String(fashionMuslim.id) });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.result)).toEqual({ newParentId: "category_move_level" });
    expect((await db().category.findUniqueOrThrow({ where: { id: tunik.id } })).parentId).toBe(tunik.parentId);

    const atasanWanita = await category("atasan-wanita");
    expect((await postCategories({ intent: "move", categoryId: String(tunik.id), newParentId: String(atasanWanita.id) })).status).toBe(302);
    expect(await category("tunik")).toMatchObject({ parentId: atasanWanita.id, level: 3, slug: "tunik" });
  });

  it("retiring a leaf moves its products to the replacement, and the old category page leads there", async () => {
    const polos = await category("gamis-polos");
    const motif = await category("gamis-motif");
    const product = await aProduct(seller.owner, { category: "gamis-polos", title: "Gamis Polos Hitam Arsip" });

    const view = payload<{ nodes: AdminCategoryNode[]; selected: { replacementIds: number[] } }>((await call(categoriesLoader, getRequest(`/admin/categories?id=${polos.id}`, { cookie: adminCookie }))).result);
    expect(view.nodes.find((n) => n.id === polos.id)).toMatchObject({ activeProducts: 1, allProducts: 1 });
    expect(view.nodes.find((n) => n.slug === "fashion-muslim")!.activeProducts).toBeGreaterThanOrEqual(1);
    expect(view.selected.replacementIds).toContain(motif.id);
    expect(view.selected.replacementIds).not.toContain(polos.id);

    // Without the admin's yes (the tick, or the confirm dialog's hidden field) nothing is retired.
    const unconfirmed = await postCategories({ intent: "retire", categoryId: String(polos.id), replacementId: String(motif.id) });
    expect(unconfirmed.status).toBe(400);
    expect(errorsOf(unconfirmed.result)).toEqual({ confirmRetire: "adminCatalog.retire.confirmNeeded" });
    expect(await db().category.findUniqueOrThrow({ where: { id: polos.id } })).toMatchObject({ retiredAt: null });

    const noReplacement = await postCategories({ intent: "retire", confirmRetire: "1", categoryId: String(polos.id), replacementId: "" });
    expect(noReplacement.status).toBe(400);
    expect(errorsOf(noReplacement.result)).toEqual({ replacementId: "category_replacement_required" });
    const wrongLevel = await postCategories({ intent: "retire", confirmRetire: "1", categoryId: String(polos.id), replacementId: String(polos.parentId) });
    expect(errorsOf(wrongLevel.result)).toEqual({ replacementId: "category_replacement_level" });

    expect((await postCategories({ intent: "retire", confirmRetire: "1", categoryId: String(polos.id), replacementId: String(motif.id) })).status).toBe(302);
    expect((await db().product.findUniqueOrThrow({ where: { id: product.id } })).categoryId).toBe(motif.id);
    expect(await db().category.findUniqueOrThrow({ where: { id: polos.id } })).toMatchObject({ replacedById: motif.id, retiredAt: expect.any(Date) });

    const page = await browseCategory("gamis-polos");
    expect(page.redirectTo).toBe("gamis-motif");
    expect(page.items.map((i) => i.title)).toContain("Gamis Polos Hitam Arsip");
    expect((await browseCategory("gamis-motif")).items.map((i) => i.title)).toContain("Gamis Polos Hitam Arsip");

    const again = await postCategories({ intent: "retire", confirmRetire: "1", categoryId: String(polos.id), replacementId: String(motif.id) });
    expect(again.status).toBe(409);
    expect(errorsOf(again.result)).toEqual({ _form: "category_retired" });
    const intoRetired = await postCategories({ intent: "retire", confirmRetire: "1", categoryId: String((await category("gamis-set-khimar")).id), replacementId: String(polos.id) });
    expect(errorsOf(intoRetired.result)).toEqual({ replacementId: "category_replacement_retired" });
  });

  it("retiring a level-2 category moves its leaves, with their products, under the replacement", async () => {
    const ibadah = await category("perlengkapan-ibadah");
    const pria = await category("busana-muslim-pria");
    const mukena = await category("mukena");
    await aProduct(seller.owner, { category: "mukena", title: "Mukena Katun Jepang Putih" });

    expect((await postCategories({ intent: "retire", confirmRetire: "1", categoryId: String(ibadah.id), replacementId: String(pria.id) })).status).toBe(302);
    expect(await category("mukena")).toMatchObject({ id: mukena.id, parentId: pria.id, level: 3, retired: false });
    expect((await category("sajadah")).parentId).toBe(pria.id);

    const page = await browseCategory("perlengkapan-ibadah");
    expect(page.redirectTo).toBe("busana-muslim-pria");
    expect(page.items.map((i) => i.title)).toContain("Mukena Katun Jepang Putih");
    expect((await browseCategory("mukena")).items.map((i) => i.title)).toEqual(["Mukena Katun Jepang Putih"]);
  });
});

describe("product moderation", () => {
  it("a block needs a reason, takes the product out of search, and the seller cannot re-activate it", async () => {
    const product = await aProduct(seller.owner, { title: "Jam Tangan Replika Mewah" });
    expect((await search("replika")).items.map((i) => i.title)).toEqual(["Jam Tangan Replika Mewah"]);

    const noReason = await postProducts({ intent: "block", productId: product.id, reason: "  " });
    expect(noReason.status).toBe(400);
    expect(errorsOf(noReason.result)).toEqual({ reason: "adminProducts.reasonRequired" });
    expect((await db().product.findUniqueOrThrow({ where: { id: product.id } })).status).toBe("active");

    const blocked = await postProducts({ intent: "block", productId: product.id, reason: "Barang replika melanggar hak merek." });
    expect(blocked.status).toBe(302);
    expect(await db().product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({ status: "blocked", blockedReason: "Barang replika melanggar hak merek." });
    expect((await search("replika")).items).toEqual([]);

    await expect(changeProductStatus({ id: seller.owner.id, isAdmin: false }, product.id, "activate")).rejects.toMatchObject({ code: "conflict", messageKey: "product_blocked" });
    await expect(changeProductStatus({ id: seller.owner.id, isAdmin: false }, product.id, "unblock")).rejects.toBeInstanceOf(DomainError);

    const notice = await db().notification.findFirstOrThrow({ where: { userId: seller.owner.id, kind: "product.blocked" } });
    expect(notice.body).toContain("Jam Tangan Replika Mewah");
    expect(notice.body).toContain("Barang replika melanggar hak merek.");

    const list = payload<{ items: { id: string; status: string; blockedReason: string | null }[] }>(
      (await call(productsLoader, getRequest("/admin/products?status=blocked&q=replika", { cookie: adminCookie }))).result,
    );
    expect(list.items).toEqual([expect.objectContaining({ id: product.id, status: "blocked", blockedReason: "Barang replika melanggar hak merek." })]);
    const activeOnly = payload<{ items: unknown[] }>((await call(productsLoader, getRequest("/admin/products?status=active&q=replika", { cookie: adminCookie }))).result);
    expect(activeOnly.items).toEqual([]);

    const twice = await postProducts({ intent: "block", productId: product.id, reason: "Lagi" });
    expect(twice.status).toBe(409);
    expect(errorsOf(twice.result)).toEqual({ _form: "adminProducts.error.product_move_invalid" });

    expect((await postProducts({ intent: "unblock", productId: product.id })).status).toBe(302);
    expect(await db().product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({ status: "inactive", blockedReason: null });
  });

  it("pages through matching products without repeats, newest change first", async () => {
    const leaf = await category("kaos-pria");
    await db().product.createMany({
      data: Array.from({ length: 27 }, (_, i) => ({
        shopId: seller.shop.id,
        slug: `kaos-seri-moderasi-${i}`,
        title: `Kaos Seri Moderasi ${i}`,
        categoryId: leaf.id,
        priceRupiah: 50000,
        weightGrams: 200,
        shopProvinceCode: "32",
        status: i % 9 === 0 ? "draft" : "active",
      })),
    });
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const qs: string = `/admin/products?q=seri+moderasi${after ? `&after=${encodeURIComponent(after)}` : ""}`;
      const page = payload<{ items: { title: string; status: string }[]; next: string | null }>((await call(productsLoader, getRequest(qs, { cookie: adminCookie }))).result);
      expect(page.items.every((i) => i.status === "active")).toBe(true);
      seen.push(...page.items.map((i) => i.title));
      after = page.next;
      pages++;
    } while (after);
    expect(pages).toBe(1);
    // 24 active (every ninth is a draft): one page of 25 holds them all; now make it two pages.
    await db().product.updateMany({ where: { slug: { startsWith: "kaos-seri-moderasi-" } }, data: { status: "active" } });
    seen.length = 0;
    after = null;
    pages = 0;
    do {
      const qs: string = `/admin/products?q=seri+moderasi${after ? `&after=${encodeURIComponent(after)}` : ""}`;
      const page = payload<{ items: { title: string }[]; next: string | null }>((await call(productsLoader, getRequest(qs, { cookie: adminCookie }))).result);
      seen.push(...page.items.map((i) => i.title));
      after = page.next;
      pages++;
    } while (after);
    expect(pages).toBe(2);
    expect(seen).toHaveLength(27);
    expect(new Set(seen).size).toBe(27);
  });
});
