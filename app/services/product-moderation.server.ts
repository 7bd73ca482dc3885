import { shopNameVars } from "~/domain/text";
import { localeOr, translator } from "~/i18n/i18n";
import "~/i18n/register";
import { db } from "~/infra/db.server";
import { findProductSeller, listProductsForModeration } from "~/models/category-admin.server";
import { createNotification } from "~/models/notification.server";
import { enqueueMail } from "~/models/outbox.server";
import { parseTimeIdCursor } from "~/schemas/params";
import { changeProductStatus } from "./catalog.server";

// Product moderation: the admins' queue of listed products, blocking and unblocking with the seller told why.

export const MODERATION_PAGE_SIZE = 25;
/** "all" is every product a moderator acts on: active and blocked. */
export type ModerationFilterStatus = "all" | "active" | "blocked";

/** Active and blocked products by title, most recently changed first; `after` is the cursor of the previous page. */
export async function moderationQueue(opts: { q?: string; status: ModerationFilterStatus; after?: string | null }) {
  const statuses = opts.status === "all" ? ["active", "blocked"] : [opts.status];
  const cursor = parseTimeIdCursor(opts.after);
  const after = cursor ? { updatedAt: cursor.at, id: cursor.id } : undefined;
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
  const t = translator(localeOr(owner.locale));
  const title = t(`adminProducts.notice.${outcome}.title`);
  const body = [t(`adminProducts.notice.${outcome}.body`, { product: product.title, ...shopNameVars(product.shop.name) }), reason ? `${t("adminProducts.notice.reason")}: ${reason}` : ""]
    .filter(Boolean)
    .join("\n\n");
  await db().$transaction(async (tx) => {
    await createNotification(tx, { userId: owner.id, kind: `product.${outcome}`, title, body });
    await enqueueMail(tx, { to: owner.email, subject: title, text: `${t("mail.greeting", { name: owner.name })}\n\n${body}\n\n${t("mail.signoff")}` });
  });
}
