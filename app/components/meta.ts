import type { MetaArgs } from "@remix-run/node";
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
