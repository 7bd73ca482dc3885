import { type ChangeEvent, type DragEvent, useEffect, useId, useRef, useState } from "react";
import { PRODUCT_LIMITS } from "~/domain/catalog/product";
import type { Translate, Vars } from "~/i18n/i18n";
import { NeedsJavaScript, useHydrated } from "../forms/needs-javascript";
import { useT } from "../i18n";
import { downscaleIfNeeded } from "../kyc/document-upload";
import { classifyFile, formatFileSize, progressPercent } from "../kyc/downscale";

// Photos: each one is uploaded as soon as it is picked; the form only submits the ordered ids. Product photos
// (the default) are ordered, the first being the cover; complaint photos pass their own upload URL, limit and texts.

const PHOTO_ACCEPT = "image/jpeg,image/png,image/webp";

interface PhotoItem {
  key: string;
  id?: string;
  url?: string;
  /** Object URL of the picked file, shown until the page is left. */
  localUrl?: string;
  status: "preparing" | "uploading" | "done" | "error";
  percent: number | null;
  error?: { key: string; vars?: Vars; retryable: boolean };
  file?: File;
  /** The picked file's name, shown with its error so the buyer knows which file was refused. */
  name?: string;
}

type PhotoOutcome = { ok: true; photo: { id: string; url: string } } | { ok: false; error: string; vars?: Vars };

/** The upload route's answer; anything unexpected (HTML login page, 5xx) becomes a generic error of ours. */
function parsePhotoResponse(status: number, body: string): PhotoOutcome {
  if (status === 0) return { ok: false, error: "network" };
  let obj: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = JSON.parse(body);
    obj = parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : null;
  } catch {
    obj = null;
  }
  const photo = obj?.photo as { id?: unknown; url?: unknown } | undefined;
  if (status >= 200 && status < 300 && obj?.ok === true && typeof photo?.id === "string" && typeof photo.url === "string" && photo.url.startsWith("/")) {
    return { ok: true, photo: { id: photo.id, url: photo.url } };
  }
  if (status >= 400 && status < 500 && obj?.ok === false && typeof obj.error === "string" && /^[\w.-]{1,120}$/.test(obj.error)) {
    const vars = obj.vars && typeof obj.vars === "object" ? (Object.fromEntries(Object.entries(obj.vars).filter(([, v]) => typeof v === "string" || typeof v === "number")) as Vars) : undefined;
    return { ok: false, error: obj.error, vars };
  }
  if (status === 401 || status === 403) return { ok: false, error: "session" };
  if (status === 413) return { ok: false, error: "tooLarge" };
  return { ok: false, error: "server" };
}

function photoErrorText(t: Translate, key: string, vars: Vars): string {
  const own = `sellerProducts.photoError.${key}`;
  if (t(own) !== own) return t(own, vars);
  const shared = t(key, vars);
  return shared === key ? t("sellerProducts.photoError.server") : shared;
}

let photoSeq = 0;

const PRODUCT_TEXTS = { hint: "sellerProducts.photos.hint", full: "sellerProducts.photos.full", alt: "sellerProducts.photos.alt" };

export function PhotoManager({
  initial,
  maxBytes,
  disabled,
  error,
  onChange,
  onBusyChange,
  uploadUrl = "/seller/products/photos",
  max = PRODUCT_LIMITS.photosMax,
  ordered = true,
  texts = PRODUCT_TEXTS,
}: {
  initial: { id: string; url: string }[];
  maxBytes: number;
  disabled: boolean;
  error?: string;
  onChange: (ids: string[]) => void;
  onBusyChange: (busy: boolean) => void;
  /** Where each picked photo is posted (multipart `file`; JSON answer as from /seller/products/photos). */
  uploadUrl?: string;
  max?: number;
  /** Whether order matters (first photo is the cover; move buttons). */
  ordered?: boolean;
  /** i18n keys of the hint, the "full" notice and the photos' alt text ({n}); each also gets {max}. */
  texts?: { hint: string; full: string; alt: string };
}) {
  const t = useT();
  const hydrated = useHydrated();
  const inputId = useId();
  const [items, setItems] = useState<PhotoItem[]>(() => initial.map((p) => ({ key: p.id, id: p.id, url: p.url, status: "done", percent: null })));
  const xhrs = useRef(new Map<string, XMLHttpRequest>());
  const dragged = useRef<string | null>(null);

  const update = (key: string, patch: Partial<PhotoItem>) => setItems((list) => list.map((it) => (it.key === key ? { ...it, ...patch } : it)));

  const ids = items.filter((it) => it.status === "done" && it.id).map((it) => it.id!);
  const idsKey = ids.join(",");
  const busy = items.some((it) => it.status === "preparing" || it.status === "uploading");
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const mounted = useRef(false);
  useEffect(() => {
    if (mounted.current) onChangeRef.current(idsKey ? idsKey.split(",") : []);
    mounted.current = true;
  }, [idsKey]);
  useEffect(() => onBusyChange(busy), [busy, onBusyChange]);

  // Leaving the page cancels uploads and frees the local previews.
  const itemsRef = useRef(items);
  itemsRef.current = items;
  useEffect(
    () => () => {
      for (const xhr of xhrs.current.values()) xhr.abort();
      for (const it of itemsRef.current) if (it.localUrl) URL.revokeObjectURL(it.localUrl);
    },
    [],
  );

  function upload(key: string, file: File) {
    xhrs.current.get(key)?.abort();
    const xhr = new XMLHttpRequest();
    xhrs.current.set(key, xhr);
    update(key, { status: "uploading", percent: 0, error: undefined, file });
    const fail = (code: string, vars?: Vars) => {
      xhrs.current.delete(key);
      update(key, { status: "error", percent: null, error: { key: code, vars, retryable: true } });
    };
    xhr.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) update(key, { percent: progressPercent(e.loaded, e.total) });
    });
    xhr.addEventListener("load", () => {
      const outcome = parsePhotoResponse(xhr.status, xhr.responseText);
      if (!outcome.ok) return fail(outcome.error, outcome.vars);
      xhrs.current.delete(key);
      update(key, { status: "done", id: outcome.photo.id, url: outcome.photo.url, percent: null, file: undefined });
    });
    xhr.addEventListener("error", () => fail("network"));
    xhr.addEventListener("timeout", () => fail("network"));
    const body = new FormData();
    body.append("file", file, file.name);
    xhr.open("POST", uploadUrl);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.send(body);
  }

  // Files picked beyond the limit are not added; the picker is told how many, instead of them vanishing.
  const [skipped, setSkipped] = useState(0);

  async function add(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.currentTarget.files ?? [])];
    const picked = files.slice(0, Math.max(0, max - items.length));
    setSkipped(files.length - picked.length);
    event.currentTarget.value = ""; // picking the same file again fires a change
    for (const original of picked) {
      const key = `new-${++photoSeq}`;
      const category = classifyFile(original.type, original.name);
      const localUrl = category === "raster" ? URL.createObjectURL(original) : undefined;
      setItems((list) => [...list, { key, localUrl, status: "preparing", percent: null, name: original.name }]);
      if (category !== "raster" && category !== "heic") {
        update(key, { status: "error", error: { key: "type", retryable: false } });
        continue;
      }
      let file = original;
      if (category === "raster") file = await downscaleIfNeeded(original).catch(() => original);
      if (file.size === 0) update(key, { status: "error", error: { key: "empty", retryable: false } });
      else if (file.size > maxBytes) update(key, { status: "error", error: { key: "tooLarge", retryable: false } });
      else upload(key, file);
    }
  }

  // A removed photo can be put back (until the next removal): delete sits next to move on a phone.
  const [removed, setRemoved] = useState<{ item: PhotoItem; index: number } | null>(null);

  function remove(key: string) {
    setSkipped(0);
    xhrs.current.get(key)?.abort();
    xhrs.current.delete(key);
    const index = items.findIndex((it) => it.key === key);
    const gone = items[index];
    if (!gone) return;
    // A finished photo is kept for "Urungkan"; one still uploading was cancelled and cannot come back.
    if (removed?.item.localUrl && removed.item.localUrl !== gone.localUrl) URL.revokeObjectURL(removed.item.localUrl);
    setRemoved(gone.status === "done" ? { item: gone, index } : null);
    if (gone.status !== "done" && gone.localUrl) URL.revokeObjectURL(gone.localUrl);
    setItems((list) => list.filter((it) => it.key !== key));
  }

  function undoRemove() {
    if (!removed) return;
    setItems((list) => {
      const next = [...list];
      next.splice(Math.min(removed.index, next.length), 0, removed.item);
      return next.slice(0, max);
    });
    setRemoved(null);
  }

  function move(key: string, to: number) {
    setItems((list) => {
      const from = list.findIndex((it) => it.key === key);
      if (from < 0 || to < 0 || to >= list.length) return list;
      const next = [...list];
      const [it] = next.splice(from, 1);
      next.splice(to, 0, it);
      return next;
    });
  }

  const onDrop = (event: DragEvent<HTMLLIElement>, index: number) => {
    event.preventDefault();
    if (dragged.current) move(dragged.current, index);
    dragged.current = null;
  };

  return (
    <div className={`field sp-photos${error ? " field--error" : ""}`}>
      <p className="field__hint" id={`${inputId}-hint`}>
        {t(texts.hint, { max })}
      </p>
      <ol className="sp-photos__grid">
        {items.map((it, index) => (
          <li
            key={it.key}
            className={`sp-photo sp-photo--${it.status}`}
            draggable={ordered && !disabled && it.status === "done"}
            onDragStart={() => (dragged.current = it.key)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => onDrop(e, index)}
          >
            <div className="sp-photo__frame">
              {it.localUrl || it.url ? <img src={it.localUrl ?? it.url} alt={t(texts.alt, { n: index + 1, max })} /> : null}
              {ordered && index === 0 ? <span className="sp-photo__cover">{t("sellerProducts.photos.cover")}</span> : null}
              {it.status === "preparing" || it.status === "uploading" ? (
                <span className="sp-photo__progress" role="status">
                  {it.status === "preparing"
                    ? t("sellerProducts.photos.preparing")
                    : it.percent === null
                      ? t("sellerProducts.photos.uploadingUnknown")
                      : t("sellerProducts.photos.uploading", { percent: it.percent })}
                  {it.status === "uploading" ? <progress max={100} value={it.percent ?? undefined} /> : null}
                </span>
              ) : null}
            </div>
            {it.error ? (
              <p className="field__error sp-photo__error" role="alert">
                {it.name ? <span className="sp-photo__name">{it.name}: </span> : null}
                {photoErrorText(t, it.error.key, { max: formatFileSize(maxBytes), ...it.error.vars })}
              </p>
            ) : null}
            <div className="sp-photo__tools">
              {it.error?.retryable && it.file ? (
                <button type="button" className="sp-icon-button sp-icon-button--wide" onClick={() => upload(it.key, it.file!)}>
                  {t("sellerProducts.photos.retry")}
                </button>
              ) : ordered ? (
                <>
                  <button type="button" className="sp-icon-button" onClick={() => move(it.key, index - 1)} disabled={index === 0} aria-label={t("sellerProducts.photos.earlier", { n: index + 1 })}>
                    <span aria-hidden="true">←</span>
                  </button>
                  <button type="button" className="sp-icon-button" onClick={() => move(it.key, index + 1)} disabled={index === items.length - 1} aria-label={t("sellerProducts.photos.later", { n: index + 1 })}>
                    <span aria-hidden="true">→</span>
                  </button>
                </>
              ) : null}
              <button type="button" className="sp-icon-button sp-icon-button--remove" onClick={() => remove(it.key)} aria-label={t("sellerProducts.photos.remove", { n: index + 1 })}>
                <span aria-hidden="true">✕</span> {t("sellerProducts.photos.removeShort")}
              </button>
            </div>
          </li>
        ))}
      </ol>
      {removed ? (
        <p className="sp-photos__undo" role="status">
          {t("sellerProducts.photos.removed")}{" "}
          <button type="button" className="button-secondary" onClick={undoRemove}>
            {t("sellerProducts.photos.undo")}
          </button>
        </p>
      ) : null}
      {skipped > 0 ? (
        <p className="field__error" role="alert">
          {t("sellerProducts.photos.skipped", { count: skipped, max })}
        </p>
      ) : null}
      <NeedsJavaScript />
      <div className="row">
        {items.length < max ? (
          <>
            <input id={inputId} className="sp-photos__input" type="file" accept={PHOTO_ACCEPT} multiple disabled={disabled || !hydrated} onChange={add} aria-describedby={`${inputId}-hint`} />
            <label htmlFor={inputId} className="button-secondary sp-photos__pick">
              {t("sellerProducts.photos.add")}
            </label>
          </>
        ) : (
          <p className="muted">{t(texts.full, { max })}</p>
        )}
        <span className="muted">{t("sellerProducts.photos.count", { count: ids.length, max })}</span>
      </div>
      {error ? (
        <p className="field__error" role="alert">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}
