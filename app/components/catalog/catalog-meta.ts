import type { MetaDescriptor } from "@remix-run/node";
import { translator, type Locale } from "~/i18n/i18n";
import "~/i18n/register";

type Matches = { id: string; data: unknown }[];

export function localeOfMatches(matches: Matches): Locale {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined;
  return root?.locale ?? "id";
}

/**
 * Title, description and Open Graph tags of a public catalog page. `image` and `url` must be absolute
 * (link previews in WhatsApp and Facebook ignore relative ones), so loaders pass their base URL.
 */
export function catalogMeta(
  matches: Matches,
  page: { title: string; description: string; url?: string; image?: string | null; type?: "website" | "product" | "profile"; noindex?: boolean; extra?: MetaDescriptor[] },
): MetaDescriptor[] {
  const locale = localeOfMatches(matches);
  const t = translator(locale);
  const description = page.description.replace(/\s+/g, " ").trim().slice(0, 200);
  const tags: MetaDescriptor[] = [
    { title: `${page.title} · ${t("app.name")}` },
    { name: "description", content: description },
    { property: "og:site_name", content: t("app.name") },
    { property: "og:locale", content: locale === "en" ? "en_GB" : "id_ID" },
    { property: "og:type", content: page.type ?? "website" },
    { property: "og:title", content: page.title },
    { property: "og:description", content: description },
  ];
  if (page.url) tags.push({ property: "og:url", content: page.url }, { tagName: "link", rel: "canonical", href: page.url });
  if (page.image) tags.push({ property: "og:image", content: page.image }, { name: "twitter:card", content: "summary_large_image" });
  if (page.noindex) tags.push({ name: "robots", content: "noindex" });
  return [...tags, ...(page.extra ?? [])];
}
