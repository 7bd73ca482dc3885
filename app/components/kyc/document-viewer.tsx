import { type KeyboardEvent, type PointerEvent, type ReactNode, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { useT } from "../i18n";
import { isPdfType, isSafeDocumentUrl, rotateBy, stepZoom, viewerLayout, ZOOM_MAX, ZOOM_MIN } from "./downscale";

export interface DocumentViewerProps {
  url: string;
  contentType: string;
  label: string;
}

// useLayoutEffect warns when rendered on the server; the scroll fix-up only matters in the browser.
const useBrowserLayoutEffect = typeof document === "undefined" ? useEffect : useLayoutEffect;

/**
 * A KYC document for the admin review page. Images: zoom, rotate and scroll (buttons, keyboard
 * shortcuts on the focused frame, mouse drag; touch scrolls natively). PDFs: embedded, with a link to
 * open them in a new tab, since some browsers (iOS) show only the first page inline.
 */
export function DocumentViewer({ url, contentType, label }: DocumentViewerProps) {
  const safeUrl = isSafeDocumentUrl(url) ? url : undefined;
  return isPdfType(contentType) ? <PdfViewer url={safeUrl} label={label} /> : <ImageViewer key={url} url={safeUrl} label={label} />;
}

/** A link that opens in a new tab; says so to screen readers unless its text already does. */
function NewTabLink({ href, children, saysNewTab = false }: { href: string | undefined; children: ReactNode; saysNewTab?: boolean }) {
  const t = useT();
  if (!href) return null;
  return (
    <a href={href} target="_blank" rel="noreferrer">
      {children}
      {saysNewTab ? null : <span className="kyc-sr-only"> {t("kycUi.viewer.opensNewTab")}</span>}
    </a>
  );
}

function PdfViewer({ url, label }: { url: string | undefined; label: string }) {
  const t = useT();
  return (
    <figure className="kyc-viewer kyc-viewer--pdf">
      <figcaption className="kyc-viewer__caption">{label}</figcaption>
      {url ? <iframe className="kyc-viewer__pdf" src={url} title={t("kycUi.viewer.pdfTitle", { label })} /> : null}
      <p className="kyc-viewer__links">
        <NewTabLink href={url} saysNewTab>
          {t("kycUi.viewer.openNewTab")}
        </NewTabLink>
      </p>
    </figure>
  );
}

type Size = { width: number; height: number };

function ImageViewer({ url, label }: { url: string | undefined; label: string }) {
  const t = useT();
  const id = useId();
  const frameId = `${id}-frame`;
  const hintId = `${id}-hint`;

  const [zoom, setZoom] = useState(1);
  const [rotation, setRotation] = useState(0);
  const [natural, setNatural] = useState<Size | null>(null);
  const [frame, setFrame] = useState<Size | null>(null);
  const [failed, setFailed] = useState(false);

  const frameRef = useRef<HTMLDivElement>(null);
  const imgRef = useRef<HTMLImageElement>(null);
  /** The point at the frame's centre, as a fraction of the scrolled content, to keep there after a change. */
  const keepCentre = useRef<{ x: number; y: number } | null>(null);
  const drag = useRef<{ pointerId: number; x: number; y: number; left: number; top: number } | null>(null);

  // The image may have finished (or failed) loading before hydration, when React wasn't listening yet.
  useEffect(() => {
    const img = imgRef.current;
    if (!img?.complete) return;
    if (img.naturalWidth > 0) setNatural({ width: img.naturalWidth, height: img.naturalHeight });
    else if (img.currentSrc || img.src) setFailed(true);
  }, []);

  // The fitted size depends on the frame's size, which changes with the viewport.
  useEffect(() => {
    const el = frameRef.current;
    if (!el) return;
    const measure = () => setFrame((prev) => (prev && prev.width === el.clientWidth && prev.height === el.clientHeight ? prev : { width: el.clientWidth, height: el.clientHeight }));
    measure();
    if (typeof ResizeObserver === "undefined") {
      window.addEventListener("resize", measure);
      return () => window.removeEventListener("resize", measure);
    }
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useBrowserLayoutEffect(() => {
    const el = frameRef.current;
    const centre = keepCentre.current;
    keepCentre.current = null;
    if (!el || !centre) return;
    el.scrollLeft = centre.x * el.scrollWidth - el.clientWidth / 2;
    el.scrollTop = centre.y * el.scrollHeight - el.clientHeight / 2;
  }, [zoom, rotation]);

  function currentCentre() {
    const el = frameRef.current;
    if (!el || !el.scrollWidth || !el.scrollHeight) return { x: 0.5, y: 0.5 };
    return { x: (el.scrollLeft + el.clientWidth / 2) / el.scrollWidth, y: (el.scrollTop + el.clientHeight / 2) / el.scrollHeight };
  }

  const canZoomIn = zoom < ZOOM_MAX;
  const canZoomOut = zoom > ZOOM_MIN;

  function zoomBy(direction: 1 | -1) {
    const next = stepZoom(zoom, direction);
    if (next === zoom) return;
    keepCentre.current = currentCentre();
    setZoom(next);
  }

  function rotate(direction: 1 | -1) {
    const c = currentCentre();
    // A quarter turn moves the point that was in the middle: (x, y) → (1 - y, x) clockwise, (y, 1 - x) back.
    keepCentre.current = direction > 0 ? { x: 1 - c.y, y: c.x } : { x: c.y, y: 1 - c.x };
    setRotation((r) => rotateBy(r, direction * 90));
  }

  function reset() {
    keepCentre.current = { x: 0.5, y: 0.5 };
    setZoom(1);
    setRotation(0);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey) return;
    switch (event.key) {
      case "+":
      case "=":
        zoomBy(1);
        break;
      case "-":
      case "_":
        zoomBy(-1);
        break;
      case "0":
        reset();
        break;
      case "r":
      case "R":
        rotate(1);
        break;
      case "l":
      case "L":
        rotate(-1);
        break;
      default:
        return; // arrows, Page Up/Down, Home/End scroll the frame natively
    }
    event.preventDefault();
  }

  // Mouse drag pans a zoomed image; touch and pen keep the browser's own scrolling.
  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    const el = frameRef.current;
    if (event.pointerType !== "mouse" || event.button !== 0 || !el) return;
    if (el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight) return;
    drag.current = { pointerId: event.pointerId, x: event.clientX, y: event.clientY, left: el.scrollLeft, top: el.scrollTop };
    el.setPointerCapture(event.pointerId);
    event.preventDefault();
  }
  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    const d = drag.current;
    const el = frameRef.current;
    if (!d || !el || d.pointerId !== event.pointerId) return;
    el.scrollLeft = d.left - (event.clientX - d.x);
    el.scrollTop = d.top - (event.clientY - d.y);
  }
  function endDrag(event: PointerEvent<HTMLDivElement>) {
    if (drag.current?.pointerId !== event.pointerId) return;
    drag.current = null;
    frameRef.current?.releasePointerCapture?.(event.pointerId);
  }

  const layout = natural && frame ? viewerLayout(natural, frame, rotation, zoom) : null;
  const stateText = t("kycUi.viewer.state", { percent: Math.round(zoom * 100), rotation });

  return (
    <figure className="kyc-viewer">
      <figcaption className="kyc-viewer__caption">{label}</figcaption>
      <div className="kyc-viewer__toolbar" role="group" aria-label={t("kycUi.viewer.controls", { label })}>
        <ToolButton label={t("kycUi.viewer.zoomOut")} shortcut="-" disabled={!canZoomOut} onClick={() => zoomBy(-1)} controls={frameId}>
          <path d="M5 12h14" />
        </ToolButton>
        <ToolButton label={t("kycUi.viewer.zoomIn")} shortcut="+" disabled={!canZoomIn} onClick={() => zoomBy(1)} controls={frameId}>
          <path d="M5 12h14M12 5v14" />
        </ToolButton>
        <ToolButton label={t("kycUi.viewer.rotateLeft")} shortcut="L" onClick={() => rotate(-1)} controls={frameId}>
          <path d="M4 4v6h6" />
          <path d="M4.5 10A8 8 0 1 1 6 16.5" />
        </ToolButton>
        <ToolButton label={t("kycUi.viewer.rotateRight")} shortcut="R" onClick={() => rotate(1)} controls={frameId}>
          <path d="M20 4v6h-6" />
          <path d="M19.5 10A8 8 0 1 0 18 16.5" />
        </ToolButton>
        <ToolButton label={t("kycUi.viewer.reset")} shortcut="0" disabled={zoom === 1 && rotation === 0} onClick={reset} controls={frameId}>
          <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />
        </ToolButton>
        <output className="kyc-viewer__state" aria-live="polite">
          {stateText}
        </output>
      </div>

      <div
        id={frameId}
        ref={frameRef}
        className={`kyc-viewer__frame${zoom > 1 ? " kyc-viewer__frame--zoomed" : ""}`}
        tabIndex={0}
        role="group"
        aria-label={label}
        aria-describedby={hintId}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
      >
        <div className="kyc-viewer__canvas" style={layout ? { width: layout.boxWidth, height: layout.boxHeight } : undefined}>
          {url ? (
            <img
              ref={imgRef}
              src={url}
              alt={label}
              draggable={false}
              className={`kyc-viewer__img${layout ? "" : " kyc-viewer__img--fit"}`}
              style={
                layout
                  ? { width: layout.imgWidth, height: layout.imgHeight, transform: `translate(-50%, -50%) rotate(${rotation}deg) scale(${zoom})` }
                  : undefined
              }
              onLoad={(event) => {
                const img = event.currentTarget;
                setFailed(false);
                setNatural({ width: img.naturalWidth, height: img.naturalHeight });
              }}
              onError={() => setFailed(true)}
            />
          ) : null}
        </div>
      </div>
      <p className="field__hint" id={hintId}>
        {t("kycUi.viewer.keyboardHint")}
      </p>
      {failed || !url ? (
        <p className="field__error" role="alert">
          {t("kycUi.viewer.imageError")}
        </p>
      ) : null}
      <p className="kyc-viewer__links">
        <NewTabLink href={url}>{t("kycUi.viewer.openFull")}</NewTabLink>
      </p>
    </figure>
  );
}

function ToolButton({
  label,
  shortcut,
  disabled = false,
  onClick,
  controls,
  children,
}: {
  label: string;
  shortcut: string;
  disabled?: boolean;
  onClick: () => void;
  controls: string;
  children: ReactNode;
}) {
  // aria-disabled rather than disabled: a button that is pressed to its limit keeps keyboard focus.
  return (
    <button
      type="button"
      className="kyc-viewer__button"
      aria-label={label}
      title={label}
      aria-keyshortcuts={shortcut}
      aria-controls={controls}
      aria-disabled={disabled || undefined}
      onClick={disabled ? undefined : onClick}
    >
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        {children}
      </svg>
    </button>
  );
}
