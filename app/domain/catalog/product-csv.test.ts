import { describe, it, expect } from "vitest";
import { leafCategorySlugs } from "./categories-data";
import {
  PRODUCT_CSV_COLUMNS,
  parseProductCsv,
  parseWholeNumber,
  productCsvTemplate,
  type ProductCsvRowResult,
} from "./product-csv";

const categorySlugs = new Set(["gamis-syari", "kaos-pria"]);
const HEADER = PRODUCT_CSV_COLUMNS.join(",");

/** A valid row as a column → value record, overridable per test. */
function row(overrides: Partial<Record<(typeof PRODUCT_CSV_COLUMNS)[number], string>> = {}, delimiter = ","): string {
  const base = {
    judul: "Kaos Polos Katun Combed 30s",
    deskripsi: "Kaos polos bahan katun",
    kategori: "kaos-pria",
    kondisi: "baru",
    harga: "45000",
    stok: "100",
    sku: "KP-001",
    min_pembelian: "1",
    berat_gram: "200",
    panjang_cm: "",
    lebar_cm: "",
    tinggi_cm: "",
    ...overrides,
  };
  return PRODUCT_CSV_COLUMNS.map((c) => base[c]).join(delimiter);
}

function parse(text: string, maxRows?: number) {
  return parseProductCsv(text, { categorySlugs, maxRows });
}

function only(text: string): ProductCsvRowResult {
  const result = parse(text);
  expect(result.fileErrors).toEqual([]);
  expect(result.rows).toHaveLength(1);
  return result.rows[0];
}

const codes = (r: ProductCsvRowResult) => r.errors.map((e) => `${e.field}:${e.code}`);

describe("productCsvTemplate", () => {
  it("has the Indonesian header and one example row that parses cleanly with the real categories", () => {
    const template = productCsvTemplate();
    const [header, example, rest] = template.split("\r\n");
    expect(header).toBe(HEADER);
    expect(example).toContain("gamis-syari");
    expect(rest).toBe("");
    const result = parseProductCsv(template, { categorySlugs: leafCategorySlugs() });
    expect(result.fileErrors).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        errors: [],
        value: {
          title: "Gamis Syar'i Wolfis Polos",
          description: "Gamis syar'i bahan wolfis, adem dan tidak menerawang. Tersedia ukuran M, L, XL.",
          categorySlug: "gamis-syari",
          condition: "new",
          priceRupiah: 125_000,
          stock: 50,
          sku: "GMS-WLF-001",
          minOrder: 1,
          weightGrams: 800,
          lengthCm: 30,
          widthCm: 25,
          heightCm: 5,
        },
      },
    ]);
  });

  it("can use semicolons for Excel with an Indonesian locale", () => {
    const template = productCsvTemplate({ delimiter: ";" });
    expect(template.startsWith(PRODUCT_CSV_COLUMNS.join(";"))).toBe(true);
    const result = parseProductCsv(template, { categorySlugs: leafCategorySlugs() });
    expect(result.delimiter).toBe(";");
    expect(result.rows[0].errors).toEqual([]);
  });
});

describe("parseWholeNumber", () => {
  it.each([
    ["125000", 125000],
    ["125.000", 125000],
    ["125,000", 125000],
    ["1.250.000", 1250000],
    ["125.000,00", 125000],
    ["125000.00", 125000],
    [" 7 ", 7],
    ["0", 0],
  ])("reads %j as %d", (text, value) => {
    expect(parseWholeNumber(text)).toBe(value);
  });

  it.each([["Rp125.000"], ["Rp 125.000"], ["rp125000"], ["Rp. 125.000"], ["IDR 125,000"], ["Rp\u00a0125.000"]])(
    "reads the currency form %j",
    (text) => {
      expect(parseWholeNumber(text, true)).toBe(125000);
      expect(parseWholeNumber(text)).toBeUndefined();
    },
  );

  it.each([["12,5"], ["1.5"], ["1.000.00"], ["1.000,50"], ["12.34.567"], ["-5"], ["abc"], [""], ["1e5"], ["12 500"]])(
    "rejects %j",
    (text) => {
      expect(parseWholeNumber(text, true)).toBeUndefined();
    },
  );
});

describe("parseProductCsv: values", () => {
  it("accepts a valid row and fills defaults", () => {
    const r = only(`${HEADER}\n${row({ sku: "", min_pembelian: "" })}\n`);
    expect(r).toEqual({
      line: 2,
      errors: [],
      value: {
        title: "Kaos Polos Katun Combed 30s",
        description: "Kaos polos bahan katun",
        categorySlug: "kaos-pria",
        condition: "new",
        priceRupiah: 45000,
        stock: 100,
        sku: null,
        minOrder: 1,
        weightGrams: 200,
        lengthCm: null,
        widthCm: null,
        heightCm: null,
      },
    });
  });

  it("accepts prices with thousand separators and Rp", () => {
    const text = [HEADER, row({ harga: '"125.000"', sku: "A" }), row({ harga: "Rp125.000", sku: "B" }), row({ harga: '"125,000"', sku: "C" })].join("\n");
    expect(parse(text).rows.map((r) => r.value?.priceRupiah)).toEqual([125000, 125000, 125000]);
  });

  it("reads conditions in Indonesian and English", () => {
    const text = [HEADER, ...["baru", "BEKAS", "new", "Used", " bekas "].map((k, i) => row({ kondisi: k, sku: `S${i}` }))].join("\n");
    expect(parse(text).rows.map((r) => r.value?.condition)).toEqual(["new", "used", "new", "used", "used"]);
  });

  it("reports every problem of a row, by column", () => {
    const r = only(
      `${HEADER}\n${row({ judul: "ab", kategori: "sepatu-terbang", kondisi: "rusak", harga: '"12,5"', stok: "-1", berat_gram: "0" })}`,
    );
    expect(r.value).toBeUndefined();
    expect(codes(r)).toEqual([
      "judul:csv_title_length",
      "kategori:csv_category_unknown",
      "kondisi:csv_condition_invalid",
      "harga:csv_price_invalid",
      "stok:csv_stock_invalid",
      "berat_gram:csv_weight_range",
    ]);
  });

  it("reports required fields", () => {
    const r = only(`${HEADER}\n${row({ judul: "  ", kategori: "", kondisi: "", harga: "", stok: "", berat_gram: "" })}`);
    expect(codes(r)).toEqual([
      "judul:csv_title_required",
      "kategori:csv_category_required",
      "kondisi:csv_condition_required",
      "harga:csv_price_required",
      "stok:csv_stock_required",
      "berat_gram:csv_weight_required",
    ]);
  });

  it("pins the title length edges (3..120 characters)", () => {
    expect(codes(only(`${HEADER}\n${row({ judul: "abc" })}`))).toEqual([]);
    expect(codes(only(`${HEADER}\n${row({ judul: "x".repeat(120) })}`))).toEqual([]);
    expect(codes(only(`${HEADER}\n${row({ judul: "x".repeat(121) })}`))).toEqual(["judul:csv_title_length"]);
    expect(only(`${HEADER}\n${row({ judul: '"  Kaos   Polos\nHitam "' })}`).value?.title).toBe("Kaos Polos Hitam");
  });

  it("pins the weight edges (1..50000 g) and the stock edges (0..999999)", () => {
    const weight = (w: string) => codes(only(`${HEADER}\n${row({ berat_gram: w })}`));
    expect(weight("1")).toEqual([]);
    expect(weight("50000")).toEqual([]);
    expect(weight('"50.000"')).toEqual([]);
    expect(weight("50001")).toEqual(["berat_gram:csv_weight_range"]);
    expect(weight("0")).toEqual(["berat_gram:csv_weight_range"]);
    expect(weight('"0,8"')).toEqual(["berat_gram:csv_weight_invalid"]);
    const stock = (s: string) => codes(only(`${HEADER}\n${row({ stok: s })}`));
    expect(stock("0")).toEqual([]);
    expect(stock("999999")).toEqual([]);
    expect(stock("1000000")).toEqual(["stok:csv_stock_range"]);
  });

  it("pins the price edges", () => {
    const price = (p: string) => codes(only(`${HEADER}\n${row({ harga: p })}`));
    expect(price("100")).toEqual([]);
    expect(price("99")).toEqual(["harga:csv_price_range"]);
    expect(price("Rp0")).toEqual(["harga:csv_price_range"]);
    expect(price("1000000001")).toEqual(["harga:csv_price_range"]);
  });

  it("wants all three dimensions or none", () => {
    const r = only(`${HEADER}\n${row({ panjang_cm: "30", lebar_cm: "20" })}`);
    expect(codes(r)).toEqual(["tinggi_cm:csv_dimensions_incomplete"]);
    const ok = only(`${HEADER}\n${row({ panjang_cm: "30", lebar_cm: "20", tinggi_cm: "10" })}`);
    expect(ok.value).toMatchObject({ lengthCm: 30, widthCm: 20, heightCm: 10 });
    const bad = only(`${HEADER}\n${row({ panjang_cm: '"12,5"', lebar_cm: "0", tinggi_cm: "10" })}`);
    expect(codes(bad)).toEqual(["panjang_cm:csv_dimension_invalid", "lebar_cm:csv_dimension_range"]);
  });

  it("checks min_pembelian and the SKU", () => {
    expect(codes(only(`${HEADER}\n${row({ min_pembelian: "0" })}`))).toEqual(["min_pembelian:csv_min_order_range"]);
    expect(codes(only(`${HEADER}\n${row({ min_pembelian: "dua" })}`))).toEqual(["min_pembelian:csv_min_order_invalid"]);
    expect(codes(only(`${HEADER}\n${row({ sku: "A".repeat(51) })}`))).toEqual(["sku:csv_sku_too_long"]);
    expect(codes(only(`${HEADER}\n${row({ sku: "KP#1" })}`))).toEqual(["sku:csv_sku_invalid"]);
    const dup = parse([HEADER, row({ sku: "kp-1" }), row({ sku: "KP-1" })].join("\n"));
    expect(dup.rows.map(codes)).toEqual([[], ["sku:csv_sku_duplicate"]]);
  });

  it("matches the category case-insensitively and rejects a long description", () => {
    expect(only(`${HEADER}\n${row({ kategori: " Kaos-Pria " })}`).value?.categorySlug).toBe("kaos-pria");
    expect(codes(only(`${HEADER}\n${row({ deskripsi: "x".repeat(5001) })}`))).toEqual([
      "deskripsi:csv_description_too_long",
    ]);
  });
});

describe("parseProductCsv: file format", () => {
  it("strips a BOM and reads semicolons with Indonesian numbers", () => {
    const text = "\uFEFF" + [PRODUCT_CSV_COLUMNS.join(";"), row({ harga: "Rp125.000,00", deskripsi: "Adem, nyaman" }, ";")].join("\r\n");
    const result = parse(text);
    expect(result.delimiter).toBe(";");
    expect(result.rows[0].value).toMatchObject({ priceRupiah: 125000, description: "Adem, nyaman" });
  });

  it("reads tab-separated text pasted from a spreadsheet", () => {
    const text = [PRODUCT_CSV_COLUMNS.join("\t"), row({ deskripsi: "Adem, nyaman; lembut" }, "\t")].join("\n");
    expect(parse(text).rows[0].errors).toEqual([]);
  });

  it("accepts headers in any case, with spaces, in any order, with extra columns; optional columns may be absent", () => {
    const text = "Harga, JUDUL ,kategori,kondisi,stok,Berat Gram,catatan\n45000,Kaos Hitam,kaos-pria,baru,5,200,abaikan\n";
    const r = only(text);
    expect(r.errors).toEqual([]);
    expect(r.value).toMatchObject({ title: "Kaos Hitam", priceRupiah: 45000, description: "", sku: null, minOrder: 1 });
  });

  it("reports missing and duplicate header columns and no rows", () => {
    expect(parse("judul,kategori,harga,harga\n").fileErrors).toEqual([
      { field: "harga", code: "csv_header_duplicate_column" },
      { field: "kondisi", code: "csv_header_missing_column" },
      { field: "stok", code: "csv_header_missing_column" },
      { field: "berat_gram", code: "csv_header_missing_column" },
    ]);
    expect(parse(`${HEADER}\n\n`).fileErrors).toEqual([{ field: "baris", code: "csv_no_rows" }]);
    expect(parse("").fileErrors).toEqual([{ field: "baris", code: "csv_empty" }]);
    expect(parse("\uFEFF\r\n\r\n").fileErrors).toEqual([{ field: "baris", code: "csv_empty" }]);
  });

  it("numbers rows by the line they start on, counting multi-line descriptions and skipping blank rows", () => {
    const text = [
      HEADER,
      row({ sku: "A" }),
      row({ sku: "B", deskripsi: '"baris satu\nbaris dua\r\nbaris tiga"' }),
      "",
      ",,,,,,,,,,,",
      row({ sku: "C", judul: "" }),
    ].join("\r\n");
    const result = parse(text);
    expect(result.rows.map((r) => r.line)).toEqual([2, 3, 8]);
    expect(result.rows[1].value?.description).toBe("baris satu\nbaris dua\nbaris tiga");
    expect(codes(result.rows[2])).toEqual(["judul:csv_title_required"]);
  });

  it("flags a row with more fields than the header, but not trailing empty ones", () => {
    const result = parse([HEADER, row({ sku: "A" }) + ",,", row({ sku: "B" }) + ",oops"].join("\n"));
    expect(result.rows.map(codes)).toEqual([[], ["baris:csv_row_too_many_fields"]]);
  });

  it("flags an unclosed quote", () => {
    const result = parse([HEADER, row({ sku: "A", deskripsi: '"tidak ditutup' })].join("\n"));
    expect(result.rows).toHaveLength(1);
    expect(codes(result.rows[0])).toContain("baris:csv_row_malformed");
    expect(result.rows[0].value).toBeUndefined();
  });

  it("reports too many rows and validates only the first maxRows", () => {
    const text = [HEADER, ...Array.from({ length: 5 }, (_, i) => row({ sku: `S${i}` }))].join("\n");
    const capped = parse(text, 3);
    expect(capped.tooManyRows).toBe(true);
    expect(capped.rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(parse(text, 5).tooManyRows).toBe(false);
  });
});
