import { readFile } from "node:fs/promises";
import pg from "pg";
import { PageSizes } from "pdf-lib";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESI_FORMATS } from "../../app/domain/shipping/resi-formats";
import { DEMO_PASSWORD } from "../../prisma/seed";
import type { RunningApp } from "../setup/app-server";
import { readPdf } from "../setup/pdf";
import type { createTestDatabase } from "../setup/test-db";
import { checkoutToPayment, confirmOrderReceived, hydrated, logIn, logOut, payByVa, phonePageForTest, startE2e } from "./helpers";

// The sellers' half of buying, on a phone against the built app and its embedded Midtrans sandbox: two shops each
// see their paid order, print a label (a PDF download), enter the resi; the buyer sees the timeline with the
// courier's steps and confirms one; a third order is cancelled by its seller and the buyer sees the refund.
// Orders are placed through the app's own checkout service and paid on the sandbox's page in the browser.

const PRODUCTS = [
  { shop: "gamis-cantik-bandung", seller: "bandung@lapak.test", slug: "kemeja-batik-e2e-seller", title: "Kemeja Batik Parang", price: 185_000 },
  { shop: "elektronik-jaya-surabaya", seller: "jaya@lapak.test", slug: "kabel-usb-c-e2e-seller", title: "Kabel USB-C 1 m", price: 45_000 },
  { shop: "gamis-cantik-bandung", seller: "bandung@lapak.test", slug: "jilbab-segi-empat-e2e", title: "Jilbab Segi Empat", price: 65_000 },
];

let app: RunningApp;
let browser: Browser;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let stopE2e: (() => Promise<void>) | undefined;
let base: string;
let sql: pg.Client;

async function rows<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  return (await sql.query<T>(text, values)).rows;
}

/** Budi's cart of these products, checked out through the app's services and started at the sandbox. */
async function checkout(buyerId: string, addressId: string, slugs: string[]) {
  const ids = await rows<{ id: string }>(`SELECT id FROM products WHERE slug = ANY($1) ORDER BY array_position($1, slug)`, [slugs]);
  return checkoutToPayment(buyerId, addressId, ids.map((p) => p.id));
}

async function waitForStatus(orderNumbers: string[], status: string) {
  for (let i = 0; i < 120; i++) {
    const found = await rows<{ n: string }>(`SELECT count(*) AS n FROM orders WHERE order_number = ANY($1) AND status = $2`, [orderNumbers, status]);
    if (Number(found[0].n) === orderNumbers.length) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`orders ${orderNumbers.join(", ")} did not reach ${status}`);
}

beforeAll(async () => {
  const e2e = await startE2e({ MIDTRANS_SANDBOX_DUPLICATE_RATE: "0.5" });
  ({ app, browser, database } = e2e);
  stopE2e = e2e.stop;
  base = app.url;
  // The services this file calls run in the test process against the same database and gateway as the app.
  process.env.DATABASE_URL = database.url;
  process.env.APP_URL = base;
  (await import("../../app/infra/env.server")).resetEnvCache();
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  const [category] = await rows<{ id: number }>(`SELECT id FROM categories WHERE level = 3 ORDER BY id LIMIT 1`);
  for (const p of PRODUCTS) {
    await sql.query(
      `INSERT INTO products (shop_id, slug, title, category_id, price_rupiah, stock, weight_grams, status, shop_province_code, published_at)
       SELECT id, $2, $3, $4, $5, 20, 700, 'active', province_code, now() FROM shops WHERE slug = $1`,
      [p.shop, p.slug, p.title, category.id, p.price],
    );
  }
});

afterAll(async () => {
  await sql?.end();
  const { disconnectDb } = await import("../../app/infra/db.server");
  await disconnectDb();
  await stopE2e?.();
});

describe("sellers process paid orders on a phone", () => {
  it("label PDF, resi, tracking in the buyer's timeline, receipt confirmed; a cancelled order is refunded", async () => {
    const page = await phonePageForTest(browser, base, () => app.output(), "orders-seller");
    const [buyer] = await rows<{ id: string }>(`SELECT id FROM users WHERE email = 'budi@lapak.test'`);
    const { addAddress } = await import("../../app/services/addresses.server");
    const address = await addAddress(buyer.id, { label: "Rumah", recipient: "Budi Santoso", phone: "081234567001", provinceCode: "35", regencyCode: "3578", district: "Gubeng", postalCode: "60281", street: "Jl. Kertajaya No. 10", isDefault: true });

    // One payment for two shops, and a second checkout for a third order.
    const first = await checkout(buyer.id, address.id, [PRODUCTS[0].slug, PRODUCTS[1].slug]);
    const second = await checkout(buyer.id, address.id, [PRODUCTS[2].slug]);
    await payByVa(page, first.redirectUrl);
    await payByVa(page, second.redirectUrl);
    const all = [...first.orders, ...second.orders].map((o) => o.orderNumber);
    await waitForStatus(all, "paid");
    const orderOf = async (slug: string) =>
      (await rows<{ order_number: string; courier_code: string; total: number }>(
        `SELECT o.order_number, s.courier_code, o.total FROM orders o JOIN order_items i ON i.order_id = o.id JOIN products p ON p.id = i.product_id JOIN shipments s ON s.order_id = o.id WHERE p.slug = $1`,
        [slug],
      ))[0];

    // Each seller: sees the paid order with its deadline, downloads the A6 label, enters the resi.
    for (const product of PRODUCTS.slice(0, 2)) {
      const order = await orderOf(product.slug);
      await logIn(page, product.seller, DEMO_PASSWORD);
      await page.goto("/seller/orders?tab=paid");
      await page.getByRole("heading", { name: "Pesanan Toko" }).waitFor();
      const card = page.getByRole("article", { name: order.order_number });
      await card.getByText("Kirim sebelum", { exact: false }).waitFor();
      await card.getByRole("link", { name: `Buka pesanan ${order.order_number}` }).click();
      await page.getByRole("heading", { name: order.order_number }).waitFor();

      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Label pengiriman (A6)" }).click()]);
      const bytes = await readFile((await download.path())!);
      expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
      const pdf = await readPdf(new Uint8Array(bytes));
      expect(pdf.pageCount).toBe(1);
      expect(pdf.pages[0].width).toBeCloseTo(PageSizes.A6[0], 0);
      expect(pdf.text).toContain(order.order_number);
      expect(pdf.text).toContain("Budi Santoso");

      const resiField = page.getByLabel("Nomor resi");
      await hydrated(resiField);
      await resiField.fill(RESI_FORMATS[order.courier_code]?.example ?? "LPKRESI123456");
      await page.getByRole("button", { name: "Kirim Pesanan" }).click();
      const confirm = page.getByRole("button", { name: "Ya, resi sudah benar" });
      const saved = page.getByText("Resi tersimpan. Pesanan dalam pengiriman.");
      await Promise.race([confirm.waitFor(), saved.waitFor()]);
      if (await confirm.isVisible()) await confirm.click();
      await saved.waitFor();
      await page.getByText("Paket dijemput kurir").waitFor(); // the tracking sandbox's first step, in the timeline
      await logOut(page);
    }

    // The third order: its seller cancels it with a reason.
    const third = await orderOf(PRODUCTS[2].slug);
    await logIn(page, PRODUCTS[2].seller, DEMO_PASSWORD);
    await page.goto(`/seller/orders/${third.order_number}`);
    await page.getByText("Batalkan Pesanan").first().click();
    await page.getByLabel("Alasan pembatalan (dikirim ke pembeli)").fill("Stok warna ini habis");
    await page.getByRole("button", { name: "Batalkan Pesanan" }).click();
    await page.getByText("Pesanan dibatalkan dan dana dikembalikan ke pembeli.").waitFor();
    await logOut(page);

    // The buyer: both timelines show the shipment and the courier's step; one is confirmed; the refund shows.
    const shipped = await orderOf(PRODUCTS[0].slug);
    await logIn(page, "budi@lapak.test", DEMO_PASSWORD);
    for (const product of PRODUCTS.slice(0, 2)) {
      await page.goto(`/pesanan/${(await orderOf(product.slug)).order_number}`);
      await page.getByText("Pesanan dikirim").waitFor();
      await page.getByText("Paket dijemput kurir").waitFor();
      await page.getByText("No. resi:", { exact: false }).first().waitFor();
    }
    await page.goto(`/pesanan/${shipped.order_number}`);
    await confirmOrderReceived(page);
    await page.goto(`/pesanan/${third.order_number}`);
    await page.getByText("Stok warna ini habis").first().waitFor();
    await page.getByText(/Dana Rp[\d.]+ dikembalikan/).waitFor();

    const states = await rows<{ order_number: string; status: string }>(`SELECT order_number, status FROM orders ORDER BY order_number`);
    expect(Object.fromEntries(states.map((s) => [s.order_number, s.status]))).toEqual({
      [shipped.order_number]: "received",
      [(await orderOf(PRODUCTS[1].slug)).order_number]: "shipped",
      [third.order_number]: "refunded",
    });
    const [gateway] = await rows<{ status: string; refunded_amount: number }>(`SELECT status, refunded_amount FROM sandbox_midtrans_transactions WHERE order_id = $1`, [second.paymentNumber]);
    expect(gateway).toEqual({ status: "refund", refunded_amount: third.total });
    const [ledger] = await rows<{ total: string }>(`SELECT COALESCE(SUM(amount), 0) AS total FROM journal_lines`);
    expect(ledger.total).toBe("0");
  });
});
