import { randomBytes } from "node:crypto";
import iconv from "iconv-lite";
import { toCsv } from "~/domain/csv";
import { parseProductCsv, PRODUCT_CSV_COLUMNS, PRODUCT_CSV_LIMITS, type ProductCsvIssue, type ProductCsvRowResult } from "~/domain/catalog/product-csv";
import { DomainError } from "~/domain/errors";
import { slugify } from "~/domain/text";
import { db } from "~/infra/db.server";
import { breadcrumb, type CategoryTree, categoryTree, isLeaf } from "~/models/category.server";
import { createProduct, listShopProductsForExport } from "~/models/product.server";
import { findShopOfOwner } from "~/models/shop.server";
import { CSV_FILE_MAX_BYTES } from "~/infra/request-limits.server";

/**
 * The text of an uploaded CSV. Excel on Windows saves "CSV" in Windows-1252 unless told "CSV UTF-8": bytes that
 * are not valid UTF-8 are read as Windows-1252 (which covers Latin-1), so "–" and "é" arrive as typed instead
 * of as mojibake. A UTF-8 BOM is dropped by the decoder.
 */
export function decodeCsvFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), "windows-1252");
  }
}

/** The upload limit for one CSV file; the parser reads the whole text, so it is checked before. */
export const CSV_MAX_BYTES = CSV_FILE_MAX_BYTES;

export interface CsvPreviewRow {
  line: number;
  title: string | null;
  /** "Fashion Muslim › Gamis › Gamis Syar'i" for a valid row. */
  categoryPath: string | null;
  priceRupiah: number | null;
  weightGrams: number | null;
  errors: ProductCsvIssue[];
}

export interface CsvPreview {
  rows: CsvPreviewRow[];
  fileErrors: ProductCsvIssue[];
  validCount: number;
  invalidCount: number;
}

function leafSlugs(tree: CategoryTree): Set<string> {
  return new Set(tree.all.filter((c) => isLeaf(tree, c.id)).map((c) => c.slug));
}

function categoryPath(tree: CategoryTree, slug: string, locale: string): string | null {
  const node = tree.bySlug.get(slug);
  if (!node) return null;
  return breadcrumb(tree, node.id)
    .map((c) => (locale === "en" && c.nameEn ? c.nameEn : c.name))
    .join(" › ");
}

/** Parses an uploaded CSV against the live category tree: every row with its problems, nothing saved. */
export async function previewProductCsv(text: string, locale = "id"): Promise<{ preview: CsvPreview; rows: ProductCsvRowResult[] }> {
  const tree = await categoryTree();
  const parsed = parseProductCsv(text, { categorySlugs: leafSlugs(tree), maxRows: PRODUCT_CSV_LIMITS.maxRows });
  const fileErrors = parsed.tooManyRows ? [{ field: "baris", code: "csv_too_many_rows" as const }, ...parsed.fileErrors] : parsed.fileErrors;
  const rows = parsed.tooManyRows ? [] : parsed.rows;
  const previewRows = rows.map((r) => ({
    line: r.line,
    title: r.value?.title ?? null,
    categoryPath: r.value ? categoryPath(tree, r.value.categorySlug, locale) : null,
    priceRupiah: r.value?.priceRupiah ?? null,
    weightGrams: r.value?.weightGrams ?? null,
    errors: r.errors,
  }));
  const validCount = previewRows.filter((r) => r.errors.length === 0).length;
  return { preview: { rows: previewRows, fileErrors, validCount, invalidCount: previewRows.length - validCount }, rows };
}

/**
 * Saves every valid row of a parsed CSV as a draft product of the seller's shop, all in one transaction:
 * either the whole batch is there or none of it. Rows with errors, or whose category stopped being a
 * leaf since the preview, are skipped and counted. Photos are added later, so nothing is published here.
 */
export async function importProducts(user: { id: string }, rows: readonly ProductCsvRowResult[]): Promise<{ saved: number; skipped: number }> {
  const shop = await findShopOfOwner(user.id);
  if (!shop) throw new DomainError("forbidden", "product.noShop");
  if (rows.length > PRODUCT_CSV_LIMITS.maxRows) throw new DomainError("validation", "csv_too_many_rows");
  const tree = await categoryTree();

  const drafts = rows.flatMap((row) => {
    const category = row.value && row.errors.length === 0 ? tree.bySlug.get(row.value.categorySlug) : undefined;
    return row.value && category && isLeaf(tree, category.id) ? [{ value: row.value, categoryId: category.id }] : [];
  });
  if (drafts.length === 0) return { saved: 0, skipped: rows.length };

  const slugs = new Set<string>();
  // Same shape as the one-by-one form (services/catalog.server.ts), unique within the batch as well.
  const draftSlug = (title: string) => {
    let slug: string;
    do slug = `${slugify(title, 60) || "produk"}-${randomBytes(3).toString("hex")}`;
    while (slugs.has(slug));
    slugs.add(slug);
    return slug;
  };

  // A thousand inserts take longer than Prisma's default 5 s for an interactive transaction on a slow disk.
  await db().$transaction(
    async (tx) => {
      for (const { value, categoryId } of drafts) {
        await createProduct(tx, {
          shopId: shop.id,
          slug: draftSlug(value.title),
          status: "draft",
          title: value.title,
          description: value.description,
          categoryId,
          condition: value.condition,
          priceRupiah: value.priceRupiah,
          stock: value.stock,
          sku: value.sku,
          minOrder: value.minOrder,
          weightGrams: value.weightGrams,
          lengthCm: value.lengthCm,
          widthCm: value.widthCm,
          heightCm: value.heightCm,
          shopProvinceCode: shop.provinceCode ?? "",
        });
      }
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return { saved: drafts.length, skipped: rows.length - drafts.length };
}

/** The shop's products in the import template's columns, so a seller can edit them in a spreadsheet. */
export async function exportProductsCsv(user: { id: string }): Promise<string> {
  const shop = await findShopOfOwner(user.id);
  if (!shop) throw new DomainError("forbidden", "product.noShop");
  const products = await listShopProductsForExport(shop.id);
  const rows = products.map((p) => {
    const cells: Record<(typeof PRODUCT_CSV_COLUMNS)[number], string | number | null> = {
      judul: p.title,
      deskripsi: p.description,
      kategori: p.category.slug,
      kondisi: p.condition === "used" ? "bekas" : "baru",
      harga: p.priceRupiah,
      stok: p.stock,
      sku: p.sku,
      min_pembelian: p.minOrder,
      berat_gram: p.weightGrams,
      panjang_cm: p.lengthCm,
      lebar_cm: p.widthCm,
      tinggi_cm: p.heightCm,
    };
    return PRODUCT_CSV_COLUMNS.map((c) => cells[c]);
  });
  return toCsv(PRODUCT_CSV_COLUMNS, rows);
}
