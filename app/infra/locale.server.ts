import { DEFAULT_LOCALE, isLocale, type Locale, translator } from "~/i18n/i18n";
import "~/i18n/register";
import { localeCookie } from "./cookies.server";

/** Cookie first (the switcher), then the browser's Accept-Language, then Indonesian. */
export async function localeOf(request: Request): Promise<Locale> {
  const fromCookie = await localeCookie.parse(request.headers.get("Cookie"));
  if (isLocale(fromCookie)) return fromCookie;
  const accept = request.headers.get("Accept-Language") ?? "";
  const first = accept.split(",")[0]?.trim().slice(0, 2).toLowerCase();
  if (first === "en") return "en";
  return DEFAULT_LOCALE;
}

export async function translatorFor(request: Request) {
  return translator(await localeOf(request));
}
