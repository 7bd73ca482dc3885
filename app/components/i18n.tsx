import { useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_LOCALE, type Locale, translator } from "~/i18n/i18n";
import "~/i18n/register";

export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  return data?.locale ?? DEFAULT_LOCALE;
}

/** The component-side entry to the one i18n layer. */
export function useT() {
  return translator(useLocale());
}
