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
import { shopNameVars } from "~/domain/text";
import { isLocale, translator } from "~/i18n/i18n";
import "~/i18n/register";
import { db, type Tx } from "~/infra/db.server";
import {
  type CategoryEditRow,
  countProductsByCategory,
  findProductSeller,
  listProductsForModeration,
  loadCategoryTreeForEdit,
  lockCategoryTree,
  moveProductsToCategory,
  reparentCategories,
  slugsStartingWith,
  updateCategory,
} from "~/models/category-admin.server";
import { categoryTree, insertCategory, invalidateCategoryTree, subtreeIds } from "~/models/category.server";
import { createNotification } from "~/models/notification.server";
import { enqueueMail } from "~/models/outbox.server";
import { changeProductStatus } from "./catalog.server";

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

// ——— Product moderation ———

export const MODERATION_PAGE_SIZE = 25;
/** "all" is every product a moderator acts on: active and blocked. */
export type ModerationFilterStatus = "all" | "active" | "blocked";

/** Active and blocked products by title, most recently changed first; `after` is the cursor of the previous page. */
export async function moderationQueue(opts: { q?: string; status: ModerationFilterStatus; after?: string | null }) {
  const statuses = opts.status === "all" ? ["active", "blocked"] : [opts.status];
  const [cursorDate, cursorId] = opts.after?.split("_") ?? [];
  const after = cursorDate && cursorId && !Number.isNaN(Date.parse(cursorDate)) && /^[0-9a-f-]{36}$/.test(cursorId) ? { updatedAt: new Date(cursorDate), id: cursorId } : undefined;
  const rows = await listProductsForModeration({ statuses, q: opts.q?.trim() || undefined, after, take: MODERATION_PAGE_SIZE + 1 });
  const page = rows.slice(0, MODERATION_PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    items: page.map((p) => ({
      id: p.id,
      slug: p.slug,
      title: p.title,
      status: p.status,
      blockedReason: p.blockedReason,
      priceRupiah: p.priceRupiah,
      shopName: p.shop.name,
      category: { name: p.category.name, nameEn: p.category.nameEn },
      updatedAt: p.updatedAt.toISOString(),
    })),
    next: rows.length > MODERATION_PAGE_SIZE && last ? `${last.updatedAt.toISOString()}_${last.id}` : null,
  };
}

type Admin = { id: string; isAdmin: boolean };

/** Takes a product off the marketplace; the reason goes to the seller, who cannot re-activate it. */
export async function blockProduct(admin: Admin, productId: string, reason: string) {
  const product = await changeProductStatus(admin, productId, "block", reason.trim());
  await tellSeller(productId, "blocked", reason.trim());
  return product;
}

/** Lifts a block: the product becomes inactive, and the seller may publish it again. */
export async function unblockProduct(admin: Admin, productId: string) {
  const product = await changeProductStatus(admin, productId, "unblock");
  await tellSeller(productId, "unblocked", null);
  return product;
}

/**
 * In-app notice and mail to the shop owner, in their language. Written right after the status change
 * (changeProductStatus commits on its own), so a crash in between loses the notice, never the block.
 */
async function tellSeller(productId: string, outcome: "blocked" | "unblocked", reason: string | null) {
  const product = await findProductSeller(productId);
  if (!product) return;
  const owner = product.shop.owner;
  const t = translator(isLocale(owner.locale) ? owner.locale : "id");
  const title = t(`adminProducts.notice.${outcome}.title`);
  const body = [t(`adminProducts.notice.${outcome}.body`, { product: product.title, ...shopNameVars(product.shop.name) }), reason ? `${t("adminProducts.notice.reason")}: ${reason}` : ""]
    .filter(Boolean)
    .join("\n\n");
  await db().$transaction(async (tx) => {
    await createNotification(tx, { userId: owner.id, kind: `product.${outcome}`, title, body });
    await enqueueMail(tx, { to: owner.email, subject: title, text: `${t("mail.greeting", { name: owner.name })}\n\n${body}\n\n${t("mail.signoff")}` });
  });
}
