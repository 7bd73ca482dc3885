import { formatNumber } from "~/i18n/format";
import type { ProductStatus } from "~/domain/catalog/product";
import { DomainError } from "~/domain/errors";
import type { Locale } from "~/i18n/i18n";
import { categoryTree } from "~/models/category.server";
import { findOwnProduct } from "~/models/product.server";
import { findShopOfOwner } from "~/models/shop.server";
import { UUID_PATTERN } from "~/schemas/params";
import { PHOTO_MAX_BYTES, photoUrl } from "./catalog.server";

/** A product id from the URL that can name a product at all; anything else is a 404 before any query. */
export function isProductId(id: string): boolean {
  return UUID_PATTERN.test(id);
}

/**
 * What the product form needs: the category tree in the seller's language and, when editing, the
 * seller's own product as the form's string values. Throws not_found for another shop's product.
 */
export async function productEditorData(user: { id: string }, productId: string | undefined, locale: Locale) {
  const shop = await findShopOfOwner(user.id);
  if (!shop) throw new DomainError("not_found", "product.notFound");
  const tree = await categoryTree();
  const categories = tree.all.filter((c) => !c.retired).map((c) => ({ id: c.id, name: locale === "en" && c.nameEn ? c.nameEn : c.name, parentId: c.parentId, level: c.level }));

  let product = null;
  if (productId !== undefined) {
    const p = isProductId(productId) ? await findOwnProduct(shop.id, productId) : null;
    if (!p) throw new DomainError("not_found", "product.notFound");
    const hasVariants = Boolean(p.variantType1);
    product = {
      id: p.id,
      slug: p.slug,
      status: p.status as ProductStatus,
      blockedReason: p.blockedReason,
      version: p.updatedAt.toISOString(),
      photos: p.photos.map((ph) => ({ id: ph.id, url: photoUrl(ph.keySmall) })),
      values: {
        title: p.title,
        description: p.description,
        categoryId: String(p.categoryId),
        condition: p.condition,
        price: formatNumber(p.priceRupiah),
        stock: String(p.stock),
        sku: p.sku ?? "",
        minOrder: String(p.minOrder),
        weightGrams: String(p.weightGrams),
        lengthCm: p.lengthCm ? String(p.lengthCm) : "",
        widthCm: p.widthCm ? String(p.widthCm) : "",
        heightCm: p.heightCm ? String(p.heightCm) : "",
        photoIds: p.photos.map((ph) => ph.id).join(","),
        variantType1: p.variantType1 ?? "",
        variantType2: p.variantType2 ?? "",
        variantsJson: JSON.stringify(
          hasVariants
            ? p.variants.map((v) => ({ option1: v.option1, option2: v.option2, price: formatNumber(v.priceRupiah), stock: String(v.stock), sku: v.sku ?? "", weightGrams: String(v.weightGrams) }))
            : [],
        ),
      },
    };
  }
  return { shopStatus: shop.status, categories, product, photoMaxBytes: PHOTO_MAX_BYTES };
}

export type ProductEditorData = Awaited<ReturnType<typeof productEditorData>>;
