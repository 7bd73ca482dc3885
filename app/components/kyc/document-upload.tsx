import { type ChangeEvent, useEffect, useId, useRef, useState } from "react";
import type { Translate, Vars } from "~/i18n/i18n";
import { NeedsJavaScript, useHydrated } from "../forms/needs-javascript";
import { useT } from "../i18n";
import {
  classifyFile,
  computeDownscaleSize,
  DOCUMENT_ACCEPT,
  DOWNSCALE_JPEG_QUALITY,
  DOWNSCALE_MAX_LONG_SIDE,
  type FileCategory,
  formatFileSize,
  isPdfType,
  jpegFileName,
  parseUploadResponse,
  progressPercent,
  shouldDownscale,
  UPLOAD_ERROR_KEYS,
  type UploadedDocument,
  type UploadKind,
} from "./downscale";

export type { DocumentKind, UploadedDocument } from "./downscale";

export interface DocumentUploadProps {
  kind: UploadKind;
  label: string;
  hint?: string;
  uploadUrl: string;
  current?: { id: string; url: string; contentType: string; version: number } | null;
  disabled?: boolean;
  onUploaded?: (doc: UploadedDocument) => void;
  maxBytes: number;
  /**
   * The hidden input carrying the saved document's id (default `<kind>DocumentId`); null when the surrounding form
   * keeps the id itself (react-hook-form's registerHidden, set from onUploaded).
   */
  hiddenInputName?: string | null;
  /** An i18n key from the surrounding form's check (e.g. "no photo yet"), shown where the upload's own errors are. */
  error?: string;
}

type Status = "idle" | "preparing" | "uploading" | "error" | "success";

interface Picked {
  /** The file that is (or will be) sent: the downscaled JPEG, or the original. Kept for "Coba lagi". */
  file: File;
  category: FileCategory;
  /** Object URL of the original for the immediate preview (images only); revoked when replaced. */
  previewUrl: string | null;
}

interface UploadError {
  key: string;
  vars?: Vars;
  /** Upload failures can be re-sent as they are; a wrong type or a too-large file needs another pick. */
  retryable: boolean;
}

/**
 * One KYC document field: pick a photo or PDF, scale big photos down in the browser, upload it with
 * progress, and put the saved document's id in a hidden input for the surrounding form.
 *
 * Progressive enhancement note: this field only works with JavaScript (the file is sent by XHR to
 * `uploadUrl`, the file input has no `name`). Without JS the page still renders and the hidden input
 * still carries `current.id`, so the surrounding form submits whatever was uploaded before. The
 * component never submits or resets the surrounding form: every button here is `type="button"`.
 * Browser APIs are touched only inside event handlers and effects, so server rendering is safe.
 */
export function DocumentUpload({ kind, label, hint, uploadUrl, current, disabled = false, onUploaded, maxBytes, hiddenInputName, error: formError }: DocumentUploadProps) {
  const hydrated = useHydrated();
  const t = useT();
  const id = useId();
  const inputId = `${id}-file`;
  const labelId = `${id}-label`;
  const pickLabelId = `${id}-pick`;
  const hintId = `${id}-hint`;
  const formatsId = `${id}-formats`;
  const statusId = `${id}-status`;
  const errorId = `${id}-error`;

  const [status, setStatus] = useState<Status>("idle");
  const [picked, setPicked] = useState<Picked | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<UploadError | null>(null);
  const [saved, setSaved] = useState<UploadedDocument | null>(null);
  const [previewBroken, setPreviewBroken] = useState(false);

  const xhrRef = useRef<XMLHttpRequest | null>(null);
  const pickSeq = useRef(0);
  const onUploadedRef = useRef(onUploaded);
  onUploadedRef.current = onUploaded;

  // Free the local preview when it is replaced or the field goes away.
  const previewUrl = picked?.previewUrl ?? null;
  useEffect(() => {
    return () => {
      if (previewUrl) URL.revokeObjectURL(previewUrl);
    };
  }, [previewUrl]);

  // Leaving the page mid-upload cancels the request.
  useEffect(() => {
    return () => {
      xhrRef.current?.abort();
      xhrRef.current = null;
    };
  }, []);

  const busy = status === "preparing" || status === "uploading";

  function upload(file: File) {
    xhrRef.current?.abort();
    const xhr = new XMLHttpRequest();
    xhrRef.current = xhr;
    setStatus("uploading");
    setPercent(0);
    setError(null);

    const isCurrent = () => xhrRef.current === xhr;
    // A refused file (wrong type, too small) fails again if re-sent: only network and server trouble is retryable.
    const fail = (key: string, vars?: Vars, retryable = true) => {
      if (!isCurrent()) return;
      xhrRef.current = null;
      setStatus("error");
      setPercent(null);
      setError({ key, vars, retryable });
    };

    xhr.upload.addEventListener("progress", (event) => {
      if (!isCurrent()) return;
      const next = event.lengthComputable ? progressPercent(event.loaded, event.total) : null;
      setPercent((prev) => (prev === next ? prev : next));
    });
    xhr.addEventListener("load", () => {
      if (!isCurrent()) return;
      const outcome = parseUploadResponse(xhr.status, xhr.responseText);
      if (!outcome.ok) return fail(outcome.error, outcome.vars, xhr.status >= 500 || xhr.status === 429 || xhr.status === 0);
      xhrRef.current = null;
      setSaved(outcome.document);
      setPicked(null);
      setPreviewBroken(false);
      setPercent(null);
      setError(null);
      setStatus("success");
      onUploadedRef.current?.(outcome.document);
    });
    xhr.addEventListener("error", () => fail(UPLOAD_ERROR_KEYS.network));
    xhr.addEventListener("timeout", () => fail(UPLOAD_ERROR_KEYS.network));

    const body = new FormData();
    body.append("kind", kind);
    body.append("file", file, file.name);
    xhr.open("POST", uploadUrl);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.send(body);
  }

  async function handleChange(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const original = input.files?.[0];
    // Cleared so that picking the same file again fires a change; the input has no name, so this
    // touches nothing the surrounding form submits.
    input.value = "";
    if (!original) return; // the picker was cancelled: keep whatever was there

    const seq = ++pickSeq.current;
    xhrRef.current?.abort();
    xhrRef.current = null;
    setError(null);
    setPercent(null);
    setPreviewBroken(false);

    const category = classifyFile(original.type, original.name);
    if (!category) {
      setPicked(null);
      setStatus("error");
      setError({ key: UPLOAD_ERROR_KEYS.type, retryable: false });
      return;
    }

    const localPreview = category === "pdf" ? null : URL.createObjectURL(original);
    setPicked({ file: original, category, previewUrl: localPreview });

    let file = original;
    if (category === "raster") {
      setStatus("preparing");
      try {
        file = await downscaleIfNeeded(original);
      } catch {
        file = original; // could not decode here (old browser, low memory): the server gets the original
      }
      if (seq !== pickSeq.current) return; // another file was picked meanwhile
    }

    setPicked({ file, category, previewUrl: localPreview });
    if (file.size === 0) {
      setStatus("error");
      setError({ key: UPLOAD_ERROR_KEYS.empty, retryable: false });
      return;
    }
    if (file.size > maxBytes) {
      setStatus("error");
      setError({ key: UPLOAD_ERROR_KEYS.tooLarge, vars: { size: formatFileSize(file.size) }, retryable: false });
      return;
    }
    upload(file);
  }

  function retry() {
    if (picked && !busy) upload(picked.file);
  }

  // What to show: the file being sent (or that failed), else the last upload, else the earlier one.
  const shown: { url: string; contentType: string; version: number } | null = saved ?? current ?? null;
  const shownIsPdf = picked ? picked.category === "pdf" : shown ? isPdfType(shown.contentType) : false;
  const hasDocument = Boolean(picked ?? saved ?? current);
  const pickText = hasDocument ? t(shownIsPdf ? "kycUi.upload.replaceFile" : "kycUi.upload.replace") : t("kycUi.upload.choose");

  let statusText = "";
  if (status === "preparing") statusText = t("kycUi.upload.preparing");
  else if (status === "uploading")
    statusText = percent === null ? t("kycUi.upload.progressUnknown") : percent >= 100 ? t("kycUi.upload.processing") : t("kycUi.upload.progress", { percent });
  else if (status === "success" && saved) statusText = t("kycUi.upload.saved", { version: saved.version });

  // The form's own error (a missing photo) only while nothing was sent since: an upload brings its own outcome.
  const errorText = error ? translateError(t, error.key, { max: formatFileSize(maxBytes), ...error.vars }) : formError && status === "idle" ? t(formError) : null;
  const describedBy = [hint ? hintId : null, formatsId, statusId, errorText ? errorId : null].filter(Boolean).join(" ");

  return (
    <div className={`field kyc-upload${errorText ? " field--error" : ""}`} data-kind={kind} data-status={status} aria-busy={busy || undefined}>
      <label id={labelId} htmlFor={inputId}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}

      <div className="kyc-upload__preview">
        {picked ? (
          picked.previewUrl && !previewBroken ? (
            <img src={picked.previewUrl} alt={t("kycUi.upload.previewAlt", { label })} onError={() => setPreviewBroken(true)} />
          ) : (
            <FileCard name={picked.file.name} size={picked.file.size} />
          )
        ) : shown ? (
          <SavedPreview doc={shown} label={label} />
        ) : null}
        {!picked && !saved && current ? <p className="kyc-upload__current muted">{t("kycUi.upload.current", { version: current.version })}</p> : null}
      </div>

      <NeedsJavaScript />
      <div className="kyc-upload__controls">
        <input
          id={inputId}
          className="kyc-upload__input"
          type="file"
          accept={DOCUMENT_ACCEPT}
          disabled={disabled || !hydrated}
          onChange={handleChange}
          aria-labelledby={`${labelId} ${pickLabelId}`}
          aria-describedby={describedBy}
          aria-invalid={errorText ? true : undefined}
        />
        <label id={pickLabelId} htmlFor={inputId} className={`button-secondary kyc-upload__pick${disabled || !hydrated ? " kyc-upload__pick--disabled" : ""}`}>
          {pickText}
        </label>
        {error?.retryable && picked ? (
          <button type="button" className="button-secondary kyc-upload__retry" onClick={retry} disabled={disabled || busy}>
            {t("kycUi.upload.retry")}
          </button>
        ) : null}
      </div>

      {status === "uploading" ? (
        <progress className="kyc-upload__progress" max={100} value={percent ?? undefined} aria-labelledby={labelId} aria-describedby={statusId} />
      ) : null}
      <p id={statusId} className={`kyc-upload__status${status === "success" ? " kyc-upload__status--ok" : ""}`} role="status" aria-live="polite">
        {statusText}
      </p>
      {errorText ? (
        <p className="field__error" id={errorId} role="alert">
          {errorText}
        </p>
      ) : null}
      <p className="field__hint" id={formatsId}>
        {t("kycUi.upload.formats", { max: formatFileSize(maxBytes) })}
      </p>

      {hiddenInputName === null ? null : <input type="hidden" name={hiddenInputName ?? `${kind}DocumentId`} value={saved?.id ?? current?.id ?? ""} />}
    </div>
  );
}

/** A server error key the dictionary doesn't know would show up raw: fall back to the generic text. */
function translateError(t: Translate, key: string, vars: Vars): string {
  const text = t(key, vars);
  return text === key ? t(UPLOAD_ERROR_KEYS.server, vars) : text;
}

function SavedPreview({ doc, label }: { doc: { url: string; contentType: string }; label: string }) {
  const t = useT();
  const [broken, setBroken] = useState(false);
  useEffect(() => {
    setBroken(false);
  }, [doc.url]);
  if (isPdfType(doc.contentType) || broken) {
    return (
      <a className="kyc-upload__file" href={doc.url} target="_blank" rel="noreferrer">
        <FileIcon />
        <span>
          {t(isPdfType(doc.contentType) ? "kycUi.upload.viewPdf" : "kycUi.viewer.openFull")} <span className="kyc-sr-only">{t("kycUi.viewer.opensNewTab")}</span>
        </span>
      </a>
    );
  }
  return <img src={doc.url} alt={t("kycUi.upload.previewAlt", { label })} onError={() => setBroken(true)} />;
}

function FileCard({ name, size }: { name: string; size: number }) {
  const t = useT();
  return (
    <div className="kyc-upload__file">
      <FileIcon />
      <span className="kyc-upload__filename">{t("kycUi.upload.selectedFile", { name, size: formatFileSize(size) })}</span>
    </div>
  );
}

function FileIcon() {
  return (
    <svg className="kyc-upload__icon" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
      <path d="M6 2h8l6 6v12a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2z" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M14 2v6h6M8 13h8M8 17h6" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}

// ---------------------------------------------------------------------------------------------------
// Browser-only image work, called from the change handler (never during render or on the server).

interface Decoded {
  source: CanvasImageSource;
  width: number;
  height: number;
  close(): void;
}

/** Decodes with EXIF orientation applied, so a portrait phone photo stays upright after re-encoding. */
async function decodeImage(file: File): Promise<Decoded> {
  if (typeof createImageBitmap === "function") {
    try {
      const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
      return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
    } catch {
      // Fall back to <img>, which browsers draw with EXIF orientation applied as well.
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.decoding = "async";
    img.src = url;
    await img.decode();
    return { source: img, width: img.naturalWidth, height: img.naturalHeight, close: () => URL.revokeObjectURL(url) };
  } catch (error) {
    URL.revokeObjectURL(url);
    throw error;
  }
}

function draw(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, source: CanvasImageSource, width: number, height: number) {
  // JPEG has no transparency: a PNG's transparent parts become white, not black.
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = "high";
  ctx.drawImage(source, 0, 0, width, height);
}

async function encodeJpeg(source: CanvasImageSource, width: number, height: number): Promise<Blob> {
  if (typeof OffscreenCanvas === "function") {
    try {
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext("2d");
      if (ctx) {
        draw(ctx, source, width, height);
        return await canvas.convertToBlob({ type: "image/jpeg", quality: DOWNSCALE_JPEG_QUALITY });
      }
    } catch {
      // Some browsers have OffscreenCanvas without 2d or without convertToBlob: use a DOM canvas.
    }
  }
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("2d canvas unavailable");
  draw(ctx, source, width, height);
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("JPEG encoding failed"))), "image/jpeg", DOWNSCALE_JPEG_QUALITY),
  );
}

/**
 * A JPEG/PNG/WebP longer than 2000 px or bigger than 1.5 MB becomes a JPEG (quality 0.85) of at most
 * 2000 px on its long side. When the size didn't change and the re-encode isn't smaller, the original
 * is kept.
 */
/** Phone photos above the size thresholds (downscale.ts) are re-encoded smaller in the browser; used for product photos too. */
export async function downscaleIfNeeded(file: File): Promise<File> {
  const decoded = await decodeImage(file);
  try {
    if (!shouldDownscale(decoded.width, decoded.height, file.size)) return file;
    const size = computeDownscaleSize(decoded.width, decoded.height, DOWNSCALE_MAX_LONG_SIDE);
    const blob = await encodeJpeg(decoded.source, size.width, size.height);
    if (size.width === decoded.width && size.height === decoded.height && blob.size >= file.size) return file;
    return new File([blob], jpegFileName(file.name), { type: "image/jpeg", lastModified: file.lastModified });
  } finally {
    decoded.close();
  }
}
