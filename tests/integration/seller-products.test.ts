import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/infra/db.server";
import { readFlash } from "../../app/infra/flash.server";
import { action as editAction, loader as editLoader } from "../../app/routes/seller.products.$productId";
import { action as listAction, loader as listLoader } from "../../app/routes/seller.products._index";
import { action as importAction } from "../../app/routes/seller.products.import";
import { action as newAction, loader as newLoader } from "../../app/routes/seller.products.new";
import { action as photoAction } from "../../app/routes/seller.products.photos";
import { loader as templateLoader } from "../../app/routes/seller.products.template[.]csv";
import { aProduct, leafCategory } from "../factories/products";
import { aPhoto, aSeller } from "../factories/shops";
import { aUser, cookieFor } from "../factories/users";
import { call, getRequest, payload, postForm } from "../setup/http";

type Seller = Awaited<ReturnType<typeof aSeller>> & { cookie: string };
type Errors = { errors: Record<string, string> };

let approved: Seller;
let pending: Seller;
let other: Seller;

beforeAll(async () => {
  await leafCategory(); // the category tree, which the CSV rows and the form refer to
  const withCookie = async (s: Awaited<ReturnType<typeof aSeller>>) => ({ ...s, cookie: await cookieFor(s.owner.id) });
  approved = await withCookie(await aSeller({ status: "approved" }));
  pending = await withCookie(await aSeller({ status: "submitted" }));
  other = await withCookie(await aSeller({ status: "approved" }));
});

async function uploadPhoto(cookie: string, bytes?: Buffer) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes ?? (await aPhoto({ width: 800, height: 800 })))], { type: "image/jpeg" }), "foto.jpg");
  const res = await call(photoAction, postForm("/seller/products/photos", form, { cookie }));
  return { status: res.status, body: (await (res.result as Response).json()) as { ok: boolean; photo?: { id: string; url: string }; error?: string } };
}

async function productFields(overrides: Record<string, string> = {}) {
  const category = await leafCategory("gamis-polos");
  return {
    title: "Gamis Wolfis Polos Premium",
    description: "Bahan wolfis, adem dan jatuh.",
    categoryId: String(category.id),
    condition: "new",
    price: "125.000",
    stock: "10",
    sku: "",
    minOrder: "1",
    weightGrams: "800",
    lengthCm: "",
    widthCm: "",
    heightCm: "",
    photoIds: "",
    variantType1: "",
    variantType2: "",
    variantsJson: "[]",
    intent: "draft",
    ...overrides,
  };
}

async function flashOf(res: { headers: Headers }) {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("lapak_flash="))!.split(";")[0];
  return (await readFlash(getRequest("/", { cookie }))).flash;
}

const idFrom = (location: string | null) => location!.split("/").pop()!;

function csvForm(fields: Record<string, string>, file?: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file !== undefined) form.append("file", new Blob([file], { type: "text/csv" }), "produk.csv");
  return form;
}

describe("product form", () => {
  it("creates a product with photos uploaded first and a table of variants, and publishes it", async () => {
    const first = await uploadPhoto(approved.cookie);
    const second = await uploadPhoto(approved.cookie);
    expect(first.body).toMatchObject({ ok: true, photo: { url: expect.stringMatching(/^\/img\/products\//) } });

    const variants = ["S", "M", "L"].flatMap((size) =>
      ["Hitam", "Putih"].map((colour) => ({ option1: size, option2: colour, price: size === "L" ? "135.000" : "125.000", stock: "4", sku: `GW-${size}-${colour}`, weightGrams: size === "L" ? "900" : "800" })),
    );
    const res = await call(
      newAction,
      postForm(
        "/seller/products/new",
        await productFields({ photoIds: `${second.body.photo!.id},${first.body.photo!.id}`, variantType1: "Ukuran", variantType2: "Warna", variantsJson: JSON.stringify(variants), intent: "publish" }),
        { cookie: approved.cookie },
      ),
    );
    expect(res.status).toBe(302);
    expect((await flashOf(res))?.key).toBe("sellerProducts.saved.active");

    const product = await db().product.findUniqueOrThrow({
      where: { id: idFrom(res.headers.get("Location")) },
      include: { photos: { orderBy: { position: "asc" } }, variants: { orderBy: { position: "asc" } } },
    });
    expect(product).toMatchObject({ status: "active", shopId: approved.shop.id, variantType1: "Ukuran", variantType2: "Warna", priceRupiah: 125000, stock: 24, weightGrams: 900 });
    expect(product.photos.map((p) => p.id)).toEqual([second.body.photo!.id, first.body.photo!.id]);
    expect(product.variants.map((v) => [v.option1, v.option2, v.priceRupiah, v.sku])).toEqual(variants.map((v) => [v.option1, v.option2, Number(v.price.replace(".", "")), v.sku]));
  });

  it("answers the photo upload with a clear error for something that is not a photo", async () => {
    const res = await uploadPhoto(approved.cookie, Buffer.from("bukan gambar sama sekali"));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ok: false, error: expect.stringMatching(/^upload_/) });
  });

  it("returns field errors in Indonesian keys from the same schema, keeping what was typed", async () => {
    const res = await call(newAction, postForm("/seller/products/new", await productFields({ price: "12,5", weightGrams: "0", lengthCm: "30" }), { cookie: approved.cookie }));
    expect(res.status).toBe(400);
    const body = payload<Errors & { values: Record<string, string> }>(res.result);
    expect(body.errors).toMatchObject({ price: "product.priceInvalid", weightGrams: "product.weightRange" });
    expect(body.values.title).toBe("Gamis Wolfis Polos Premium");
  });

  it("saves a draft for a shop that is not approved, which may not upload photos nor publish", async () => {
    // No photos before approval (tests/integration/photo-hosting.test.ts), and a product without one cannot be published.
    expect((await uploadPhoto(pending.cookie)).status).toBe(403);
    const refused = await call(newAction, postForm("/seller/products/new", await productFields({ intent: "publish" }), { cookie: pending.cookie }));
    expect(refused.status).toBe(400);
    const res = await call(newAction, postForm("/seller/products/new", await productFields({ intent: "draft" }), { cookie: pending.cookie }));
    expect(res.status).toBe(302);
    const product = await db().product.findUniqueOrThrow({ where: { id: idFrom(res.headers.get("Location")) } });
    expect(product.status).toBe("draft");
  });

  it("keeps the slug (the shared link) when an active product is edited", async () => {
    const product = await aProduct(approved.owner, { title: "Gamis Hitam Lama" });
    const loaded = payload<{ product: { values: Record<string, string> } }>((await call(editLoader, getRequest(`/seller/products/${product.id}`, { cookie: approved.cookie }), { productId: product.id })).result);
    const res = await call(
      editAction,
      postForm(`/seller/products/${product.id}`, { ...loaded.product.values, title: "Gamis Hitam Baru Sekali", price: "99.000", intent: "publish" }, { cookie: approved.cookie }),
      { productId: product.id },
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/seller/products/${product.id}`);
    const after = await db().product.findUniqueOrThrow({ where: { id: product.id } });
    expect(after).toMatchObject({ slug: product.slug, title: "Gamis Hitam Baru Sekali", priceRupiah: 99000, status: "active" });
  });

  it("shows the form for a new product with the category tree", async () => {
    const res = await call(newLoader, getRequest("/seller/products/new", { cookie: approved.cookie }));
    const body = payload<{ product: null; categories: { id: number; level: number }[] }>(res.result);
    expect(body.product).toBeNull();
    expect(body.categories.filter((c) => c.level === 3).length).toBeGreaterThan(100);
  });
});

describe("someone else's product", () => {
  it("cannot be loaded, edited, quick-edited or switched by another seller", async () => {
    const product = await aProduct(approved.owner, { title: "Gamis Milik Toko Lain" });
    const asOther = { cookie: other.cookie };
    expect((await call(editLoader, getRequest(`/seller/products/${product.id}`, asOther), { productId: product.id })).status).toBe(404);
    const edit = await call(editAction, postForm(`/seller/products/${product.id}`, await productFields({ title: "Diambil alih" }), asOther), { productId: product.id });
    expect(edit.status).toBe(404);
    const quick = await call(listAction, postForm("/seller/products", { intent: "quick", productId: product.id, price: "1.000", stock: "0" }, asOther));
    expect(quick.status).toBe(404);
    const deactivate = await call(listAction, postForm("/seller/products", { intent: "deactivate", productId: product.id }, asOther));
    expect(deactivate.status).toBe(403);
    expect(await db().product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({ title: "Gamis Milik Toko Lain", status: "active", stock: 10 });
  });

  it("is a 404 for a malformed id rather than a database error", async () => {
    expect((await call(editLoader, getRequest("/seller/products/bukan-id", { cookie: approved.cookie }), { productId: "bukan-id" })).status).toBe(404);
  });

  it("keeps people without a shop out of the seller's product pages", async () => {
    const buyer = await aUser();
    const res = await call(listLoader, getRequest("/seller/products", { cookie: await cookieFor(buyer.id) }));
    expect(res.status).toBe(403);
  });
});

describe("product list", () => {
  it("quick-edits price (typed with thousand dots) and stock, with errors next to the field", async () => {
    const product = await aProduct(approved.owner, { title: "Kemeja Batik Cepat Ubah" });
    const ok = await call(listAction, postForm("/seller/products", { intent: "quick", productId: product.id, price: "175.500", stock: "3" }, { cookie: approved.cookie }));
    // The row is named in the answer, so a page posted without JavaScript shows it on that row.
    expect(payload(ok.result)).toEqual({ ok: true, productId: product.id });
    expect(await db().product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({ priceRupiah: 175500, stock: 3 });

    const bad = await call(listAction, postForm("/seller/products", { intent: "quick", productId: product.id, price: "50", stock: "-1" }, { cookie: approved.cookie }));
    expect(bad.status).toBe(400);
    expect(payload<Errors>(bad.result).errors).toEqual({ price: "product.priceRange", stock: "product.stockRange" });
    expect(payload<{ values: Record<string, string> }>(bad.result).values).toMatchObject({ productId: product.id, price: "50", stock: "-1" });
  });

  it("deactivates and reactivates, and tells a seller whose shop is not approved why it cannot show a product", async () => {
    const product = await aProduct(approved.owner, { title: "Tas Anyaman Pandan" });
    expect(payload((await call(listAction, postForm("/seller/products", { intent: "deactivate", productId: product.id }, { cookie: approved.cookie }))).result)).toEqual({ ok: true, productId: product.id });
    expect((await db().product.findUniqueOrThrow({ where: { id: product.id } })).status).toBe("inactive");
    await call(listAction, postForm("/seller/products", { intent: "activate", productId: product.id }, { cookie: approved.cookie }));
    expect((await db().product.findUniqueOrThrow({ where: { id: product.id } })).status).toBe("active");

    const draft = await aProduct(pending.owner, { title: "Sambal Bawang Draf", publish: false });
    const refused = await call(listAction, postForm("/seller/products", { intent: "activate", productId: draft.id }, { cookie: pending.cookie }));
    expect(refused.status).toBe(409);
    expect(payload<Errors>(refused.result).errors._form).toBe("product_shop_not_approved");
  });

  it("lists only the seller's own products, finds by title or SKU, filters by status and pages with a cursor", async () => {
    const seller = await aSeller({ status: "approved" });
    const cookie = await cookieFor(seller.owner.id);
    // 21 drafts through the bulk upload (no photos to process, so quick), one published product.
    const rows = Array.from({ length: 21 }, (_, i) => `Kerudung Paris Nomor ${i + 1},hijab-segi-empat,baru,35000,5,150,KP-${i + 1}`);
    const imported = await call(importAction, postForm("/seller/products/import", csvForm({ intent: "save", csv: ["judul,kategori,kondisi,harga,stok,berat_gram,sku", ...rows].join("\n") }), { cookie }));
    expect(imported.headers.get("Location")).toBe("/seller/products/import?disimpan=21&dilewati=0");
    await aProduct(seller.owner, { title: "Kerudung Paris Nomor 22" });
    const list = async (qs: string) =>
      payload<{ products: { title: string; status: string }[]; next: string | null }>((await call(listLoader, getRequest(`/seller/products${qs}`, { cookie }))).result);

    const page1 = await list("");
    expect(page1.products).toHaveLength(20);
    const page2 = await list(`?after=${page1.next}`);
    expect(page2.next).toBeNull();
    expect(new Set([...page1.products, ...page2.products].map((p) => p.title)).size).toBe(22);

    expect((await list("?status=active")).products.map((p) => p.title)).toEqual(["Kerudung Paris Nomor 22"]);
    expect((await list("?status=draft")).products).toHaveLength(20);
    expect((await list("?q=nomor%2017")).products.map((p) => p.title)).toEqual(["Kerudung Paris Nomor 17"]);
    expect((await list("?q=KP-9")).products.map((p) => p.title)).toEqual(["Kerudung Paris Nomor 9"]);
    expect((await list("?q=gamis")).products).toEqual([]);
  });
});

describe("CSV import", () => {
  const header = "judul,kategori,kondisi,harga,stok,berat_gram,sku";
  const csv = [
    header,
    "Gamis Syari Wolfis Ungu,gamis-syari,baru,149.000,12,850,GSW-1",
    "Gamis Polos Katun,gamis-polos,bekas,Rp99.000,3,700,",
    "Gamis Tanpa Harga,gamis-polos,baru,,5,700,",
    "Gamis Kategori Salah,bukan-kategori,baru,100000,5,0,",
  ].join("\r\n");

  it("offers the template as a CSV download", async () => {
    const res = await call(templateLoader, getRequest("/seller/products/template.csv", { cookie: approved.cookie }));
    const response = res.result as Response;
    expect(response.headers.get("Content-Type")).toMatch(/^text\/csv/);
    expect(response.headers.get("Content-Disposition")).toMatch(/attachment/);
    expect((await response.text()).split("\r\n")[0]).toMatch(/^judul,deskripsi,kategori/);
  });

  it("previews every row with its errors and saves nothing", async () => {
    const before = await db().product.count();
    const res = await call(importAction, postForm("/seller/products/import", csvForm({ intent: "preview" }, csv), { cookie: approved.cookie }));
    const { preview } = payload<{ preview: { validCount: number; invalidCount: number; rows: { line: number; title: string | null; categoryPath: string | null; errors: { field: string; code: string }[] }[] } }>(res.result);
    expect(preview.validCount).toBe(2);
    expect(preview.invalidCount).toBe(2);
    expect(preview.rows[0]).toMatchObject({ line: 2, title: "Gamis Syari Wolfis Ungu", categoryPath: "Fashion Muslim › Gamis › Gamis Syar'i", errors: [] });
    expect(preview.rows[2]).toMatchObject({ line: 4, errors: [{ field: "harga", code: "csv_price_required" }] });
    expect(preview.rows[3].errors).toEqual(expect.arrayContaining([{ field: "kategori", code: "csv_category_unknown" }, { field: "berat_gram", code: "csv_weight_range" }]));
    expect(await db().product.count()).toBe(before);
  });

  it("saves only the valid rows, as drafts, in one go", async () => {
    const before = await db().product.count({ where: { shopId: other.shop.id } });
    const res = await call(importAction, postForm("/seller/products/import", csvForm({ intent: "save", csv }), { cookie: other.cookie }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/seller/products/import?disimpan=2&dilewati=2");
    const saved = await db().product.findMany({ where: { shopId: other.shop.id }, orderBy: { title: "asc" }, skip: 0 });
    expect(saved.length - before).toBe(2);
    const imported = saved.filter((p) => p.title.startsWith("Gamis "));
    expect(imported.map((p) => [p.title, p.status, p.priceRupiah, p.condition, p.sku])).toEqual([
      ["Gamis Polos Katun", "draft", 99000, "used", null],
      ["Gamis Syari Wolfis Ungu", "draft", 149000, "new", "GSW-1"],
    ]);
  });

  it("refuses a file over 1 MB with a clear message before reading it", async () => {
    const big = `${header}\r\n${"Gamis Besar Sekali,gamis-polos,baru,100000,1,500,\r\n".repeat(25_000)}`;
    const res = await call(importAction, postForm("/seller/products/import", csvForm({ intent: "preview" }, big), { cookie: approved.cookie }));
    expect(res.status).toBe(413);
    expect(payload<{ error: string }>(res.result).error).toBe("sellerProducts.import.tooLarge");
  });
});
