import { db } from "../../app/infra/db.server";
import { categoryTree } from "../../app/models/category.server";
import { saveProduct, uploadProductPhoto } from "../../app/services/catalog.server";
import { ensureCategoryTree } from "../../app/services/categories.server";
import { aPhoto } from "./shops";

export async function leafCategory(slug?: string) {
  await ensureCategoryTree();
  const tree = await categoryTree();
  const leaf = slug ? tree.bySlug.get(slug) : tree.all.find((c) => c.level === 3);
  if (!leaf) throw new Error(`no category ${slug}`);
  return leaf;
}

/** A product saved through the seller's own service; published unless told otherwise. */
export async function aProduct(
  owner: { id: string },
  opts: { title?: string; description?: string; category?: string; price?: number; weightGrams?: number; publish?: boolean; condition?: "new" | "used"; dims?: [number, number, number] } = {},
) {
  const category = await leafCategory(opts.category);
  // Only an approved shop may upload photos: a draft for another shop is saved without one.
  const approved = (await db().shop.findUnique({ where: { ownerId: owner.id }, select: { status: true } }))?.status === "approved";
  const photo = approved ? await uploadProductPhoto(owner, await aPhoto({ width: 600, height: 600 })) : null;
  const { product, publishError } = await saveProduct(owner, {
    title: opts.title ?? "Gamis Hitam Polos Premium",
    description: opts.description ?? "Bahan katun, adem dipakai.",
    categoryId: category.id,
    condition: opts.condition ?? "new",
    price: opts.price ?? 150000,
    stock: 10,
    sku: "",
    minOrder: 1,
    weightGrams: opts.weightGrams ?? 500,
    lengthCm: opts.dims?.[0] ?? null,
    widthCm: opts.dims?.[1] ?? null,
    heightCm: opts.dims?.[2] ?? null,
    photoIds: photo ? [photo.id] : [],
    variantType1: "",
    variantType2: "",
    variantsJson: "[]",
    variants: [],
    intent: opts.publish === false ? "draft" : "publish",
  });
  if (publishError) throw new Error(publishError);
  return db().product.findUniqueOrThrow({ where: { id: product.id } });
}
