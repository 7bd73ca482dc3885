import type { LoaderFunctionArgs } from "@remix-run/node";
import { appOrigin } from "~/infra/env.server";
import { categoryTree } from "~/models/category.server";
import { activeProductSlugs } from "~/models/product.server";

const BATCH = 1000;
// The sitemap protocol allows 50,000 URLs per file; past that this must become a sitemap index.
const MAX_URLS = 50_000;

function escapeXml(s: string) {
  return s.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);
}

function entry(loc: string, lastmod?: Date) {
  return `<url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ""}</url>`;
}

/** Home, every live category, and every active product, paged through by slug. */
export async function loader({ request }: LoaderFunctionArgs) {
  const base = appOrigin();
  const urls: string[] = [entry(`${base}/`)];
  const tree = await categoryTree();
  for (const c of tree.all) if (!c.retired) urls.push(entry(`${base}/kategori/${encodeURIComponent(c.slug)}`));
  let after: string | null = null;
  while (urls.length < MAX_URLS) {
    const batch = await activeProductSlugs(after, Math.min(BATCH, MAX_URLS - urls.length));
    for (const p of batch) urls.push(entry(`${base}/produk/${encodeURIComponent(p.slug)}`, p.updatedAt));
    if (batch.length < BATCH) break;
    after = batch[batch.length - 1].slug;
  }
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
  return new Response(xml, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
