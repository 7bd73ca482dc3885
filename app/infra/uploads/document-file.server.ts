/**
 * The one check every uploaded document goes through (KYC documents now, product photos later).
 *
 * - The type is decided by the BYTES (file-type's magic-number sniffing), never by the file name or the
 *   MIME type the browser sent. Allowed: JPEG, PNG, WebP, HEIC/HEIF, PDF. Everything else is rejected,
 *   including SVG (file-type does not recognise it, and sharp WOULD render it, scripts and external
 *   references included, so it must never reach sharp).
 * - Images are decoded and RE-ENCODED: the stored file contains pixels only. EXIF (GPS position, device
 *   serials), XMP and IPTC are dropped (sharp strips metadata unless told to keep it), the EXIF
 *   orientation is applied to the pixels, and anything smuggled after or inside the image (a polyglot
 *   JPEG+HTML/ZIP) is gone.
 * - PDFs cannot be re-encoded here: they are kept byte for byte, after a structural sanity check and a
 *   scan for active content (JavaScript, launch actions, embedded files). That scan is a filter, not a
 *   proof: stored PDFs must still be served as attachments / with `X-Content-Type-Options: nosniff`
 *   and the returned content type, never inline from the app's origin.
 */
import { createHash } from "node:crypto";
import { inflateRawSync, inflateSync } from "node:zlib";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";

export const UPLOAD_ERROR_CODES = [
  "upload_too_large",
  "upload_empty",
  "upload_type",
  "upload_corrupt",
  "upload_too_small_resolution",
  "upload_resolution_too_large",
  "upload_heic_unsupported",
  "upload_pdf_invalid",
  // Not about the file itself: the shop sent more product photos this hour than PHOTO_UPLOADS_PER_HOUR.
  "upload_rate_limited",
] as const;
export type UploadError = (typeof UPLOAD_ERROR_CODES)[number];

/** Pixel-flood guard: images whose header announces more pixels are not decoded. */
export const MAX_INPUT_PIXELS = 40_000_000;
/** Stored images are downscaled to at most this many pixels on their long side. */
export const MAX_LONG_SIDE = 2400;
/** A decode that takes longer than this is abandoned (hostile or absurd input). */
const DECODE_TIMEOUT_SECONDS = 30;

export interface AcceptDocumentOptions {
  maxBytes: number;
  minWidth: number;
  minHeight: number;
  /**
   * Output encoding for images. Documents use JPEG (reviewers zoom into text; every viewer opens it);
   * WebP is there for product photos. Default "jpeg".
   */
  imageFormat?: "jpeg" | "webp";
}

export type AcceptedDocument = {
  ok: true;
  kind: "image" | "pdf";
  contentType: "image/webp" | "image/jpeg" | "application/pdf";
  extension: "webp" | "jpg" | "pdf";
  /** What to store: the re-encoded image, or the PDF exactly as uploaded. */
  body: Buffer;
  /** Of the stored image (after orientation and downscaling); absent for PDFs. */
  width?: number;
  height?: number;
  /** Hex SHA-256 of the ORIGINAL uploaded bytes. */
  sha256: string;
};

export type AcceptDocumentResult = AcceptedDocument | { ok: false; error: UploadError };

/** file-type MIME → the format name sharp reports for the same bytes (checked again after sniffing). */
const IMAGE_TYPES: Record<string, "jpeg" | "png" | "webp" | "heif"> = {
  "image/jpeg": "jpeg",
  "image/png": "png",
  "image/webp": "webp",
  "image/heic": "heif",
  "image/heif": "heif",
  // file-type's names for multi-image HEIF (burst / live photo containers); sharp decodes the primary image.
  "image/heic-sequence": "heif",
  "image/heif-sequence": "heif",
};

export async function acceptDocumentFile(bytes: Buffer, opts: AcceptDocumentOptions): Promise<AcceptDocumentResult> {
  if (bytes.length === 0) return fail("upload_empty");
  if (bytes.length > opts.maxBytes) return fail("upload_too_large");

  // Hash of the bytes the seller sent, not of our re-encoded output: the re-encode would be stable too,
  // but the original bytes are exactly what a fraudster re-submits (the same scan reused for another
  // shop), and they also match what the seller still has on their phone if support needs to compare.
  const sha256 = createHash("sha256").update(bytes).digest("hex");

  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) return fail("upload_type"); // SVG, HTML, text, unknown binaries.

  if (detected.mime === "application/pdf") {
    const problem = checkPdf(bytes);
    if (problem) return fail(problem);
    return { ok: true, kind: "pdf", contentType: "application/pdf", extension: "pdf", body: bytes, sha256 };
  }

  const expectedFormat = IMAGE_TYPES[detected.mime];
  if (!expectedFormat) return fail("upload_type"); // GIF, executables, archives, AVIF, video…
  return reencodeImage(bytes, expectedFormat, opts, sha256);
}

async function reencodeImage(
  bytes: Buffer,
  expectedFormat: "jpeg" | "png" | "webp" | "heif",
  opts: AcceptDocumentOptions,
  sha256: string,
): Promise<AcceptDocumentResult> {
  // failOn "error": a truncated or damaged image is rejected instead of being decoded partly (grey
  // bottom half). "warning" would be stricter still and also rejects files that only carry harmless
  // libjpeg warnings (common from some phone firmwares and scanner apps).
  const input = () => sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" });

  let header: sharp.Metadata;
  try {
    header = await input().metadata(); // Header only: does not decode the pixels.
  } catch (error) {
    // sharp already enforces limitInputPixels when reading the header.
    return fail(exceedsPixelLimit(error) ? "upload_resolution_too_large" : "upload_corrupt");
  }
  // file-type and libvips sniff independently; insist they agree, so that what was allowed is what is decoded.
  if (header.format !== expectedFormat) return fail("upload_type");
  if (!header.width || !header.height) return fail("upload_corrupt");
  if (header.width * header.height > MAX_INPUT_PIXELS) return fail("upload_resolution_too_large");

  // Orientation does not matter: a landscape KTP photographed in portrait still has the same sides.
  const long = Math.max(header.width, header.height);
  const short = Math.min(header.width, header.height);
  if (long < Math.max(opts.minWidth, opts.minHeight) || short < Math.min(opts.minWidth, opts.minHeight)) {
    return fail("upload_too_small_resolution");
  }

  const webp = opts.imageFormat === "webp";
  try {
    let pipeline = input()
      .timeout({ seconds: DECODE_TIMEOUT_SECONDS })
      .rotate() // Applies the EXIF orientation to the pixels; the tag itself is not written out.
      .resize({ width: MAX_LONG_SIDE, height: MAX_LONG_SIDE, fit: "inside", withoutEnlargement: true });
    // JPEG has no alpha: put transparent screenshots/PNGs on white, not on the default black.
    pipeline = webp ? pipeline.webp({ quality: 85 }) : pipeline.flatten({ background: "#ffffff" }).jpeg({ quality: 85 });
    // No withMetadata()/keepExif(): sharp writes no EXIF (GPS, camera serial), XMP or IPTC by default,
    // and converts the pixels to sRGB (CMYK scans included).
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return {
      ok: true,
      kind: "image",
      contentType: webp ? "image/webp" : "image/jpeg",
      extension: webp ? "webp" : "jpg",
      body: data,
      width: info.width,
      height: info.height,
      sha256,
    };
  } catch (error) {
    // Prebuilt sharp ships libheif with the AV1 decoder only: HEVC-coded HEIC (iPhone photos) fails
    // here with "Support for this compression format has not been built in".
    // (The header, read above, parses fine: sharp reports format "heif", compression "hevc".)
    if (expectedFormat === "heif" && isMissingCodec(error)) return fail("upload_heic_unsupported");
    if (exceedsPixelLimit(error)) return fail("upload_resolution_too_large");
    return fail("upload_corrupt");
  }
}

function exceedsPixelLimit(error: unknown): boolean {
  return error instanceof Error && /pixel limit/i.test(error.message);
}

function isMissingCodec(error: unknown): boolean {
  return error instanceof Error && /not been built in|unsupported (codec|compression)|no decoder/i.test(error.message);
}

// ---------------------------------------------------------------------------------------------------
// PDF

/** Names that make a PDF do something when opened (or carry other files). `/EmbeddedFile` also matches `/EmbeddedFiles`. */
const ACTIVE_PDF_NAME = /\/(?:JavaScript|JS|Launch|EmbeddedFiles?)(?=[\s()<>[\]{}/%]|$)/;
/**
 * Object streams are inflated and scanned too, since a dictionary inside one is invisible in the raw
 * bytes. Budget for all of them together (against deflate bombs); a PDF that needs more is refused.
 */
const MAX_INFLATED_OBJECT_STREAM_BYTES = 32 * 1024 * 1024;

function checkPdf(bytes: Buffer): "upload_pdf_invalid" | null {
  if (!bytes.subarray(0, 8).toString("latin1").startsWith("%PDF-")) return "upload_pdf_invalid";
  // Readers accept %%EOF within the last 1024 bytes (trailing whitespace/garbage from some generators).
  if (!bytes.subarray(Math.max(0, bytes.length - 1024)).includes("%%EOF")) return "upload_pdf_invalid";

  const text = bytes.toString("latin1");
  if (containsActiveName(text)) return "upload_pdf_invalid";

  let budget = MAX_INFLATED_OBJECT_STREAM_BYTES;
  for (const { filter, data } of objectStreams(text, bytes)) {
    // Compressed objects we cannot read (other filters, encryption, damage, over budget): cannot vouch for them.
    const decoded = filter === undefined ? data : filter === "/FlateDecode" ? inflate(data, budget) : null;
    if (decoded === null) return "upload_pdf_invalid";
    budget -= decoded.length;
    if (containsActiveName(decoded.toString("latin1"))) return "upload_pdf_invalid";
  }
  return null;
}

/** `/J#61vaScript` is the same name as `/JavaScript`: decode #xx escapes in names before matching. */
function containsActiveName(text: string): boolean {
  const normalised = text.replace(/\/[^\s()<>[\]{}/%]*/g, (name) =>
    name.includes("#") ? name.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : name,
  );
  return ACTIVE_PDF_NAME.test(normalised);
}

/**
 * The raw data and filter of every object stream (PDF 1.5 compressed objects). An object stream is recognised by `/Type /ObjStm`, or by `/N` + `/First` since some
 * readers locate them through the xref stream without looking at /Type.
 */
function* objectStreams(text: string, bytes: Buffer): Generator<{ filter: string | undefined; data: Buffer }> {
  const streamKeyword = /\bstream(?:\r\n|\n|\r)/g;
  let lastEnd = 0;
  for (let match = streamKeyword.exec(text); match; match = streamKeyword.exec(text)) {
    const dataStart = match.index + match[0].length;
    const objStart = text.lastIndexOf(" obj", match.index);
    const dict = text.slice(Math.max(objStart, lastEnd, 0), match.index);
    const names = dict.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    const isObjectStream = /\/Type\s*\/ObjStm\b/.test(names) || (/\/First\s/.test(names) && /\/N\s/.test(names));

    const direct = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(names);
    let dataEnd = direct ? dataStart + Number(direct[1]) : text.indexOf("endstream", dataStart);
    if (dataEnd < dataStart || dataEnd > bytes.length) dataEnd = text.indexOf("endstream", dataStart);
    if (dataEnd < 0) dataEnd = bytes.length;
    lastEnd = dataEnd;
    streamKeyword.lastIndex = dataEnd;
    if (!isObjectStream) continue;

    const filter = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(names)?.[1]?.replace(/[[\]\s]/g, "");
    yield { filter, data: bytes.subarray(dataStart, dataEnd) };
  }
}

function inflate(data: Buffer, maxOutputLength: number): Buffer | null {
  if (maxOutputLength <= 0) return null;
  for (const decode of [inflateSync, inflateRawSync]) {
    try {
      return decode(data, { maxOutputLength });
    } catch {
      // Try the next variant; some writers omit the zlib header.
    }
  }
  return null;
}

function fail(error: UploadError): { ok: false; error: UploadError } {
  return { ok: false, error };
}
