// Plain helpers shared by the browse routes (server) and their components (browser): no server imports here.
import type { Locale } from "~/i18n/i18n";

/**
 * The query without empty values. A plain GET form (no JavaScript) sends every field, and "max="
 * would otherwise be read as a maximum price of 0; it also keeps shared links short.
 */
export function filledParams(search: string | URLSearchParams | string[][] | Record<string, string>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of new URLSearchParams(search)) if (value.trim() !== "") out.append(key, value.trim());
  return out;
}

/** The URL with empty query values removed, ready for parseBrowseParams. */
export function withoutEmptyParams(url: URL): URL {
  const clean = new URL(url);
  clean.search = filledParams(url.searchParams).toString();
  return clean;
}

/** path?query with some parameters changed (null removes one); keyset cursors are dropped unless set. */
export function hrefWith(path: string, params: URLSearchParams, changes: Record<string, string | null> = {}): string {
  const next = new URLSearchParams(params);
  if (!("setelah" in changes)) next.delete("setelah");
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === "") next.delete(key);
    else next.set(key, value);
  }
  const query = next.toString();
  return query ? `${path}?${query}` : path;
}

export function categoryName(c: { name: string; nameEn: string | null }, locale: Locale): string {
  return locale === "en" && c.nameEn ? c.nameEn : c.name;
}
