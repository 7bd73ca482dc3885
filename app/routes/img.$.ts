import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCurrentUser } from "~/infra/auth.server";
import { notFound } from "~/infra/http.server";
import { assertValidKey } from "~/infra/storage/keys.server";
import { storedImageResponse } from "~/infra/storage/storage.server";
import { findPhoto } from "~/models/product.server";
import { shopIdOfOwner } from "~/models/shop-public.server";

// Photos of products are public and their keys never change (a new photo gets a new id), so browsers and
// CDNs may keep them forever. A photo not yet attached to a product is shown only to its shop's owner (the
// product form's preview), never cached: otherwise uploads would be free public image hosting. Everything
// else in storage (KYC documents above all) is private and is only served by its own permission-checked
// route: this one answers 404 for any other prefix.
const PUBLIC_PREFIX = "products/";
const PHOTO_KEY = /^products\/[0-9a-f-]{36}\/([0-9a-f-]{36})-(small|medium|large)\.webp$/;

function isPublicPhotoKey(key: string) {
  if (!key.startsWith(PUBLIC_PREFIX)) return false;
  try {
    assertValidKey(key); // no "..", no empty segments, no driver sidecar files
    return true;
  } catch {
    return false;
  }
}

/** "public" for a photo of a product, "private" for its own shop's unattached upload, null for anyone else. */
async function visibility(request: Request, key: string): Promise<"public" | "private" | null> {
  const id = PHOTO_KEY.exec(key)?.[1];
  const photo = id ? await findPhoto(id) : null;
  if (!photo || !key.startsWith(`products/${photo.shopId}/`)) return null;
  if (photo.productId) return "public";
  const user = await getCurrentUser(request);
  return user && (await shopIdOfOwner(user.id)) === photo.shopId ? "private" : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const key = params["*"] ?? "";
  if (!isPublicPhotoKey(key)) notFound();
  const seenBy = await visibility(request, key);
  if (!seenBy) notFound();
  // Photos are stored re-encoded as WebP; anything that is not an image is not served from here.
  return storedImageResponse(key, seenBy === "public" ? "public, max-age=31536000, immutable" : "private, no-store");
}
