import sharp from "sharp";
import { acceptDocumentFile, type UploadError } from "./document-file.server";

export const PHOTO_SIZES = { small: 240, medium: 600, large: 1200 } as const;
export type PhotoSize = keyof typeof PHOTO_SIZES;

/**
 * A product photo: the same byte-sniffing and re-encoding as KYC documents (so EXIF/GPS and polyglots
 * are gone), then three square-bounded WebP sizes for lists, product pages and zoom. PDFs are refused.
 */
export async function processProductPhoto(bytes: Buffer, opts: { maxBytes: number }): Promise<
  { ok: true; sha256: string; width: number; height: number; sizes: Record<PhotoSize, Buffer> } | { ok: false; error: UploadError | "upload_type" }
> {
  const accepted = await acceptDocumentFile(bytes, { maxBytes: opts.maxBytes, minWidth: 300, minHeight: 300 });
  if (!accepted.ok) return accepted;
  if (accepted.kind !== "image") return { ok: false, error: "upload_type" };
  const entries = await Promise.all(
    (Object.entries(PHOTO_SIZES) as [PhotoSize, number][]).map(async ([size, px]) => [size, await sharp(accepted.body).resize(px, px, { fit: "inside", withoutEnlargement: true }).webp({ quality: 80 }).toBuffer()] as const),
  );
  return { ok: true, sha256: accepted.sha256, width: accepted.width ?? 0, height: accepted.height ?? 0, sizes: Object.fromEntries(entries) as Record<PhotoSize, Buffer> };
}
