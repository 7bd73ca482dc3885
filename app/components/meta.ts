import type { MetaArgs } from "@remix-run/node";
import { isRouteErrorResponse } from "@remix-run/react";
import { translator, type Locale } from "~/i18n/i18n";
import "~/i18n/register";

/** Page title in the visitor's language: "Masuk · Lapak". */
export function titleMeta(key: string, vars?: Record<string, string | number>) {
  return ({ matches }: MetaArgs) => {
    const root = matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined;
    const t = translator(root?.locale ?? "id");
    return [{ title: `${t(key, vars)} · ${t("app.name")}` }, { name: "description", content: t("app.tagline") }];
  };
}

/**
 * The root's meta: a title for the error pages (403, 404, 500) its error boundary shows, which otherwise
 * have none (screen readers announce the title first). Pages without an error set their own title.
 */
export function errorTitleMeta({ error, data }: MetaArgs) {
  if (!error) return [];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = status === 403 || status === 404 ? String(status) : "500";
  const t = translator((data as { locale?: Locale } | undefined)?.locale ?? "id");
  return [{ title: `${t(`error.${kind}.title`)} · ${t("app.name")}` }];
}
