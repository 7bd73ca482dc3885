import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { PRODUCT_LIMITS } from "~/domain/catalog/product";
import { DomainError } from "~/domain/errors";
import { findRegency } from "~/domain/regions/data";
import { getCurrentUser } from "~/infra/auth.server";
import { shopIdOfOwner } from "~/models/shop-public.server";
import { SlugParams } from "~/schemas/params";
import { productPage, shippingEstimate } from "~/services/browse.server";

const OngkirQuerySchema = z.object({
  kota: z.string().regex(/^\d{4}$/).refine((code) => Boolean(findRegency(code))),
  berat: z.coerce.number().int().min(PRODUCT_LIMITS.weightMin).max(PRODUCT_LIMITS.weightMax).optional(),
  jumlah: z.coerce.number().int().min(1).max(PRODUCT_LIMITS.stockMax).default(1),
});

// Errors are returned, not thrown: a thrown Response would replace the product page with the error
// page, while the estimate box should just say it cannot estimate.
function failure(error: string, status: number) {
  return Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });
}

/** GET ?kota=<regency>&berat=<grams of the chosen variant>&jumlah=<qty> → { destination, quotes }. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const parsed = OngkirQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return failure("shipping_input_invalid", 400);
  const slug = SlugParams.safeParse(params);
  if (!slug.success) return failure("not_found", 404);
  const user = await getCurrentUser(request);
  const product = await productPage(slug.data.slug, { shopOwnerOf: user?.shopStatus ? await shopIdOfOwner(user.id) : null, isAdmin: user?.isAdmin });
  if (!product) return failure("not_found", 404);
  // The weight must be the product's or one of its variants': this estimates this product, not any parcel.
  const weightGrams = parsed.data.berat ?? product.weightGrams;
  if (weightGrams !== product.weightGrams && !product.variants.some((v) => v.weightGrams === weightGrams)) return failure("shipping_input_invalid", 400);
  try {
    const estimate = await shippingEstimate(product, { regencyCode: parsed.data.kota }, { weightGrams, quantity: parsed.data.jumlah });
    if (!estimate) return failure("shipping_origin_unknown", 422);
    return Response.json(estimate, { headers: { "Cache-Control": "private, max-age=300" } });
  } catch (error) {
    if (error instanceof DomainError && error.code === "validation") return failure(error.messageKey, 400);
    throw error;
  }
}
