/**
 * Texts for catalog error codes (bulk product CSV upload). Indonesian is the
 * primary language; English follows the same keys. The UI shows them with the
 * line number and column the parser reports, e.g. "Baris 4, kolom harga: …".
 */
import { PRODUCT_CSV_LIMITS as L, type ProductCsvErrorCode } from "../../domain/catalog/product-csv";

// Thousands grouping written out rather than toLocaleString, so the text does
// not depend on the ICU data of the server or the browser.
const grouped = (n: number, separator: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
const number = (n: number) => grouped(n, ".");
const rupiah = (n: number) => `Rp${number(n)}`;
const numberEn = (n: number) => grouped(n, ",");

export const catalogMessages = {
  id: {
    csv_empty: "File CSV kosong. Unduh template, isi produkmu, lalu unggah lagi.",
    csv_no_rows: "File CSV hanya berisi judul kolom. Tambahkan minimal satu produk.",
    csv_too_many_rows: `Terlalu banyak produk dalam satu file. Maksimal ${number(L.maxRows)} baris; bagi menjadi beberapa file.`,
    csv_header_missing_column: "Kolom wajib tidak ditemukan di baris judul. Gunakan judul kolom dari template.",
    csv_header_duplicate_column: "Nama kolom ini muncul lebih dari sekali di baris judul.",
    csv_row_malformed: "Baris ini tidak bisa dibaca: periksa tanda kutip (\") yang tidak ditutup.",
    csv_row_too_many_fields: "Baris ini berisi lebih banyak kolom daripada judul kolom. Periksa pemisah (koma atau titik koma) di dalam teks.",
    csv_text_invalid: "Berisi karakter yang tidak bisa disimpan (misalnya karakter NUL). Hapus karakter itu lalu unggah lagi.",
    csv_title_required: "Judul produk wajib diisi.",
    csv_title_length: `Judul produk harus ${L.titleMinChars}–${L.titleMaxChars} karakter.`,
    csv_description_too_long: `Deskripsi maksimal ${number(L.descriptionMaxChars)} karakter.`,
    csv_category_required: "Kategori wajib diisi.",
    csv_category_unknown: "Kategori tidak dikenal. Isi dengan kode kategori dari daftar kategori (contoh: gamis-syari).",
    csv_condition_required: "Kondisi wajib diisi: baru atau bekas.",
    csv_condition_invalid: "Kondisi harus \"baru\" atau \"bekas\".",
    csv_price_required: "Harga wajib diisi.",
    csv_price_invalid: "Harga harus berupa angka rupiah tanpa desimal, contoh: 125000 atau 125.000.",
    csv_price_range: `Harga harus antara ${rupiah(L.priceMinRupiah)} dan ${rupiah(L.priceMaxRupiah)}.`,
    csv_stock_required: "Stok wajib diisi (boleh 0).",
    csv_stock_invalid: "Stok harus berupa bilangan bulat, contoh: 50.",
    csv_stock_range: `Stok harus antara ${number(L.stockMin)} dan ${number(L.stockMax)}.`,
    csv_sku_too_long: `SKU maksimal ${L.skuMaxChars} karakter.`,
    csv_sku_invalid: "SKU hanya boleh berisi huruf, angka, spasi, titik, garis bawah (_), tanda hubung (-) dan garis miring (/).",
    csv_sku_duplicate: "SKU ini sudah dipakai di baris lain dalam file yang sama.",
    csv_min_order_invalid: "Minimum pembelian harus berupa bilangan bulat, contoh: 1.",
    csv_min_order_range: `Minimum pembelian harus antara ${number(L.minOrderMin)} dan ${number(L.minOrderMax)}.`,
    csv_weight_required: "Berat wajib diisi dalam gram, termasuk kemasan.",
    csv_weight_invalid: "Berat harus berupa bilangan bulat dalam gram, contoh: 800 (bukan 0,8 kg).",
    csv_weight_range: `Berat harus antara ${number(L.weightMinGrams)} dan ${number(L.weightMaxGrams)} gram.`,
    csv_dimension_invalid: "Ukuran paket harus berupa bilangan bulat dalam cm, contoh: 30.",
    csv_dimension_range: `Ukuran paket harus antara ${L.dimensionMinCm} dan ${L.dimensionMaxCm} cm.`,
    csv_dimensions_incomplete: "Isi panjang, lebar dan tinggi sekaligus, atau kosongkan ketiganya.",
  },
  en: {
    csv_empty: "The CSV file is empty. Download the template, fill in your products and upload it again.",
    csv_no_rows: "The CSV file only has the header row. Add at least one product.",
    csv_too_many_rows: `Too many products in one file. At most ${numberEn(L.maxRows)} rows; split it into several files.`,
    csv_header_missing_column: "A required column is missing from the header row. Use the column names from the template.",
    csv_header_duplicate_column: "This column name appears more than once in the header row.",
    csv_row_malformed: "This row cannot be read: check for a quotation mark (\") that is not closed.",
    csv_row_too_many_fields: "This row has more columns than the header. Check for separators (comma or semicolon) inside the text.",
    csv_text_invalid: "Contains a character that cannot be stored (such as NUL). Remove it and upload again.",
    csv_title_required: "The product title is required.",
    csv_title_length: `The product title must be ${L.titleMinChars}–${L.titleMaxChars} characters long.`,
    csv_description_too_long: `The description can be at most ${numberEn(L.descriptionMaxChars)} characters.`,
    csv_category_required: "The category is required.",
    csv_category_unknown: "Unknown category. Use a category code from the category list (for example: gamis-syari).",
    csv_condition_required: "The condition is required: baru (new) or bekas (used).",
    csv_condition_invalid: "The condition must be \"baru\" (new) or \"bekas\" (used).",
    csv_price_required: "The price is required.",
    csv_price_invalid: "The price must be a whole number of rupiah, for example 125000 or 125.000.",
    csv_price_range: `The price must be between Rp${numberEn(L.priceMinRupiah)} and Rp${numberEn(L.priceMaxRupiah)}.`,
    csv_stock_required: "The stock is required (0 is allowed).",
    csv_stock_invalid: "The stock must be a whole number, for example 50.",
    csv_stock_range: `The stock must be between ${numberEn(L.stockMin)} and ${numberEn(L.stockMax)}.`,
    csv_sku_too_long: `The SKU can be at most ${L.skuMaxChars} characters.`,
    csv_sku_invalid: "The SKU may only contain letters, digits, spaces, dots, underscores (_), hyphens (-) and slashes (/).",
    csv_sku_duplicate: "This SKU is already used on another row of the same file.",
    csv_min_order_invalid: "The minimum order must be a whole number, for example 1.",
    csv_min_order_range: `The minimum order must be between ${numberEn(L.minOrderMin)} and ${numberEn(L.minOrderMax)}.`,
    csv_weight_required: "The weight is required, in grams, including packaging.",
    csv_weight_invalid: "The weight must be a whole number of grams, for example 800 (not 0.8 kg).",
    csv_weight_range: `The weight must be between ${numberEn(L.weightMinGrams)} and ${numberEn(L.weightMaxGrams)} grams.`,
    csv_dimension_invalid: "Package dimensions must be whole centimetres, for example 30.",
    csv_dimension_range: `Package dimensions must be between ${L.dimensionMinCm} and ${L.dimensionMaxCm} cm.`,
    csv_dimensions_incomplete: "Fill in length, width and height together, or leave all three empty.",
  },
} as const satisfies Record<"id" | "en", Record<ProductCsvErrorCode, string>>;

export type CatalogMessageLocale = keyof typeof catalogMessages;
