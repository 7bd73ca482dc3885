import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/infra/db.server";
import { loader as searchLoader } from "../../app/routes/cari";
import { loader as imageLoader } from "../../app/routes/img.$";
import { loader as categoryLoader } from "../../app/routes/kategori.$slug";
import { loader as ongkirLoader } from "../../app/routes/produk.$slug.ongkir";
import { loader as productLoader } from "../../app/routes/produk.$slug";
import { loader as sitemapLoader } from "../../app/routes/sitemap[.]xml";
import { loader as shopLoader } from "../../app/routes/toko.$slug";
import { aProduct } from "../factories/products";
import { aSeller } from "../factories/shops";
import { aUser, cookieFor } from "../factories/users";
import { call, getRequest, payload } from "../setup/http";

type Product = Awaited<ReturnType<typeof aProduct>>;
let seller: Awaited<ReturnType<typeof aSeller>>;
let active: Product;
let draft: Product;

beforeAll(async () => {
  // The shop is in Kabupaten Bogor, Jawa Barat (the factory's address).
  seller = await aSeller({ status: "approved" });
  active = await aProduct(seller.owner, { title: "Kerudung Paris Polos Premium", price: 45000, weightGrams: 300 });
  draft = await aProduct(seller.owner, { title: "Kerudung Draft Belum Tayang", publish: false });
});

const productPage = (slug: string, cookie?: string) => call(productLoader, getRequest(`/produk/${slug}`, { cookie }), { slug });
const ongkir = (slug: string, query: string) => call(ongkirLoader, getRequest(`/produk/${slug}/ongkir?${query}`), { slug });

describe("category and search pages", () => {
  it("answers 404 for a category that does not exist", async () => {
    const res = await call(categoryLoader, getRequest("/kategori/tidak-ada-sama-sekali"), { slug: "tidak-ada-sama-sekali" });
    expect(res.thrown).toBe(true);
    expect(res.status).toBe(404);
  });

  it("reads the empty fields a plain GET form sends as 'no filter', not as a maximum price of 0", async () => {
    const res = await call(searchLoader, getRequest("/cari?q=kerudung&kategori=&min=&max=&provinsi=&kondisi=&urut="));
    const titles = payload<{ items: { title: string }[] }>(res.result).items.map((i) => i.title);
    expect(titles).toEqual(["Kerudung Paris Polos Premium"]);
  });
});

describe("product page", () => {
  it("hides a draft from strangers and visitors, shows it to its own shop", async () => {
    const stranger = await aUser();
    expect((await productPage(draft.slug, await cookieFor(stranger.id))).status).toBe(404);
    expect((await productPage(draft.slug)).status).toBe(404);
    const own = await productPage(draft.slug, await cookieFor(seller.owner.id));
    expect(own.status).toBe(200);
    expect(payload<{ product: { status: string } }>(own.result).product.status).toBe("draft");
  });

  it("shows an active product to anyone", async () => {
    const res = await productPage(active.slug);
    expect(res.status).toBe(200);
    expect(payload<{ product: { title: string } }>(res.result).product.title).toBe("Kerudung Paris Polos Premium");
  });
});

describe("shipping estimate route", () => {
  it("quotes whole-rupiah prices to Kota Surabaya (another province)", async () => {
    const res = await ongkir(active.slug, "kota=3578&berat=300&jumlah=2");
    expect(res.status).toBe(200);
    const body = (await (res.result as Response).json()) as { destination: { name: string; province: string }; quotes: { priceRupiah: number; billableKg: number }[] };
    expect(body.destination).toMatchObject({ name: "Kota Surabaya", province: "Jawa Timur" });
    expect(body.quotes.length).toBeGreaterThan(0);
    for (const q of body.quotes) {
      expect(Number.isSafeInteger(q.priceRupiah)).toBe(true);
      expect(q.priceRupiah).toBeGreaterThan(0);
      expect(q.billableKg).toBeGreaterThanOrEqual(1);
    }
  });

  it("answers 400 for an unknown regency, a malformed one, or a weight that is not the product's", async () => {
    for (const query of ["kota=9999", "kota=32.7", "kota=", "kota=3578&berat=999999", "kota=3578&berat=301", "kota=3578&jumlah=0"]) {
      const res = await ongkir(active.slug, query);
      expect(res.status, query).toBe(400);
    }
  });

  it("does not estimate a draft for a stranger", async () => {
    expect((await ongkir(draft.slug, "kota=3578")).status).toBe(404);
  });
});

describe("product photo route", () => {
  it("serves a product photo with a long immutable cache", async () => {
    const photo = await db().productPhoto.findFirstOrThrow({ where: { productId: active.id } });
    const res = await call(imageLoader, getRequest(`/img/${photo.keyMedium}`), { "*": photo.keyMedium });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/webp");
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
  });

  it("refuses any key outside products/ (KYC documents above all) and keys that try to climb out", async () => {
    const doc = await db().kycDocument.findFirstOrThrow({ where: { shopId: seller.shop.id } });
    for (const key of [doc.storageKey, `products/../${doc.storageKey}`, "products/", "products//x.webp", "shops/x/kyc/y.webp"]) {
      const res = await call(imageLoader, getRequest(`/img/${key}`), { "*": key });
      expect(res.status, key).toBe(404);
    }
  });
});

describe("shop page", () => {
  it("lists an approved shop's active products and answers 404 for a shop not yet approved", async () => {
    const res = await call(shopLoader, getRequest(`/toko/${seller.shop.slug}`), { slug: seller.shop.slug });
    expect(payload<{ items: { slug: string }[] }>(res.result).items.map((i) => i.slug)).toEqual([active.slug]);
    const pending = await aSeller({ status: "submitted" });
    expect((await call(shopLoader, getRequest(`/toko/${pending.shop.slug}`), { slug: pending.shop.slug })).status).toBe(404);
  });
});

describe("sitemap", () => {
  it("lists the home page, categories and active products, never drafts", async () => {
    const res = await call(sitemapLoader, getRequest("/sitemap.xml"));
    const xml = await (res.result as Response).text();
    expect(res.headers.get("Content-Type")).toContain("application/xml");
    expect(xml).toContain("<loc>http://lapak.test/</loc>");
    expect(xml).toContain("<loc>http://lapak.test/kategori/fashion-muslim</loc>");
    expect(xml).toContain(`<loc>http://lapak.test/produk/${active.slug}</loc>`);
    expect(xml).not.toContain(draft.slug);
  });
});
