import { DEFAULT_LOCALE, isLocale, type Locale, translator } from "~/i18n/i18n";
import "~/i18n/register";
import { localeCookie } from "./cookies.server";

/** Cookie first (the switcher), then the browser's Accept-Language, then Indonesian. */
export function localeOf(request: Request): Promise<Locale> {
  return localeFromHeaders(request.headers.get("Cookie"), request.headers.get("Accept-Language"));
}

/** The same decision from the two headers alone (the page cache keys pages by it before Remix runs). */
export async function localeFromHeaders(cookie: string | null | undefined, acceptLanguage: string | null | undefined): Promise<Locale> {
  const fromCookie = cookie ? await localeCookie.parse(cookie) : null;
  if (isLocale(fromCookie)) return fromCookie;
  const accept = acceptLanguage ?? "";
  const first = accept.split(",")[0]?.trim().slice(0, 2).toLowerCase();
  if (first === "en") return "en";
  return DEFAULT_LOCALE;
}

export async function translatorFor(request: Request) {
  return translator(await localeOf(request));
}
