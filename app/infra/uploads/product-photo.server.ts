import sharp from "sharp";
import { acceptDocumentFile, type UploadError } from "./document-file.server";

export const PHOTO_SIZES = { small: 240, medium: 600, large: 1200 } as const;
export type PhotoSize = keyof typeof PHOTO_SIZES;

/** Complaint photos: a thumbnail for the order page and one large enough to see a scratch or a torn seam. */
export const COMPLAINT_PHOTO_SIZES = { small: 240, large: 1600 } as const;
export type ComplaintPhotoSize = keyof typeof COMPLAINT_PHOTO_SIZES;

type Processed<S extends string> = { ok: true; sha256: string; width: number; height: number; sizes: Record<S, Buffer> } | { ok: false; error: UploadError | "upload_type" };

/**
 * A photo (of a product, of a complaint): the same byte-sniffing and re-encoding as KYC documents (so EXIF/GPS
 * and polyglots are gone), then one square-bounded WebP per size. PDFs are refused.
 */
export async function processPhoto<S extends string>(bytes: Buffer, opts: { maxBytes: number; sizes: Record<S, number> }): Promise<Processed<S>> {
  const accepted = await acceptDocumentFile(bytes, { maxBytes: opts.maxBytes, minWidth: 300, minHeight: 300 });
  if (!accepted.ok) return accepted;
  if (accepted.kind !== "image") return { ok: false, error: "upload_type" };
  const entries = await Promise.all(
    (Object.entries(opts.sizes) as [S, number][]).map(async ([size, px]) => [size, await sharp(accepted.body).resize(px, px, { fit: "inside", withoutEnlargement: true }).webp({ quality: 80 }).toBuffer()] as const),
  );
  return { ok: true, sha256: accepted.sha256, width: accepted.width ?? 0, height: accepted.height ?? 0, sizes: Object.fromEntries(entries) as Record<S, Buffer> };
}

/** A product photo in three sizes for lists, product pages and zoom. */
export function processProductPhoto(bytes: Buffer, opts: { maxBytes: number }) {
  return processPhoto(bytes, { maxBytes: opts.maxBytes, sizes: PHOTO_SIZES });
}
