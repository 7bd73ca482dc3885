import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/infra/http.server";
import { assertValidKey } from "~/infra/storage/keys.server";
import { storage } from "~/infra/storage/storage.server";

// Product photos are public and their keys never change (a new photo gets a new id), so browsers and
// CDNs may keep them forever. Everything else in storage (KYC documents above all) is private and is
// only served by its own permission-checked route: this one answers 404 for any other prefix.
const PUBLIC_PREFIX = "products/";

function isPublicPhotoKey(key: string) {
  if (!key.startsWith(PUBLIC_PREFIX)) return false;
  try {
    assertValidKey(key); // no "..", no empty segments, no driver sidecar files
    return true;
  } catch {
    return false;
  }
}

export async function loader({ params }: LoaderFunctionArgs) {
  const key = params["*"] ?? "";
  if (!isPublicPhotoKey(key)) notFound();
  const object = await storage().get(key);
  // Photos are stored re-encoded as WebP; anything that is not an image is not served from here.
  if (!object || !object.contentType.startsWith("image/")) notFound();
  return new Response(new Uint8Array(object.body), {
    headers: {
      "Content-Type": object.contentType,
      "Content-Length": String(object.body.length),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
