/**
 * Pure helpers for the KYC document upload and viewer components: no DOM, no window, so they run in
 * the node unit tests and on the server. The browser-only work (decoding, canvas, XHR) lives in
 * document-upload.tsx and only runs in event handlers.
 */

export type DocumentKind = "ktp" | "selfie" | "npwp" | "bank_book";
/** What the upload field sends as `kind`: a wizard document, or the new bank book of a payout account change. */
export type UploadKind = DocumentKind | "bank_book_change";

/** What the upload route answers on success (`{ ok: true, document }`). */
export interface UploadedDocument {
  id: string;
  kind: UploadKind;
  version: number;
  url: string;
  contentType: string;
}

/** The `accept` list of the file input: no `capture`, so phones offer camera, gallery and files. */
// HEIC is left out on purpose: iOS Safari then converts iPhone photos to JPEG before upload, and the
// server cannot decode HEVC-coded HEIC (see app/infra/uploads/document-file.server.ts).
export const DOCUMENT_ACCEPT = "image/jpeg,image/png,image/webp,application/pdf";

/** Photos are scaled down in the browser to this long side (px) before upload. */
export const DOWNSCALE_MAX_LONG_SIDE = 2000;
/** ...or re-encoded when the file is bigger than this, even if its long side is already small enough. */
export const DOWNSCALE_TRIGGER_BYTES = 1.5 * 1024 * 1024;
export const DOWNSCALE_JPEG_QUALITY = 0.85;

/** i18n keys of the errors the upload component produces itself (server errors bring their own key). */
export const UPLOAD_ERROR_KEYS = {
  type: "kycUi.upload.errorType",
  empty: "kycUi.upload.errorEmpty",
  tooLarge: "kycUi.upload.errorTooLarge",
  network: "kycUi.upload.errorNetwork",
  server: "kycUi.upload.errorServer",
  session: "kycUi.upload.errorSession",
  rateLimited: "kycUi.upload.errorRateLimited",
} as const;

/**
 * raster: JPEG/PNG/WebP, which the browser can decode and scale down;
 * heic: HEIC/HEIF, uploaded as they are; pdf: uploaded as it is; null: not accepted.
 */
export type FileCategory = "raster" | "heic" | "pdf";

const BY_TYPE: Record<string, FileCategory> = {
  "image/jpeg": "raster",
  "image/jpg": "raster",
  "image/pjpeg": "raster",
  "image/png": "raster",
  "image/webp": "raster",
  "image/heic": "heic",
  "image/heif": "heic",
  "image/heic-sequence": "heic",
  "image/heif-sequence": "heic",
  "application/pdf": "pdf",
};

const BY_EXTENSION: Record<string, FileCategory> = {
  jpg: "raster",
  jpeg: "raster",
  jfif: "raster",
  png: "raster",
  webp: "raster",
  heic: "heic",
  heif: "heic",
  pdf: "pdf",
};

/**
 * Sorts a picked file by its MIME type; when the browser gives none (or a generic one, as some Android
 * file pickers do for HEIC), by its extension. The server checks the real bytes anyway.
 */
export function classifyFile(type: string, name: string): FileCategory | null {
  const mime = type.trim().toLowerCase();
  if (mime && mime !== "application/octet-stream") return BY_TYPE[mime] ?? null;
  const ext = /\.([a-z0-9]+)$/i.exec(name.trim())?.[1]?.toLowerCase();
  return ext ? (BY_EXTENSION[ext] ?? null) : null;
}

/** True when a decoded raster photo should be scaled down / re-encoded before upload. */
export function shouldDownscale(width: number, height: number, bytes: number, maxLong = DOWNSCALE_MAX_LONG_SIDE, triggerBytes = DOWNSCALE_TRIGGER_BYTES): boolean {
  return Math.max(width, height) > maxLong || bytes > triggerBytes;
}

/**
 * The size that fits `maxLong` on the long side, keeping the aspect ratio (whole pixels, at least 1).
 * An image already small enough keeps its size.
 */
export function computeDownscaleSize(width: number, height: number, maxLong: number): { width: number; height: number } {
  if (!(width > 0 && height > 0 && maxLong > 0) || !Number.isFinite(width) || !Number.isFinite(height) || !Number.isFinite(maxLong)) {
    throw new RangeError(`Invalid image size ${width}x${height} or limit ${maxLong}`);
  }
  const long = Math.max(width, height);
  if (long <= maxLong) return { width: Math.round(width), height: Math.round(height) };
  const ratio = maxLong / long;
  return {
    width: width >= height ? Math.round(maxLong) : Math.max(1, Math.round(width * ratio)),
    height: height > width ? Math.round(maxLong) : Math.max(1, Math.round(height * ratio)),
  };
}

/** "IMG_0012.PNG" → "IMG_0012.jpg": the re-encoded file keeps its name, with the extension of its new type. */
export function jpegFileName(name: string): string {
  const base = name.trim().replace(/\.[a-z0-9]{1,5}$/i, "");
  return `${base || "foto"}.jpg`;
}

/** Upload progress as a whole percentage 0–100 (floored, so 100 only when everything is sent); null when unknown. */
export function progressPercent(loaded: number, total: number): number | null {
  if (!(total > 0) || !Number.isFinite(total) || !Number.isFinite(loaded)) return null;
  return Math.min(100, Math.max(0, Math.floor((loaded / total) * 100)));
}

const kilo = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 });
const mega = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1 });

/**
 * Bytes → "850 KB" / "1,5 MB" (binary units, id-ID decimal comma like every number in the app).
 * Units are symbols, the same in both languages.
 */
export function formatFileSize(bytes: number): string {
  const b = Math.max(0, bytes);
  if (b < 1024 * 1024) return `${kilo.format(Math.max(1, Math.round(b / 1024)))} KB`;
  return `${mega.format(b / (1024 * 1024))} MB`;
}

/** Only URLs that are safe in `src`/`href`: http(s), same-site paths, blob: previews. */
export function isSafeDocumentUrl(url: string): boolean {
  const u = url.trim();
  if (u.startsWith("/") && !u.startsWith("//")) return true;
  return /^(https?:|blob:)/i.test(u);
}

export function isPdfType(contentType: string): boolean {
  return contentType.trim().toLowerCase().split(";")[0] === "application/pdf";
}

export type UploadOutcome = { ok: true; document: UploadedDocument } | { ok: false; error: string; vars?: Record<string, string | number> };

const KINDS: readonly string[] = ["ktp", "selfie", "npwp", "bank_book", "bank_book_change"] satisfies readonly UploadKind[];

function isDocument(value: unknown): value is UploadedDocument {
  if (!value || typeof value !== "object") return false;
  const d = value as Record<string, unknown>;
  return (
    typeof d.id === "string" &&
    d.id.length > 0 &&
    typeof d.kind === "string" &&
    KINDS.includes(d.kind) &&
    typeof d.version === "number" &&
    Number.isFinite(d.version) &&
    typeof d.url === "string" &&
    isSafeDocumentUrl(d.url) &&
    typeof d.contentType === "string"
  );
}

function cleanVars(value: unknown): Record<string, string | number> | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === "string" || typeof v === "number") out[k] = v;
  return Object.keys(out).length ? out : undefined;
}

/**
 * Reads the upload route's answer. Contract: 200 `{ ok: true, document }`; 4xx `{ ok: false, error:
 * "<i18n key>", vars? }`. Anything else (5xx, HTML, a login page after a redirect...) becomes a generic
 * error key of ours. Status 0 is a network failure.
 */
export function parseUploadResponse(status: number, body: string): UploadOutcome {
  if (status === 0) return { ok: false, error: UPLOAD_ERROR_KEYS.network };
  let json: unknown = null;
  try {
    json = body ? JSON.parse(body) : null;
  } catch {
    json = null;
  }
  const obj = json && typeof json === "object" ? (json as Record<string, unknown>) : null;
  if (status >= 200 && status < 300) {
    if (obj?.ok === true && isDocument(obj.document)) {
      const d = obj.document;
      return { ok: true, document: { id: d.id, kind: d.kind, version: d.version, url: d.url, contentType: d.contentType } };
    }
    return { ok: false, error: UPLOAD_ERROR_KEYS.server };
  }
  if (status >= 400 && status < 500) {
    if (obj?.ok === false && typeof obj.error === "string" && /^[\w.-]{1,120}$/.test(obj.error)) {
      const vars = cleanVars(obj.vars);
      return vars ? { ok: false, error: obj.error, vars } : { ok: false, error: obj.error };
    }
    if (status === 413) return { ok: false, error: UPLOAD_ERROR_KEYS.tooLarge };
    if (status === 401 || status === 403) return { ok: false, error: UPLOAD_ERROR_KEYS.session };
    if (status === 429) return { ok: false, error: UPLOAD_ERROR_KEYS.rateLimited };
  }
  return { ok: false, error: UPLOAD_ERROR_KEYS.server };
}

// ---------------------------------------------------------------------------------------------------
// Document viewer: zoom ladder, rotation and the layout box that makes a zoomed image scrollable.

export const ZOOM_LEVELS = [0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3, 4, 5] as const;
export const ZOOM_MIN = ZOOM_LEVELS[0];
export const ZOOM_MAX = ZOOM_LEVELS[ZOOM_LEVELS.length - 1];

/** The next zoom level up (+1) or down (-1) the ladder, from any current value; stays within the ends. */
export function stepZoom(current: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_LEVELS.find((z) => z > current + 1e-9) ?? ZOOM_MAX;
  for (let i = ZOOM_LEVELS.length - 1; i >= 0; i--) if (ZOOM_LEVELS[i] < current - 1e-9) return ZOOM_LEVELS[i];
  return ZOOM_MIN;
}

/** Rotation in quarter turns, normalised to 0, 90, 180 or 270 degrees. */
export function rotateBy(rotation: number, delta: number): number {
  const r = Math.round((rotation + delta) / 90) * 90;
  return ((r % 360) + 360) % 360;
}

/**
 * Where the image goes in the viewer. The image keeps a fitted layout size (`imgWidth`×`imgHeight`) and
 * is zoomed and rotated with a CSS transform around its centre; since transforms don't take up layout
 * space, it sits in a box sized to the transformed bounding box (`boxWidth`×`boxHeight`), which is what
 * the frame scrolls. At zoom 1 the whole (rotated) image fits the frame; small images are not enlarged.
 */
export function viewerLayout(
  natural: { width: number; height: number },
  frame: { width: number; height: number },
  rotation: number,
  zoom: number,
): { imgWidth: number; imgHeight: number; boxWidth: number; boxHeight: number } {
  const quarter = rotateBy(rotation, 0) % 180 !== 0;
  const rotatedW = quarter ? natural.height : natural.width;
  const rotatedH = quarter ? natural.width : natural.height;
  const fit = rotatedW > 0 && rotatedH > 0 ? Math.min(1, frame.width / rotatedW, frame.height / rotatedH) : 1;
  const imgWidth = natural.width * fit;
  const imgHeight = natural.height * fit;
  return {
    imgWidth,
    imgHeight,
    boxWidth: (quarter ? imgHeight : imgWidth) * zoom,
    boxHeight: (quarter ? imgWidth : imgHeight) * zoom,
  };
}
