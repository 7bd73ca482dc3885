import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { sampleQuotes } from "../../app/domain/shipping/tariffs";
import { formatRupiah } from "../../app/i18n/format";
import { DEMO_PASSWORD } from "../../prisma/seed";
import type { RunningApp } from "../setup/app-server";
import type { createTestDatabase } from "../setup/test-db";
import { expectNoSeriousA11yViolations as a11y, hydrated, startE2e, logIn, logOut, phonePage, writeTempFiles } from "./helpers";

// The catalog journey, in a phone-sized Chromium against the built app: an approved seller adds a
// product (2 photos, sizes M and L at different prices, category found by search, price typed with
// thousand dots) and publishes it; a buyer finds it by a misspelt word, picks size L and gets a
// shipping estimate to another province. Plus the rows behind it.

const SELLER = { email: "bandung@lapak.test", password: DEMO_PASSWORD, shop: "Gamis Cantik Bandung" };
const BUYER = { email: "budi@lapak.test", password: DEMO_PASSWORD };
const PRODUCT = {
  title: "Gamis Brokat Lavender Wolfis",
  description: "Gamis brokat warna lavender dengan furing wolfis, resleting depan ramah busui. Dikirim dari Bandung.",
  category: "Fashion Muslim › Gamis › Gamis Motif",
  price: "189.000",
  stock: "12",
  weightGrams: "600",
  // Size L costs more and weighs a little more.
  large: { price: "209.000", weightGrams: "650" },
};
// "Brokat" with its last two letters swapped. It shares 4 of its 7 trigrams with "Brokat" ("  b", " br", "bro",
// "rok"): word_similarity ≈ 0.57, found only thanks to the app's pg_trgm.word_similarity_threshold of 0.4
// (app/infra/db.server.ts; PostgreSQL's default 0.6 would miss it), and no full-text match.
const TYPO = "brokta";
// The shop is in Kota Bandung, Jawa Barat (32); the parcel goes to Jawa Timur (35).
const DESTINATION = { province: "Jawa Timur", provinceCode: "35", regency: "Kota Surabaya", regencyCode: "3578" };

let app: RunningApp;
let browser: Browser;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let stopE2e: (() => Promise<void>) | undefined;
let cleanupFiles: (() => Promise<void>) | undefined;
let files: Record<string, string>;

beforeAll(async () => {
  const images = (async () => writeTempFiles({ "gamis-depan.jpg": await productPhoto("depan", 1200, 1500), "gamis-detail.jpg": await productPhoto("detail", 1000, 1000) }))();
  // The demo accounts and shops (the approved "Gamis Cantik Bandung" among them) but not the 300+ product
  // demo catalog: uploading its photos takes most of a minute, and the journey adds its own product.
  const e2e = await startE2e({ SEED_DEMO_CATALOG: "false" });
  ({ app, browser, database } = e2e);
  stopE2e = e2e.stop;
  const written = await images;
  cleanupFiles = written.cleanup;
  files = written.paths;
});

afterAll(async () => {
  await stopE2e?.();
  await cleanupFiles?.();
});

/** A phone-camera-like JPEG of a lavender dress on a backdrop: real pixels, ≥ 600 px, distinct per view. */
async function productPhoto(view: "depan" | "detail", width: number, height: number): Promise<Buffer> {
  const backdrop = view === "depan" ? "#efe7dc" : "#dcd6ef";
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 300 375">
  <rect width="300" height="375" fill="${backdrop}"/>
  <path d="M120 40 Q150 58 180 40 L196 60 L188 120 L236 350 H64 L112 120 L104 60 Z" fill="#b39ddb"/>
  <path d="M112 120 H188" stroke="#7e57c2" stroke-width="6"/>
  ${Array.from({ length: 24 }, (_, i) => `<circle cx="${90 + ((i * 37) % 120)}" cy="${150 + ((i * 53) % 190)}" r="${view === "detail" ? 9 : 5}" fill="none" stroke="#ede7f6" stroke-width="2"/>`).join("")}
  <text x="16" y="360" font-size="14" font-family="DejaVu Sans, sans-serif" fill="#4a3b6b">${view.toUpperCase()}</text>
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toBuffer();
}

/** The variant row (a fieldset named by its option) of the seller's variant table. */
function variantRow(page: Page, option: string) {
  return page.getByRole("group", { name: option, exact: true });
}

describe("catalog in the browser", () => {
  it("lets an approved seller publish a product with photos and sizes, and a buyer find it with a typo and estimate shipping", async () => {
    const seller = await phonePage(browser, app.url);
    const buyer = await phonePage(browser, app.url);
    onTestFailed(async () => {
      for (const [who, page] of [["seller", seller], ["buyer", buyer]] as const) {
        const shot = path.join(tmpdir(), `lapak-e2e-catalog-${who}.png`);
        await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
        console.error(`[${who}] at ${page.url()}, screenshot: ${shot}`);
      }
      console.error(`app output (tail):\n${app.output().slice(-3000)}`);
    });

    // ---------------------------------------------------------------- the seller opens the product form
    await logIn(seller, SELLER.email, SELLER.password);
    await seller.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Toko Saya" }).click();
    await seller.getByRole("main").getByRole("link", { name: "Produk", exact: true }).click();
    await seller.getByRole("heading", { level: 1, name: "Produk Saya" }).waitFor();
    await a11y(seller);
    await seller.getByRole("link", { name: "Tambah produk" }).click();
    await seller.waitForURL("**/seller/products/new");
    await seller.getByRole("heading", { level: 1, name: "Tambah produk" }).waitFor();

    // ---------------------------------------------------------------- two photos, uploaded as soon as they are picked
    const photoInput = seller.getByLabel("Tambah foto");
    await hydrated(photoInput);
    await photoInput.setInputFiles([files["gamis-depan.jpg"], files["gamis-detail.jpg"]]);
    await seller.getByText("2 dari 9 foto").waitFor({ timeout: 20_000 });
    await expect(seller.getByRole("img", { name: /^Foto produk \d$/ }).count()).resolves.toBe(2);
    await expect(seller.getByText("Foto utama", { exact: true }).isVisible()).resolves.toBe(true);
    await expect(seller.getByText(/^Mengunggah…/).count()).resolves.toBe(0);
    // Move and delete are thumb-sized (≥ 44×44 px, WCAG 2.2) and apart; a deleted photo can be put back.
    const boxes = await Promise.all(
      ["Pindahkan foto 2 ke depan", "Pindahkan foto 1 ke belakang", "Hapus foto 1"].map(async (name) => (await seller.getByRole("button", { name }).boundingBox())!),
    );
    for (const box of boxes) {
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    const [, later1, remove1] = boxes;
    const apart = Math.max(remove1.y - (later1.y + later1.height), remove1.x - (later1.x + later1.width), later1.x - (remove1.x + remove1.width));
    expect(apart).toBeGreaterThanOrEqual(8);
    await seller.getByRole("button", { name: "Hapus foto 2" }).click();
    await seller.getByText("1 dari 9 foto").waitFor();
    await seller.getByRole("button", { name: "Urungkan" }).click();
    await seller.getByText("2 dari 9 foto").waitFor();
    await expect(seller.getByRole("img", { name: "Foto produk 2" }).isVisible()).resolves.toBe(true);

    // ---------------------------------------------------------------- title, category found by search, description
    await seller.getByLabel("Nama produk").fill(PRODUCT.title);
    await seller.getByLabel("Cari kategori").fill("gamis motif");
    await seller.getByRole("button", { name: PRODUCT.category, exact: true }).click();
    await expect(seller.getByRole("group", { name: "Kategori", exact: true }).getByRole("status").textContent()).resolves.toBe(`Kategori dipilih: ${PRODUCT.category}`);
    await seller.getByLabel("Deskripsi").fill(PRODUCT.description);

    // ---------------------------------------------------------------- price with thousand dots, stock, weight in grams
    const price = seller.getByLabel("Harga (Rp)", { exact: true });
    await price.pressSequentially(PRODUCT.price);
    await seller.getByLabel("Stok", { exact: true }).fill(PRODUCT.stock);
    await expect(price.inputValue()).resolves.toBe(PRODUCT.price);
    await seller.getByLabel("Berat (gram)").fill(PRODUCT.weightGrams);

    // ---------------------------------------------------------------- one variant type: Ukuran M and L
    await seller.getByLabel("Produk ini punya varian, misalnya ukuran atau warna").check();
    await seller.getByLabel("Jenis varian 1", { exact: true }).fill("Ukuran");
    const options = seller.getByLabel("Pilihan Ukuran", { exact: true });
    await options.fill("M");
    await options.press("Enter");
    await options.fill("L");
    await options.press("Enter");
    await seller.getByText("2 kombinasi").waitFor();
    await a11y(seller);
    // Each row starts from the base fields; L gets its own price and weight.
    await expect(variantRow(seller, "M").getByLabel("Harga (Rp)").inputValue()).resolves.toBe(PRODUCT.price);
    await expect(variantRow(seller, "M").getByLabel("Berat (g)").inputValue()).resolves.toBe(PRODUCT.weightGrams);
    await variantRow(seller, "L").getByLabel("Harga (Rp)").fill(PRODUCT.large.price);
    await variantRow(seller, "L").getByLabel("Berat (g)").fill(PRODUCT.large.weightGrams);

    // ---------------------------------------------------------------- publish
    await seller.getByRole("button", { name: "Simpan & tampilkan" }).click();
    await seller.getByText("Produk disimpan dan sudah tampil di Lapak.").waitFor();
    await seller.waitForURL(/\/seller\/products\/[0-9a-f-]{36}$/);
    await seller.getByRole("heading", { level: 1, name: "Ubah produk" }).waitFor();
    await seller.getByText(/^Status: Aktif\b/).waitFor();
    await expect(seller.getByRole("link", { name: "Lihat halaman produk" }).isVisible()).resolves.toBe(true);
    await a11y(seller);
    // What was stored comes back in the form.
    await expect(seller.getByLabel("Nama produk").inputValue()).resolves.toBe(PRODUCT.title);
    await expect(variantRow(seller, "L").getByLabel("Harga (Rp)").inputValue()).resolves.toBe(PRODUCT.large.price);
    await logOut(seller);

    // ---------------------------------------------------------------- a buyer searches with a typo
    await logIn(buyer, BUYER.email, BUYER.password);
    await buyer.goto("/");
    await a11y(buyer);
    const search = buyer.getByRole("searchbox", { name: "Cari produk" });
    await hydrated(search);
    await search.fill(TYPO);
    await search.press("Enter");
    await buyer.waitForURL(`**/cari?q=${TYPO}`);
    await buyer.getByRole("heading", { level: 1, name: `Hasil untuk “${TYPO}”` }).waitFor();
    const card = buyer.getByRole("article").filter({ hasText: PRODUCT.title });
    await card.waitFor();
    // The only match (the demo catalog is not seeded); the cheapest variant is the listing price.
    await buyer.getByRole("heading", { level: 2, name: "1 produk", exact: true }).waitFor();
    await expect(card.textContent()).resolves.toContain("Rp189.000");
    await expect(card.textContent()).resolves.toContain(SELLER.shop);
    await a11y(buyer);

    // ---------------------------------------------------------------- the product page: size L and its price
    await card.getByRole("link", { name: PRODUCT.title }).first().click();
    await buyer.getByRole("heading", { level: 1, name: PRODUCT.title }).waitFor();
    // Before a pick, the first size in stock (M) and its price.
    await expect(buyer.getByRole("group", { name: "Ukuran: M" }).isVisible()).resolves.toBe(true);
    await buyer.getByText("Rp189.000", { exact: true }).waitFor();
    // Both photos made it to the gallery, the cover shown first and actually decoded.
    const mainPhoto = buyer.getByRole("img", { name: `${PRODUCT.title} (Foto 1 dari 2)`, exact: true });
    await mainPhoto.waitFor();
    await expect.poll(() => mainPhoto.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await expect(buyer.getByRole("button", { name: "Foto 2 dari 2" }).isVisible()).resolves.toBe(true);
    const sizeL = buyer.getByRole("radio", { name: "L", exact: true });
    await hydrated(sizeL);
    await sizeL.check();
    await buyer.getByText("Rp209.000", { exact: true }).waitFor();
    await expect(buyer.getByText("Rp189.000", { exact: true }).count()).resolves.toBe(0);
    await expect(buyer.getByRole("group", { name: "Ukuran: L" }).isVisible()).resolves.toBe(true);
    // L's own weight in the product facts (dt "Berat", dd "650 g").
    await expect(buyer.getByRole("definition").filter({ hasText: /^650 g$/ }).isVisible()).resolves.toBe(true);

    // ---------------------------------------------------------------- shipping estimate to another province
    await expect(buyer.getByText("Dikirim dari Kota Bandung, Jawa Barat").isVisible()).resolves.toBe(true);
    const province = buyer.getByLabel("Provinsi tujuan");
    await hydrated(province);
    await province.selectOption({ label: DESTINATION.province });
    await buyer.getByLabel("Kota/kabupaten tujuan").selectOption({ label: DESTINATION.regency });
    await buyer.getByText(`Ke ${DESTINATION.regency}, ${DESTINATION.province}; 650 g untuk 1 barang`).waitFor();
    const quotes = buyer.getByRole("region", { name: "Estimasi ongkos kirim" }).getByRole("listitem");
    await quotes.first().waitFor();
    await a11y(buyer);
    // The same sample tariff the server uses, for L's 650 g from Jawa Barat (32) to Jawa Timur.
    const expected = sampleQuotes({ originProvince: "32", destinationProvince: DESTINATION.provinceCode, weightGrams: 650 });
    for (const [label, code] of [
      ["JNE REG", "jne-reg"],
      ["J&T Express EZ", "jnt-ez"],
    ] as const) {
      const quote = expected.find((q) => q.serviceCode === code)!;
      const item = quotes.filter({ hasText: label });
      const text = (await item.textContent()) ?? "";
      // Billed weight (650 g → the 1 kg minimum), price in rupiah, delivery estimate.
      expect(text).toContain(formatRupiah(quote.priceRupiah));
      expect(text).toContain("Berat ditagih: 1 kg");
      expect(text).toMatch(/Estimasi: \d+(–\d+)? hari/);
    }
    // Cargo (a 10 kg minimum) is not offered for a 650 g dress.
    const offered = expected.filter((q) => !q.serviceCode.endsWith("-cargo"));
    await expect(quotes.count()).resolves.toBe(offered.length);
    await expect(quotes.filter({ hasText: "Cargo" }).count()).resolves.toBe(0);
    // On a 360 px phone the estimate fits its card: nothing scrolls sideways, "Estimasi" included.
    await buyer.setViewportSize({ width: 360, height: 780 });
    const estimateCard = buyer.getByRole("region", { name: "Estimasi ongkos kirim" });
    await expect(estimateCard.evaluate((el) => el.scrollWidth <= el.clientWidth)).resolves.toBe(true);
    await expect(buyer.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
    await seller.context().close();
    await buyer.context().close();

    // ---------------------------------------------------------------- what the database recorded
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows: products } = await client.query(
        `SELECT p.id, p.status, p.price_rupiah, p.weight_grams, p.variant_type1, p.published_at, c.slug AS category
           FROM products p JOIN shops s ON s.id = p.shop_id JOIN users u ON u.id = s.owner_id JOIN categories c ON c.id = p.category_id
          WHERE u.email = $1 AND p.title = $2`,
        [SELLER.email, PRODUCT.title],
      );
      expect(products).toHaveLength(1);
      const product = products[0];
      expect(product).toMatchObject({ status: "active", price_rupiah: 189_000, variant_type1: "Ukuran", category: "gamis-motif" });
      expect(product.published_at).not.toBeNull();
      // The search went through the typo-tolerant path: no full-text match, a word similarity between the app's 0.4 and PostgreSQL's default 0.6.
      const { rows: match } = await client.query(
        "SELECT word_similarity($1, title) AS similarity, search_vector @@ websearch_to_tsquery('indonesian', $1) AS full_text FROM products WHERE id = $2",
        [TYPO, product.id],
      );
      expect(match[0].full_text).toBe(false);
      expect(match[0].similarity).toBeGreaterThanOrEqual(0.4);
      expect(match[0].similarity).toBeLessThan(0.6);
      // Both photos, in the order picked: the 1200×1500 front view is the cover, then the 1000×1000 detail.
      const { rows: photos } = await client.query("SELECT position, width, height FROM product_photos WHERE product_id = $1 ORDER BY position", [product.id]);
      expect(photos.map((p) => `${p.width}×${p.height}`)).toEqual(["1200×1500", "1000×1000"]);
      const { rows: variants } = await client.query("SELECT option1, option2, price_rupiah, stock, weight_grams FROM product_variants WHERE product_id = $1 ORDER BY position", [product.id]);
      expect(variants).toEqual([
        { option1: "M", option2: null, price_rupiah: 189_000, stock: 12, weight_grams: 600 },
        { option1: "L", option2: null, price_rupiah: 209_000, stock: 12, weight_grams: 650 },
      ]);
    } finally {
      await client.end();
    }
  });
});
