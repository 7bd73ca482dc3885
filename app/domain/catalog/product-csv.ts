/**
 * Bulk product upload by CSV: the template sellers download and the parser
 * that checks what they upload, row by row, before anything is saved.
 *
 * Sellers fill the template in a spreadsheet, so the parser is forgiving about
 * how spreadsheets write things: a UTF-8 BOM, ";" as separator (Excel with an
 * Indonesian locale), "Rp125.000" or "125.000" or "125,000" for prices,
 * "baru"/"bekas" or "new"/"used", header case and spaces. It is strict about
 * the values themselves and reports every problem of a row at once, with the
 * line number the seller sees in a text editor (a quoted description spanning
 * several lines counts as several lines).
 *
 * Field names in errors are the CSV column names ("harga"), "baris" for a
 * problem with the row as a whole; codes have messages in app/i18n/messages/catalog.ts.
 * The caller limits the upload size before calling (the parser reads the whole text).
 */
import Papa from "papaparse";
import { restoreCsvCell, toCsv } from "~/domain/csv";
import { isCleanText } from "~/schemas/params";

export const PRODUCT_CSV_COLUMNS = [
  "judul",
  "deskripsi",
  "kategori",
  "kondisi",
  "harga",
  "stok",
  "sku",
  "min_pembelian",
  "berat_gram",
  "panjang_cm",
  "lebar_cm",
  "tinggi_cm",
] as const;
export type ProductCsvColumn = (typeof PRODUCT_CSV_COLUMNS)[number];

/** Columns the header must have; the others may be left out of the file entirely. */
export const REQUIRED_PRODUCT_CSV_COLUMNS = [
  "judul",
  "kategori",
  "kondisi",
  "harga",
  "stok",
  "berat_gram",
] as const satisfies readonly ProductCsvColumn[];

/** Field name used for problems that concern a whole row, not one column. */
export const ROW_FIELD = "baris";

export const PRODUCT_CSV_LIMITS = {
  maxRows: 1000,
  titleMinChars: 3,
  titleMaxChars: 120,
  descriptionMaxChars: 5000,
  priceMinRupiah: 100,
  priceMaxRupiah: 1_000_000_000,
  stockMin: 0,
  stockMax: 999_999,
  minOrderMin: 1,
  minOrderMax: 999_999,
  weightMinGrams: 1,
  weightMaxGrams: 50_000,
  dimensionMinCm: 1,
  dimensionMaxCm: 500,
  skuMaxChars: 50,
} as const;

export const PRODUCT_CSV_ERROR_CODES = [
  // file
  "csv_empty",
  "csv_no_rows",
  "csv_too_many_rows",
  "csv_header_missing_column",
  "csv_header_duplicate_column",
  // row
  "csv_row_malformed",
  "csv_row_too_many_fields",
  // fields
  "csv_text_invalid",
  "csv_title_required",
  "csv_title_length",
  "csv_description_too_long",
  "csv_category_required",
  "csv_category_unknown",
  "csv_condition_required",
  "csv_condition_invalid",
  "csv_price_required",
  "csv_price_invalid",
  "csv_price_range",
  "csv_stock_required",
  "csv_stock_invalid",
  "csv_stock_range",
  "csv_sku_too_long",
  "csv_sku_invalid",
  "csv_sku_duplicate",
  "csv_min_order_invalid",
  "csv_min_order_range",
  "csv_weight_required",
  "csv_weight_invalid",
  "csv_weight_range",
  "csv_dimension_invalid",
  "csv_dimension_range",
  "csv_dimensions_incomplete",
] as const;
export type ProductCsvErrorCode = (typeof PRODUCT_CSV_ERROR_CODES)[number];

export type ProductCondition = "new" | "used";

export interface ProductCsvRow {
  title: string;
  /** "" when the column is empty or absent. */
  description: string;
  categorySlug: string;
  condition: ProductCondition;
  priceRupiah: number;
  stock: number;
  sku: string | null;
  minOrder: number;
  weightGrams: number;
  /** All three dimensions are given, or none. */
  lengthCm: number | null;
  widthCm: number | null;
  heightCm: number | null;
}

export interface ProductCsvIssue {
  /** CSV column name, or ROW_FIELD. */
  field: string;
  code: ProductCsvErrorCode;
}

export interface ProductCsvRowResult {
  /** 1-based line in the file where the row starts (the header is line 1). */
  line: number;
  /** Present only when `errors` is empty. */
  value?: ProductCsvRow;
  errors: ProductCsvIssue[];
}

export type ProductCsvDelimiter = "," | ";" | "\t";

export interface ProductCsvParseResult {
  rows: ProductCsvRowResult[];
  /** More data rows than maxRows: only the first maxRows are in `rows`; reject the upload. */
  tooManyRows: boolean;
  /** Problems with the file as a whole (no header, missing columns, no rows); `rows` is empty then. */
  fileErrors: ProductCsvIssue[];
  delimiter: ProductCsvDelimiter;
}

export interface ParseProductCsvOptions {
  maxRows?: number;
  /** Slugs a product may be filed under (leaf categories). */
  categorySlugs: ReadonlySet<string>;
}

// ---- template -----------------------------------------------------------------

const TEMPLATE_EXAMPLE: Record<ProductCsvColumn, string> = {
  judul: "Gamis Syar'i Wolfis Polos",
  deskripsi: "Gamis syar'i bahan wolfis, adem dan tidak menerawang. Tersedia ukuran M, L, XL.",
  kategori: "gamis-syari",
  kondisi: "baru",
  harga: "125000",
  stok: "50",
  sku: "GMS-WLF-001",
  min_pembelian: "1",
  berat_gram: "800",
  panjang_cm: "30",
  lebar_cm: "25",
  tinggi_cm: "5",
};

/** Header line and one example row, CRLF line ends (what spreadsheets expect). */
export function productCsvTemplate(options: { delimiter?: ProductCsvDelimiter } = {}): string {
  return toCsv(PRODUCT_CSV_COLUMNS, [PRODUCT_CSV_COLUMNS.map((column) => TEMPLATE_EXAMPLE[column])], options);
}

// ---- value parsers ------------------------------------------------------------

const BLANK = /^[\s\u00a0\u202f]*$/;

function isBlank(value: string | undefined): boolean {
  return value === undefined || BLANK.test(value);
}

/**
 * Whole numbers as spreadsheets and people write them: "125000", "125.000",
 * "125,000", "125.000,00", "125000.00"; with `currency`, also "Rp125.000",
 * "Rp 125.000", "IDR 125000". Decimals other than zeros are rejected (no
 * fractional rupiah, grams or pieces). Returns undefined when not a number.
 */
export function parseWholeNumber(raw: string, currency = false): number | undefined {
  let text = raw.replace(/[\u00a0\u202f]/g, " ").trim();
  if (currency) text = text.replace(/^(?:rp\.?|idr)\s*/i, "");
  const match = /^(\d{1,3}(?:([.,])\d{3})+|\d+)(?:([.,])0{1,2})?$/.exec(text);
  if (!match) return undefined;
  const [, integerPart, groupSeparator, decimalSeparator] = match;
  if (groupSeparator && decimalSeparator === groupSeparator) return undefined;
  const value = Number(integerPart.replace(/[.,]/g, ""));
  return Number.isSafeInteger(value) ? value : undefined;
}

const CONDITIONS: Readonly<Record<string, ProductCondition>> = {
  baru: "new",
  new: "new",
  bekas: "used",
  used: "used",
  second: "used", // how many sellers write "bekas"
  seken: "used",
};

const SKU_PATTERN = /^[A-Za-z0-9._\-/ ]+$/;

function charCount(text: string): number {
  return [...text].length;
}

type RowCells = Partial<Record<ProductCsvColumn, string>>;

function validateRow(
  cells: RowCells,
  categorySlugs: ReadonlySet<string>,
  seenSkus: Set<string>,
): { value?: ProductCsvRow; errors: ProductCsvIssue[] } {
  const errors: ProductCsvIssue[] = [];
  const fail = (field: ProductCsvColumn, code: ProductCsvErrorCode) => {
    errors.push({ field, code });
    return undefined;
  };
  const L = PRODUCT_CSV_LIMITS;

  const wholeNumber = (
    field: ProductCsvColumn,
    codes: { required?: ProductCsvErrorCode; invalid: ProductCsvErrorCode; range: ProductCsvErrorCode },
    min: number,
    max: number,
    currency = false,
  ): number | undefined => {
    const raw = cells[field];
    if (isBlank(raw)) return codes.required ? fail(field, codes.required) : undefined;
    const value = parseWholeNumber(raw!, currency);
    if (value === undefined) return fail(field, codes.invalid);
    if (value < min || value > max) return fail(field, codes.range);
    return value;
  };

  // judul: one line, inner whitespace collapsed
  const title = (cells.judul ?? "").replace(/\s+/g, " ").trim();
  if (!isCleanText(title)) fail("judul", "csv_text_invalid");
  else if (title === "") fail("judul", "csv_title_required");
  else if (charCount(title) < L.titleMinChars || charCount(title) > L.titleMaxChars) fail("judul", "csv_title_length");

  const description = (cells.deskripsi ?? "").replace(/\r\n?/g, "\n").trim();
  // A NUL byte cannot be stored (PostgreSQL refuses it in text): a row error here, not a failed save later.
  if (!isCleanText(description)) fail("deskripsi", "csv_text_invalid");
  else if (charCount(description) > L.descriptionMaxChars) fail("deskripsi", "csv_description_too_long");

  const categorySlug = (cells.kategori ?? "").trim().toLowerCase();
  if (categorySlug === "") fail("kategori", "csv_category_required");
  else if (!categorySlugs.has(categorySlug)) fail("kategori", "csv_category_unknown");

  const conditionText = (cells.kondisi ?? "").trim().toLowerCase();
  const condition = Object.hasOwn(CONDITIONS, conditionText) ? CONDITIONS[conditionText] : undefined;
  if (conditionText === "") fail("kondisi", "csv_condition_required");
  else if (!condition) fail("kondisi", "csv_condition_invalid");

  const priceRupiah = wholeNumber(
    "harga",
    { required: "csv_price_required", invalid: "csv_price_invalid", range: "csv_price_range" },
    L.priceMinRupiah,
    L.priceMaxRupiah,
    true,
  );
  const stock = wholeNumber(
    "stok",
    { required: "csv_stock_required", invalid: "csv_stock_invalid", range: "csv_stock_range" },
    L.stockMin,
    L.stockMax,
  );

  const sku = (cells.sku ?? "").trim();
  if (sku !== "") {
    if (charCount(sku) > L.skuMaxChars) fail("sku", "csv_sku_too_long");
    else if (!SKU_PATTERN.test(sku)) fail("sku", "csv_sku_invalid");
    else if (seenSkus.has(sku.toUpperCase())) fail("sku", "csv_sku_duplicate");
    else seenSkus.add(sku.toUpperCase());
  }

  const minOrder =
    wholeNumber("min_pembelian", { invalid: "csv_min_order_invalid", range: "csv_min_order_range" }, L.minOrderMin, L.minOrderMax) ??
    (isBlank(cells.min_pembelian) ? 1 : undefined);

  const weightGrams = wholeNumber(
    "berat_gram",
    { required: "csv_weight_required", invalid: "csv_weight_invalid", range: "csv_weight_range" },
    L.weightMinGrams,
    L.weightMaxGrams,
  );

  const dimensionColumns = ["panjang_cm", "lebar_cm", "tinggi_cm"] as const;
  const dimensions = dimensionColumns.map((field) =>
    wholeNumber(field, { invalid: "csv_dimension_invalid", range: "csv_dimension_range" }, L.dimensionMinCm, L.dimensionMaxCm),
  );
  const givenDimensions = dimensionColumns.filter((field) => !isBlank(cells[field]));
  if (givenDimensions.length > 0 && givenDimensions.length < dimensionColumns.length) {
    for (const field of dimensionColumns) if (isBlank(cells[field])) fail(field, "csv_dimensions_incomplete");
  }

  if (errors.length > 0) return { errors };
  const [lengthCm, widthCm, heightCm] = dimensions;
  return {
    errors,
    value: {
      title,
      description,
      categorySlug,
      condition: condition!,
      priceRupiah: priceRupiah!,
      stock: stock!,
      sku: sku === "" ? null : sku,
      minOrder: minOrder!,
      weightGrams: weightGrams!,
      lengthCm: lengthCm ?? null,
      widthCm: widthCm ?? null,
      heightCm: heightCm ?? null,
    },
  };
}

// ---- file parser --------------------------------------------------------------

/** The separator is the one the header line uses most; headers hold no quoted text in practice. */
function detectDelimiter(text: string): ProductCsvDelimiter {
  const firstLine = text.split(/\r\n|\r|\n/, 1)[0] ?? "";
  const counts: Array<[ProductCsvDelimiter, number]> = [
    [",", firstLine.split(",").length - 1],
    [";", firstLine.split(";").length - 1],
    ["\t", firstLine.split("\t").length - 1],
  ];
  let best = counts[0];
  for (const candidate of counts) if (candidate[1] > best[1]) best = candidate;
  return best[0];
}

function normaliseHeader(cell: string): string {
  return cell.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

function lineBreaks(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) count += cell.match(/\r\n|\r|\n/g)?.length ?? 0;
  return count;
}

export function parseProductCsv(text: string, options: ParseProductCsvOptions): ProductCsvParseResult {
  const maxRows = options.maxRows ?? PRODUCT_CSV_LIMITS.maxRows;
  const input = text.replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(input);
  const result = (issues: ProductCsvIssue[]): ProductCsvParseResult => ({
    rows: [],
    tooManyRows: false,
    fileErrors: issues,
    delimiter,
  });

  const parsed = Papa.parse<string[]>(input, { delimiter, header: false, skipEmptyLines: false, dynamicTyping: false });
  const records = parsed.data;
  const malformedRecords = new Set(parsed.errors.map((error) => error.row).filter((row) => row !== undefined));

  // Header: the first record that is not blank.
  let index = 0;
  let line = 1;
  while (index < records.length && records[index].every((cell) => isBlank(cell))) {
    line += 1 + lineBreaks(records[index]);
    index++;
  }
  if (index >= records.length) return result([{ field: ROW_FIELD, code: "csv_empty" }]);

  const header = records[index].map(normaliseHeader);
  const columnIndex = new Map<ProductCsvColumn, number>();
  const headerErrors: ProductCsvIssue[] = [];
  header.forEach((name, position) => {
    if (!(PRODUCT_CSV_COLUMNS as readonly string[]).includes(name)) return; // extra columns are ignored
    const column = name as ProductCsvColumn;
    if (columnIndex.has(column)) headerErrors.push({ field: column, code: "csv_header_duplicate_column" });
    else columnIndex.set(column, position);
  });
  for (const column of REQUIRED_PRODUCT_CSV_COLUMNS) {
    if (!columnIndex.has(column)) headerErrors.push({ field: column, code: "csv_header_missing_column" });
  }
  if (headerErrors.length > 0) return result(headerErrors);
  line += 1 + lineBreaks(records[index]);
  index++;

  const rows: ProductCsvRowResult[] = [];
  const seenSkus = new Set<string>();
  let dataRows = 0;
  for (; index < records.length; index++) {
    const record = records[index];
    const recordLine = line;
    line += 1 + lineBreaks(record);
    if (record.every((cell) => isBlank(cell))) continue;
    dataRows++;
    if (dataRows > maxRows) continue; // keep counting lines only to report tooManyRows

    const errors: ProductCsvIssue[] = [];
    if (malformedRecords.has(index)) errors.push({ field: ROW_FIELD, code: "csv_row_malformed" });
    if (record.slice(header.length).some((cell) => !isBlank(cell))) {
      errors.push({ field: ROW_FIELD, code: "csv_row_too_many_fields" });
    }
    const cells: RowCells = {};
    for (const [column, position] of columnIndex) cells[column] = record[position] === undefined ? undefined : restoreCsvCell(record[position]);
    const validated = validateRow(cells, options.categorySlugs, seenSkus);
    errors.push(...validated.errors);
    rows.push(errors.length === 0 ? { line: recordLine, value: validated.value, errors } : { line: recordLine, errors });
  }

  if (dataRows === 0) return result([{ field: ROW_FIELD, code: "csv_no_rows" }]);
  return { rows, tooManyRows: dataRows > maxRows, fileErrors: [], delimiter };
}
