import { useState } from "react";
import { useT } from "../i18n";

export interface GalleryPhoto {
  id: string;
  small: string;
  medium: string;
  large: string;
  width: number;
  height: number;
}

// Sizes made at upload (app/infra/uploads/product-photo.server.ts): bounded boxes, never enlarged.
const LARGE_PX = 1200;
const THUMB_PX = 64;

function boundedTo(box: number, photo: GalleryPhoto) {
  const scale = Math.min(1, box / Math.max(photo.width || box, photo.height || box));
  return { width: Math.round((photo.width || box) * scale), height: Math.round((photo.height || box) * scale) };
}

/** The large photo with thumbnail buttons to switch; each button says which photo it shows. */
export function ProductGallery({ photos, title }: { photos: GalleryPhoto[]; title: string }) {
  const t = useT();
  const [index, setIndex] = useState(0);
  if (!photos.length) {
    return (
      <div className="gallery gallery--empty">
        <p>{t("browse.product.noPhoto")}</p>
      </div>
    );
  }
  const main = photos[Math.min(index, photos.length - 1)];
  const size = boundedTo(LARGE_PX, main);
  const total = photos.length;
  return (
    <section className="gallery" aria-label={t("browse.product.gallery")}>
      <img
        className="gallery__main"
        src={main.large}
        srcSet={`${main.medium} 600w, ${main.large} ${size.width}w`}
        sizes="(min-width: 720px) 460px, 100vw"
        width={size.width}
        height={size.height}
        alt={total > 1 ? `${title} (${t("browse.product.photo", { n: index + 1, total })})` : title}
      />
      {total > 1 ? (
        <ul className="gallery__thumbs">
          {photos.map((p, i) => (
            <li key={p.id}>
              <button type="button" className="gallery__thumb" aria-pressed={i === index} aria-label={t("browse.product.photo", { n: i + 1, total })} onClick={() => setIndex(i)}>
                <img src={p.small} alt="" width={THUMB_PX} height={THUMB_PX} loading="lazy" decoding="async" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
