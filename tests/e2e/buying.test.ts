import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed";
import type { RunningApp } from "../setup/app-server";
import type { createTestDatabase } from "../setup/test-db";
import { hydrated, logIn, phonePageForTest, startE2e } from "./helpers";

// The buyer's journey on a phone, against the built app and its embedded Midtrans sandbox: a cart from two shops,
// an address added at checkout, one payment by BCA virtual account on the sandbox's page, both orders paid.
// (The sellers' half, label and resi, is the next part of this issue.)

const BUYER = { email: "budi@lapak.test", password: DEMO_PASSWORD };
const PRODUCTS = [
  { shop: "gamis-cantik-bandung", shopName: "Gamis Cantik Bandung", slug: "gamis-katun-toyobo-e2e", title: "Gamis Katun Toyobo Navy", price: 175_000, weight: 600 },
  { shop: "elektronik-jaya-surabaya", shopName: "Elektronik Jaya Surabaya", slug: "powerbank-10000-e2e", title: "Powerbank 10.000 mAh", price: 129_000, weight: 300 },
];

let app: RunningApp;
let browser: Browser;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let stopE2e: (() => Promise<void>) | undefined;
let base: string;

beforeAll(async () => {
  const e2e = await startE2e({ MIDTRANS_SANDBOX_DUPLICATE_RATE: "0.5" });
  ({ app, browser, database } = e2e);
  stopE2e = e2e.stop;
  // The app calls itself (payment page, notifications) at its APP_URL, which is app.url: the browser uses the same origin.
  base = app.url;
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const category = (await client.query<{ id: number }>(`SELECT id FROM categories WHERE level = 3 ORDER BY id LIMIT 1`)).rows[0].id;
  for (const p of PRODUCTS) {
    await client.query(
      `INSERT INTO products (shop_id, slug, title, category_id, price_rupiah, stock, weight_grams, status, shop_province_code, published_at)
       SELECT id, $2, $3, $4, $5, 20, $6, 'active', province_code, now() FROM shops WHERE slug = $1`,
      [p.shop, p.slug, p.title, category, p.price, p.weight],
    );
  }
  await client.end();
});

afterAll(async () => {
  await stopE2e?.();
});

async function addToCart(page: Page, slug: string) {
  await page.goto(`/produk/${slug}`);
  const add = page.getByRole("button", { name: "+ Keranjang" });
  await hydrated(add);
  await add.click();
  await page.getByRole("status").filter({ hasText: "Produk masuk keranjang." }).waitFor();
}

describe("buying from two shops with one payment", () => {
  it("fills a cart, adds an address, pays a BCA virtual account in the sandbox and sees both orders paid", async () => {
    const page = await phonePageForTest(browser, base, () => app.output(), "buying");
    await logIn(page, BUYER.email, BUYER.password);
    for (const p of PRODUCTS) await addToCart(page, p.slug);

    await page.getByRole("link", { name: "Keranjang" }).first().click();
    await page.getByRole("heading", { name: "Keranjang" }).waitFor();
    for (const p of PRODUCTS) await page.getByRole("region", { name: p.shopName }).waitFor();

    // "Hapus" by mistake: the cart names what went, and "Batalkan" puts it back.
    const [first] = PRODUCTS;
    const remove = page.getByRole("button", { name: `Hapus ${first.title}` });
    await hydrated(remove);
    await remove.click();
    await page.getByRole("status").filter({ hasText: `${first.title} dihapus dari keranjang.` }).waitFor();
    expect(await page.getByRole("region", { name: first.shopName }).count()).toBe(0);
    await page.getByRole("button", { name: "Batalkan" }).click();
    await page.getByRole("region", { name: first.shopName }).waitFor();
    await page.getByRole("status").filter({ hasText: "dihapus dari keranjang" }).waitFor({ state: "detached" });
    await page.getByRole("link", { name: "Beli (2)" }).click();

    // No address yet: add one from checkout and come back.
    await page.getByRole("heading", { name: "Checkout" }).waitFor();
    await page.getByRole("link", { name: "Tambah Alamat" }).click();
    const province = page.getByLabel("Provinsi");
    await hydrated(province);
    await page.getByLabel("Label alamat (mis. Rumah, Kantor)").fill("Rumah");
    await page.getByLabel("Nama penerima").fill("Budi Santoso");
    await page.getByLabel("Nomor HP penerima").fill("0812 3456 7001");
    await province.selectOption({ label: "Jawa Timur" });
    await page.getByLabel("Kota/Kabupaten").selectOption({ label: "Kota Surabaya" });
    await page.getByLabel("Kecamatan").fill("Gubeng");
    await page.getByLabel("Kode pos").fill("60281");
    await page.getByLabel("Alamat lengkap (jalan, nomor rumah, RT/RW)").fill("Jl. Kertajaya No. 10, RT 02/RW 05");
    await page.getByRole("button", { name: "Simpan Alamat" }).click();

    await page.getByRole("heading", { name: "Checkout" }).waitFor();
    await page.getByText("Kota Surabaya", { exact: false }).first().waitFor();
    for (const p of PRODUCTS) {
      const shop = page.getByRole("region", { name: p.shopName });
      expect(await shop.getByRole("radio").first().isChecked()).toBe(true);
    }
    await page.getByLabel("Catatan untuk penjual (opsional)").first().fill("Warna navy ya, kak");
    await page.getByText("Satu pembayaran, 2 pesanan (satu per toko).").waitFor();
    const total = await page.getByTestId("checkout-total").textContent();
    const pay = page.getByRole("button", { name: "Bayar" });
    await hydrated(pay);
    await pay.click();

    // The embedded gateway's own page.
    await page.getByRole("heading", { name: "Pembayaran (sandbox)" }).waitFor();
    await page.getByText(total!, { exact: false }).first().waitFor();
    await page.getByRole("button", { name: "BCA Virtual Account" }).click();
    expect(await page.getByTestId("va-number").textContent()).toMatch(/^\d{10,}$/);
    await page.getByRole("button", { name: "Bayar" }).click();
    await page.getByText("Pembayaran berhasil.").waitFor();
    await page.getByRole("link", { name: "Kembali ke Lapak" }).click();

    await page.getByRole("heading", { name: "Pesanan Saya" }).waitFor();
    // The notification arrives by itself (signed, retried, sometimes twice); reload until both orders show it.
    for (let i = 0; i < 60; i++) {
      if ((await page.locator(".order-card").filter({ hasText: "Dibayar" }).count()) === 2) break;
      await page.waitForTimeout(500);
      await page.reload();
    }
    const cards = page.locator(".order-card");
    expect(await cards.count()).toBe(2);
    for (const p of PRODUCTS) {
      const card = cards.filter({ hasText: p.shopName });
      await card.getByText("Dibayar").waitFor();
      await card.getByText(p.title, { exact: false }).waitFor();
    }
    // The timeline says who did what.
    await cards.first().locator("summary").click();
    await cards.first().getByText("Pembayaran diterima").waitFor();

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const orders = await client.query(`SELECT o.status, p.status AS payment FROM orders o JOIN payments p ON p.id = o.payment_id`);
      expect(orders.rows).toEqual([
        { status: "paid", payment: "settled" },
        { status: "paid", payment: "settled" },
      ]);
      const ledger = await client.query<{ total: string; entries: string }>(`SELECT COALESCE(SUM(amount), 0) AS total, COUNT(DISTINCT entry_id) AS entries FROM journal_lines`);
      expect(ledger.rows[0]).toEqual({ total: "0", entries: "1" });
    } finally {
      await client.end();
    }
  });
});
