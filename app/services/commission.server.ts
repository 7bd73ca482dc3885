/** Admins set the commission rate per top-level category and the default rate for the rest. */
import { DomainError } from "~/domain/errors";
import { BPS } from "~/domain/ledger/release";
import { deleteCommissionRate, findCategoryParent, listCommissionRates, topLevelCategories, upsertCommissionRate } from "~/models/release.server";

/** Highest rate an admin may set: 50 % of the goods value. */
export const MAX_COMMISSION_BPS = BPS / 2;

export async function commissionSettings() {
  const [categories, rates] = await Promise.all([topLevelCategories(), listCommissionRates()]);
  const byCategory = new Map(rates.filter((r) => r.categoryId !== null).map((r) => [r.categoryId!, r.rateBps]));
  return {
    defaultBps: rates.find((r) => r.code === "default")?.rateBps ?? 0,
    categories: categories.map((c) => ({ ...c, rateBps: byCategory.get(c.id) ?? null })),
  };
}

/**
 * Sets the rate of a top-level category (null: the default rate). `rateBps` null removes a category's own rate so
 * it falls back to the default. Orders already paid keep the rate fixed on them.
 */
export async function setCommissionRate(adminId: string, categoryId: number | null, rateBps: number | null) {
  if (rateBps !== null && (!Number.isInteger(rateBps) || rateBps < 0 || rateBps > MAX_COMMISSION_BPS)) throw new DomainError("validation", "commission.rateInvalid");
  if (categoryId !== null) {
    const cat = await findCategoryParent(categoryId);
    if (!cat) throw new DomainError("not_found", "commission.categoryNotFound");
    if (cat.parentId !== null) throw new DomainError("validation", "commission.topLevelOnly");
    if (rateBps === null) {
      await deleteCommissionRate(categoryId);
      return;
    }
  } else if (rateBps === null) throw new DomainError("validation", "commission.rateInvalid");
  await upsertCommissionRate(categoryId, rateBps!, adminId);
}
