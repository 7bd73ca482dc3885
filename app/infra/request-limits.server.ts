// Every request body limit in one table. The HTTP front (app/cli/server.ts) enforces them while the body
// streams, before Remix reads it: over a cap, the client gets 413 at once and nothing past the cap is kept.
// The upload routes' own checks (file type, pixels, CSV rows) read their byte caps from here too.

const KB = 1024;
const MB = 1024 * KB;
const megabytes = (name: string, fallback: number) => Number(process.env[name] ?? fallback) * MB;

export const KYC_FILE_MAX_BYTES = megabytes("KYC_MAX_UPLOAD_MB", 10);
export const PHOTO_FILE_MAX_BYTES = megabytes("PHOTO_MAX_UPLOAD_MB", 10);
export const CSV_FILE_MAX_BYTES = 1 * MB;

export interface MultipartLimit {
  /** Whole body, all parts and multipart framing together. */
  totalBytes: number;
  /** Parts of any kind (text fields and files). */
  parts: number;
  files: number;
  fileBytes: number;
  /** One text field's value. */
  fieldBytes: number;
  /** The route answers JSON (XHR uploads), so its 413 is JSON too. */
  json?: boolean;
}

/** url-encoded forms, JSON and any other body that is not multipart. */
export const FORM_MAX_BYTES = 64 * KB;

/** multipart on any route not listed below: text fields only. */
export const MULTIPART_DEFAULT: MultipartLimit = { totalBytes: 1 * MB, parts: 50, files: 0, fileBytes: 0, fieldBytes: 64 * KB };

// Framing and the small text fields beside the file (kind, intent, csrf...).
const SLACK = 64 * KB;

/** Upload routes by exact path. */
export const UPLOAD_ROUTES: Record<string, MultipartLimit> = {
  // KYC document: `kind` + one `file`.
  "/seller/documents": { totalBytes: KYC_FILE_MAX_BYTES + SLACK, parts: 4, files: 1, fileBytes: KYC_FILE_MAX_BYTES, fieldBytes: 1 * KB, json: true },
  // Product photo: one `file`.
  "/seller/products/photos": { totalBytes: PHOTO_FILE_MAX_BYTES + SLACK, parts: 4, files: 1, fileBytes: PHOTO_FILE_MAX_BYTES, fieldBytes: 1 * KB, json: true },
  // Complaint photo (buyer, `?pesanan=` names the order): one `file`.
  "/komplain/foto": { totalBytes: PHOTO_FILE_MAX_BYTES + SLACK, parts: 4, files: 1, fileBytes: PHOTO_FILE_MAX_BYTES, fieldBytes: 1 * KB, json: true },
  // CSV import: `file` on preview; on save the same CSV comes back as the text field `csv`.
  "/seller/products/import": { totalBytes: 2 * CSV_FILE_MAX_BYTES + SLACK, parts: 4, files: 1, fileBytes: CSV_FILE_MAX_BYTES, fieldBytes: CSV_FILE_MAX_BYTES },
};

export type BodyLimit = { kind: "form"; totalBytes: number } | ({ kind: "multipart" } & MultipartLimit);

export function bodyLimitFor(path: string, contentType: string | undefined): BodyLimit {
  if (/^multipart\/form-data\b/i.test(contentType ?? "")) return { kind: "multipart", ...(UPLOAD_ROUTES[path.replace(/\/+$/, "") || "/"] ?? MULTIPART_DEFAULT) };
  return { kind: "form", totalBytes: FORM_MAX_BYTES };
}
