import { randomBytes, randomUUID } from "node:crypto";
import { checkOwnPrice } from "~/domain/dropship/pricing";
import { findListingOffer, isOpenForDropship } from "~/models/dropship.server";
import { DomainError } from "~/domain/errors";
import { listingFigures, moveProduct, type ProductMove, type ProductStatus } from "~/domain/catalog/product";
import { slugify } from "~/domain/text";
import { db } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { processProductPhoto, type PhotoSize } from "~/infra/uploads/product-photo.server";
import { storage } from "~/infra/storage/storage.server";
import { categoryTree, isLeaf } from "~/models/category.server";
import { attachPhotos, countPhotoUpload, createProduct, findOwnProduct, insertPhoto, replaceVariants, updateProduct } from "~/models/product.server";
import { findShopOfOwner } from "~/models/shop.server";
import type { ProductForm } from "~/schemas/product";
import { PHOTO_FILE_MAX_BYTES } from "~/infra/request-limits.server";

export const PHOTO_MAX_BYTES = PHOTO_FILE_MAX_BYTES;

export function photoUrl(key: string) {
  return `/img/${key}`;
}

async function sellerShop(userId: string) {
  const shop = await findShopOfOwner(userId);
  if (!shop) throw new DomainError("forbidden", "product.noShop");
  return shop;
}

/**
 * Stores a photo in three sizes before the product is saved; the form then submits its id. Only a shop that
 * may publish (approved) uploads, at most PHOTO_UPLOADS_PER_HOUR an hour: otherwise any account with a shop
 * would have free image hosting. The photo stays private until a product lists it (see routes/img.$.ts).
 */
export async function uploadProductPhoto(user: { id: string }, bytes: Buffer, opts: { now?: Date; hourlyQuota?: boolean } = {}) {
  const shop = await sellerShop(user.id);
  if (shop.status !== "approved") throw new DomainError("forbidden", "product_shop_not_approved");
  const limit = env().PHOTO_UPLOADS_PER_HOUR;
  // Only the demo seed (prisma/demo) turns the quota off: it loads a whole catalog in one go.
  if (opts.hourlyQuota !== false && (await countPhotoUpload(shop.id, opts.now ?? new Date())) > limit) {
    throw new DomainError("rate_limited", "upload_rate_limited", { limit });
  }
  const processed = await processProductPhoto(bytes, { maxBytes: PHOTO_MAX_BYTES });
  if (!processed.ok) throw new DomainError("validation", processed.error, { maxMb: PHOTO_MAX_BYTES / 1024 / 1024, minWidth: 300, minHeight: 300, maxMegapixels: 40 });
  const id = randomUUID();
  const keys = {} as Record<PhotoSize, string>;
  for (const size of ["small", "medium", "large"] as const) {
    keys[size] = `products/${shop.id}/${id}-${size}.webp`;
    await storage().put(keys[size], processed.sizes[size], "image/webp");
  }
  return insertPhoto({ id, shopId: shop.id, keySmall: keys.small, keyMedium: keys.medium, keyLarge: keys.large, width: processed.width, height: processed.height, sha256: processed.sha256 });
}

function productSlug(title: string) {
  return `${slugify(title, 60) || "produk"}-${randomBytes(3).toString("hex")}`;
}

/**
 * Creates or edits a product with its variants and photos in one transaction. "publish" also makes it
 * active, which only an approved shop may do; a failed publish still saves the draft.
 */
export async function saveProduct(user: { id: string }, form: ProductForm, productId?: string) {
  const shop = await sellerShop(user.id);
  const tree = await categoryTree();
  if (!isLeaf(tree, form.categoryId)) throw new DomainError("validation", "product.categoryLeaf");
  const existing = productId ? await findOwnProduct(shop.id, productId) : null;
  if (productId && !existing) throw new DomainError("not_found", "product.notFound");
  if (existing?.status === "blocked") throw new DomainError("conflict", "product_blocked");

  // A dropship listing: the dropshipper edits title, description and photos; its price must cover the supplier's
  // dropship price and minimum; it never holds stock nor variants of its own.
  const listing = existing ? await findListingOffer(existing.id) : null;
  if (listing) {
    if (form.variants.length) throw new DomainError("validation", "dropship.error.variantsLater");
    assertListingPrice(listing, form.price);
    form = { ...form, stock: 0 };
  }
  // A product open to dropshippers is sold by them without variants (offers and listings are per product).
  if (existing && form.variants.length && (await isOpenForDropship(existing.id))) throw new DomainError("validation", "dropship.error.variantsOpen");
  const variants = form.variants.map((v) => ({ option1: v.option1, option2: v.option2 || null, priceRupiah: v.price, stock: v.stock, sku: v.sku || null, weightGrams: v.weightGrams }));
  const figures = listingFigures({ priceRupiah: form.price, stock: form.stock, weightGrams: form.weightGrams }, variants);
  const data = {
    title: form.title,
    description: form.description,
    categoryId: form.categoryId,
    condition: form.condition,
    priceRupiah: figures.priceRupiah,
    stock: figures.stock,
    sku: form.sku || null,
    minOrder: form.minOrder,
    weightGrams: figures.weightGrams,
    lengthCm: form.lengthCm,
    widthCm: form.widthCm,
    heightCm: form.heightCm,
    variantType1: form.variantType1 || null,
    variantType2: form.variantType1 ? form.variantType2 || null : null,
    shopProvinceCode: shop.provinceCode ?? "",
  };
  return db().$transaction(async (tx) => {
    const product = existing ? await updateProduct(tx, existing.id, data) : await createProduct(tx, { ...data, shopId: shop.id, slug: productSlug(form.title), status: "draft" });
    await replaceVariants(tx, product.id, variants);
    const photoCount = await attachPhotos(tx, shop.id, product.id, form.photoIds);
    if (form.intent !== "publish" || product.status === "active") return { product, publishError: null };
    const move = moveProduct(product.status as ProductStatus, "activate", { actor: "seller", shopStatus: shop.status, photoCount });
    // The product is saved either way; a refused publish is reported, not rolled back.
    if (!move.ok) return { product, publishError: move.error };
    return { product: await updateProduct(tx, product.id, { status: "active", publishedAt: product.publishedAt ?? new Date() }), publishError: null };
  });
}

export async function changeProductStatus(actor: { id: string; isAdmin: boolean }, productId: string, move: ProductMove, reason?: string) {
  const product = await db().product.findUnique({ where: { id: productId }, include: { shop: true, _count: { select: { photos: true } } } });
  if (!product) throw new DomainError("not_found", "product.notFound");
  const asAdmin = move === "block" || move === "unblock";
  if (asAdmin ? !actor.isAdmin : product.shop.ownerId !== actor.id) throw new DomainError("forbidden", "error.403.title");
  const result = moveProduct(product.status as ProductStatus, move, { actor: asAdmin ? "admin" : "seller", shopStatus: product.shop.status, photoCount: product._count.photos, reason });
  if (!result.ok) throw new DomainError("conflict", result.error);
  return db().product.update({
    where: { id: productId },
    data: { status: result.to, blockedReason: result.to === "blocked" ? reason : null, ...(result.to === "active" && !product.publishedAt ? { publishedAt: new Date() } : {}) },
  });
}

/** Inline edit from the seller's list: price and stock of a product without variants. */
/** A dropship listing's price covers its supplier's dropship price and minimum (the product form and the quick edit). */
function assertListingPrice(listing: { offer: { dropshipPrice: number; minSellingPrice: number | null } | null }, price: number) {
  const check = listing.offer ? checkOwnPrice(price, listing.offer) : "below_cost";
  if (check !== "ok") throw new DomainError("validation", `dropship.error.${check}`);
}

export async function quickEditProduct(user: { id: string }, productId: string, input: { priceRupiah: number; stock: number }) {
  const shop = await sellerShop(user.id);
  // The list's quick edit obeys a dropship listing's rules as the product form does.
  const listing = await findListingOffer(productId);
  if (listing) {
    assertListingPrice(listing, input.priceRupiah);
    input = { ...input, stock: 0 };
  }
  const { count } = await db().product.updateMany({ where: { id: productId, shopId: shop.id, variantType1: null }, data: { priceRupiah: input.priceRupiah, stock: input.stock } });
  if (count === 0) throw new DomainError("not_found", "product.notFound");
}

