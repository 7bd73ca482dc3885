import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESI_FORMATS } from "../../app/domain/shipping/resi-formats";
import { DEMO_PASSWORD } from "../../prisma/seed";
import type { RunningApp } from "../setup/app-server";
import { readPdf } from "../setup/pdf";
import type { createTestDatabase } from "../setup/test-db";
import { apportion } from "../../app/domain/dropship/settlement";
import { formatRupiah } from "../../app/i18n/format";
import { confirmOrderReceived, expectNoSeriousA11yViolations, hydrated, logIn, logOut, phonePageForTest, startE2e } from "./helpers";

// The dropship program on a phone, against the built app: the supplier (Gamis Cantik Bandung) opens a product,
// the dropshipper (Elektronik Jaya Surabaya) lists it with 20% markup, Budi buys it from the dropshipper and pays
// in the sandbox, the supplier prints a label naming the dropshipper and enters the resi, Budi sees the resi.

const SUPPLIER = "bandung@lapak.test";
const DROPSHIPPER = "jaya@lapak.test";
const BUYER = "budi@lapak.test";

let app: RunningApp;
let browser: Browser;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let stopE2e: (() => Promise<void>) | undefined;
let base: string;
let supplierShopId: string;
/** The dropshipper's listing, made by the first test (the complaint chain buys it again). */
let listingSlug: string | undefined;

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const e2e = await startE2e({ MIDTRANS_SANDBOX_DUPLICATE_RATE: "0" });
  ({ app, browser, database } = e2e);
  stopE2e = e2e.stop;
  base = app.url;
  const [category] = await sql<{ id: number }>(`SELECT id FROM categories WHERE level = 3 ORDER BY id LIMIT 1`);
  [{ shop_id: supplierShopId }] = await sql<{ id: string; shop_id: string }>(
    `INSERT INTO products (shop_id, slug, title, category_id, price_rupiah, stock, weight_grams, status, shop_province_code, published_at)
     SELECT id, 'gamis-syari-e2e', 'Gamis Syari Dropship', $1, 120000, 20, 700, 'active', province_code, now() FROM shops WHERE slug = 'gamis-cantik-bandung'
     RETURNING id, shop_id`,
    [category.id],
  );
  await sql(
    `INSERT INTO addresses (user_id, label, recipient, phone, province_code, regency_code, district, postal_code, street, is_default)
     SELECT id, 'Rumah', 'Budi Santoso', '+6281234567001', '35', '3578', 'Gubeng', '60281', 'Jl. Kertajaya No. 10', true FROM users WHERE email = $1`,
    [BUYER],
  );
});

afterAll(async () => {
  await stopE2e?.();
});

async function submit(page: Page, name: string) {
  const button = page.getByRole("button", { name });
  await hydrated(button);
  await button.click();
}

type PaidOrder = { order_number: string; status: string; courier_code: string };

/** The logged-in buyer buys the listing with "Beli Sekarang" and pays in the sandbox; the order once it is paid. */
async function buyAndPay(page: Page, slug: string): Promise<PaidOrder> {
  const before = new Set((await sql<{ order_number: string }>(`SELECT order_number FROM orders`)).map((o) => o.order_number));
  await page.goto(`/produk/${slug}`);
  const add = page.getByRole("button", { name: "Beli Sekarang" });
  await hydrated(add);
  await add.click();
  await page.getByRole("heading", { name: "Checkout" }).waitFor();
  await submit(page, "Bayar");
  await page.getByRole("heading", { name: "Pembayaran (sandbox)" }).waitFor();
  await page.getByRole("button", { name: "BCA Virtual Account" }).click();
  await page.getByRole("button", { name: "Bayar" }).click();
  await page.getByText("Pembayaran berhasil.").waitFor();
  let order: PaidOrder | undefined;
  for (let i = 0; i < 60 && order?.status !== "paid"; i++) {
    order = (await sql<PaidOrder>(`SELECT o.order_number, o.status, s.courier_code FROM orders o JOIN shipments s ON s.order_id = o.id ORDER BY o.created_at`)).find((o) => !before.has(o.order_number));
    if (order?.status !== "paid") await page.waitForTimeout(500);
  }
  expect(order?.status).toBe("paid");
  return order!;
}

/** The logged-in supplier enters the resi of a forwarded order; returns the resi. */
async function shipAsSupplier(page: Page, order: PaidOrder): Promise<string> {
  await page.goto(`/seller/orders/${order.order_number}`);
  const resi = RESI_FORMATS[order.courier_code]?.example ?? "0123456789012345";
  await page.getByLabel("Nomor resi").fill(resi);
  await submit(page, "Kirim Pesanan");
  if (await page.getByRole("button", { name: "Ya, resi sudah benar" }).count()) await submit(page, "Ya, resi sudah benar");
  await page.getByText("Resi tersimpan. Pesanan dalam pengiriman.").waitFor();
  return resi;
}

/** What the order put in each ledger account (credits positive), escrow left out. */
async function creditsOfOrder(orderId: string) {
  const rows = await sql<{ code: string; balance: string }>(
    `SELECT a.code, (-SUM(l.amount))::text AS balance FROM journal_lines l JOIN ledger_accounts a ON a.id = l.account_id WHERE l.order_id = $1 AND a.code <> 'escrow' GROUP BY a.code`,
    [orderId],
  );
  return (code: string) => Number(rows.find((b) => b.code === code)?.balance ?? 0);
}

describe("dropship program end to end", () => {
  it("supplier opens, dropshipper lists with 20% markup, buyer buys, supplier labels and ships, buyer sees the resi", async () => {
    const page = await phonePageForTest(browser, base, () => app.output(), "dropship");

    // Supplier opens the product at Rp87.000.
    await logIn(page, SUPPLIER, DEMO_PASSWORD);
    await page.goto("/seller/dropship/program");
    await page.getByRole("heading", { name: "Program dropship (pemasok)" }).waitFor();
    const item = page.locator(".ds-item").filter({ hasText: "Gamis Syari Dropship" });
    await item.getByRole("checkbox").check();
    await item.getByLabel("Harga dropship (Rp)").fill("87000");
    await submit(page, "Simpan");
    await page.getByRole("status").filter({ hasText: "1 produk dibuka untuk dropship" }).waitFor();
    await logOut(page);

    // Dropshipper joins and adds it with the default 20% markup rounded up to Rp500.
    await logIn(page, DROPSHIPPER, DEMO_PASSWORD);
    await page.goto("/seller/dropship");
    await page.getByRole("link", { name: "Gamis Cantik Bandung" }).click();
    await submit(page, "Gabung jadi dropshipper");
    await page.getByRole("checkbox", { name: "Gamis Syari Dropship" }).check();
    await page.getByLabel("Besar markup").fill("20");
    await submit(page, "Tambahkan ke toko");
    await page.getByRole("status").filter({ hasText: "1 produk ditambahkan" }).waitFor();
    const [listing] = await sql<{ slug: string; price_rupiah: number }>(`SELECT p.slug, p.price_rupiah FROM dropship_listings l JOIN products p ON p.id = l.product_id`);
    expect(listing.price_rupiah).toBe(104_500);
    await logOut(page);

    // Budi buys it from the dropshipper's shop and pays in the sandbox.
    await logIn(page, BUYER, DEMO_PASSWORD);
    await page.goto(`/produk/${listing.slug}`);
    await page.getByText("Elektronik Jaya Surabaya").first().waitFor();
    expect(await page.getByText("Gamis Cantik Bandung").count()).toBe(0);
    const order = await buyAndPay(page, listing.slug);
    listingSlug = listing.slug;
    // The supplier's half runs in the same page: the buyer's session goes first.
    await page.context().clearCookies();

    // The supplier prints the label (the dropshipper is the sender) and enters the resi.
    await logIn(page, SUPPLIER, DEMO_PASSWORD);
    const pdf = await page.request.get(`/seller/orders/labels?order=${order.order_number}&layout=a6`);
    expect(pdf.status()).toBe(200);
    const label = await readPdf(new Uint8Array(await pdf.body()));
    expect(label.text).toContain("Elektronik Jaya Surabaya");
    expect(label.text).not.toContain("Gamis Cantik Bandung");
    const resi = await shipAsSupplier(page, order);
    await logOut(page);

    // Budi sees the resi on his order.
    await logIn(page, BUYER, DEMO_PASSWORD);
    await page.goto(`/pesanan/${order.order_number}`);
    await page.getByText(`No. resi: ${resi}`).first().waitFor();

    // Budi confirms: the escrow splits to the rupiah (supplier: dropship price + shipping − commission; dropshipper: margin).
    await confirmOrderReceived(page);
    const [o] = await sql<{ id: string; shipping_cost: number; fee_total: number; total: number; commission: number; shop_id: string }>(
      `SELECT id, shipping_cost, fee_total, total, commission, shop_id FROM orders WHERE order_number = $1`,
      [order.order_number],
    );
    const of = await creditsOfOrder(o.id);
    expect(of(`seller_available:${supplierShopId}`)).toBe(87_000 + o.shipping_cost - o.commission);
    expect(of(`seller_available:${o.shop_id}`)).toBe(104_500 - 87_000);
    expect(of("platform_revenue")).toBe(o.commission + o.fee_total);
    expect(87_000 + o.shipping_cost - o.commission + 17_500 + o.commission + o.fee_total).toBe(o.total);
  });

  it("'Kirim sebagai dropshipper' at checkout: the label shows the sender the buyer typed", async () => {
    const page = await phonePageForTest(browser, base, () => app.output(), "dropship-sender");
    await logIn(page, BUYER, DEMO_PASSWORD);
    await page.goto("/produk/gamis-syari-e2e");
    const buy = page.getByRole("button", { name: "Beli Sekarang" });
    await hydrated(buy);
    await buy.click();
    await page.getByRole("heading", { name: "Checkout" }).waitFor();
    const tick = page.getByRole("checkbox", { name: "Kirim sebagai dropshipper" });
    await hydrated(tick);
    await tick.check();
    await page.getByLabel("Nama pengirim").fill("Kado dari Budi");
    // A mistyped phone first: the server's answer under the field, summed up (and focused) at the top, nothing lost.
    await page.getByLabel("No. HP pengirim").fill("12345");
    await submit(page, "Bayar");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? "")).toContain("Isi nama dan nomor HP pengirim yang benar");
    expect(await page.getByLabel("No. HP pengirim").getAttribute("aria-describedby")).toBe("senderPhone-error");
    expect(await page.locator("#senderPhone-error").textContent()).toBe("Nomor HP tidak valid. Contoh: 0812 3456 7890");
    expect(await page.getByLabel("Nama pengirim").inputValue()).toBe("Kado dari Budi");
    expect(await page.getByRole("checkbox", { name: "Kirim sebagai dropshipper" }).isChecked()).toBe(true);
    await page.getByLabel("No. HP pengirim").fill("0813 2222 3333");
    await submit(page, "Bayar");
    await page.getByRole("heading", { name: "Pembayaran (sandbox)" }).waitFor();
    await page.getByRole("button", { name: "BCA Virtual Account" }).click();
    await page.getByRole("button", { name: "Bayar" }).click();
    await page.getByText("Pembayaran berhasil.").waitFor();
    let order: { order_number: string; status: string } | undefined;
    for (let i = 0; i < 60 && order?.status !== "paid"; i++) {
      [order] = await sql<{ order_number: string; status: string }>(`SELECT order_number, status FROM orders WHERE dropship_sender_name = 'Kado dari Budi'`);
      if (order?.status !== "paid") await page.waitForTimeout(500);
    }
    expect(order?.status).toBe("paid");
    await page.context().clearCookies();

    await logIn(page, SUPPLIER, DEMO_PASSWORD);
    const label = await readPdf(new Uint8Array(await (await page.request.get(`/seller/orders/labels?order=${order!.order_number}&layout=a6`)).body()));
    expect(label.text).toContain("Kado dari Budi (+6281322223333)");
    expect(label.text).not.toContain("Gamis Cantik Bandung");
    const slip = await readPdf(new Uint8Array(await (await page.request.get(`/seller/orders/slips?order=${order!.order_number}`)).body()));
    expect(slip.text).toContain("Kado dari Budi");
    expect(slip.text).not.toMatch(/Rp/);
  });

  it("after-sales: Budi complains to the dropshipper, who forwards it; the supplier refunds 30%; both balances exact to the rupiah", async () => {
    expect(listingSlug, "the first test lists the product").toBeDefined();
    const page = await phonePageForTest(browser, base, () => app.output(), "dropship-complaint");
    await logIn(page, BUYER, DEMO_PASSWORD);
    const order = await buyAndPay(page, listingSlug!);
    await page.context().clearCookies();
    await logIn(page, SUPPLIER, DEMO_PASSWORD);
    await shipAsSupplier(page, order);
    await logOut(page);

    // Budi complains from his order: to him it is the dropshipper's shop that answers.
    await logIn(page, BUYER, DEMO_PASSWORD);
    await page.goto(`/pesanan/${order.order_number}`);
    await page.getByRole("link", { name: "Ajukan Komplain" }).click();
    await page.getByRole("heading", { name: "Ajukan Komplain" }).waitFor();
    const reason = page.getByLabel("Alasan");
    await hydrated(reason);
    await reason.selectOption("damaged");
    await page.getByLabel("Ceritakan masalahnya").fill("Jahitan di lengan lepas, saya bayar Rp104.500");
    await submit(page, "Kirim Komplain");
    await page.getByRole("status").filter({ hasText: "Komplain dikirim." }).waitFor();
    await page.getByText("Menunggu jawaban penjual").first().waitFor();
    await expectNoSeriousA11yViolations(page, "buyer complaint");
    await logOut(page);

    // The dropshipper forwards it with a note for the supplier and an answer for Budi.
    await logIn(page, DROPSHIPPER, DEMO_PASSWORD);
    await page.goto("/seller/dropship");
    await page.getByTestId("dropship-complaints").getByRole("link", { name: order.order_number }).click();
    await page.getByRole("heading", { name: "Teruskan ke pemasok" }).waitFor();
    const note = page.getByLabel("Catatan untuk pemasok");
    await hydrated(note);
    await note.fill("Jahitan lengan lepas, mohon dicek. Foto menyusul.");
    await page.getByLabel("Jawaban untuk pembeli").fill("Kami cek ke gudang ya, Kak.");
    await submit(page, "Teruskan ke pemasok");
    await page.getByRole("status").filter({ hasText: "Komplain diteruskan ke pemasok." }).waitFor();
    await logOut(page);

    // The supplier reads the note, its own price, never the buyer's price or words, and refunds 30%.
    await logIn(page, SUPPLIER, DEMO_PASSWORD);
    await page.goto("/seller/dropship/program");
    await page.getByTestId("dropship-complaints").getByRole("link", { name: order.order_number }).click();
    await page.getByText("Jahitan lengan lepas, mohon dicek. Foto menyusul.").waitFor();
    expect(await page.getByText(/104\.500/).count()).toBe(0);
    expect(await page.getByText("Kami cek ke gudang").count()).toBe(0);
    await expectNoSeriousA11yViolations(page, "supplier complaint");
    const percent = page.getByLabel("Persentase pengembalian (%)");
    await hydrated(percent);
    await percent.fill("30");
    await submit(page, "Kembalikan sebagian");
    await page.getByRole("status").filter({ hasText: "Keputusan tersimpan." }).waitFor();
    await logOut(page);

    // The order completes with the rest released: each shop gave back in proportion to what it would have received.
    type Row = { id: string; status: string; shipping_cost: number; fee_total: number; total: number; commission: number; released_commission: number; shop_id: string };
    let o: Row | undefined;
    for (let i = 0; i < 60 && o?.status !== "received"; i++) {
      [o] = await sql<Row>(`SELECT id, status, shipping_cost, fee_total, total, commission, released_commission, shop_id FROM orders WHERE order_number = $1`, [order.order_number]);
      if (o?.status !== "received") await page.waitForTimeout(500);
    }
    expect(o?.status).toBe("received");
    const S = o!.shipping_cost;
    const refund = Math.floor(((104_500 + S) * 30) / 100);
    const [fromSupplier, fromDropshipper] = apportion(refund, [87_000 + S, 17_500]);
    const commission = Math.floor((o!.commission * (104_500 - refund)) / 104_500);
    expect(o!.released_commission).toBe(commission);
    const of = await creditsOfOrder(o!.id);
    expect(of(`seller_available:${supplierShopId}`)).toBe(87_000 + S - fromSupplier - commission);
    expect(of(`seller_available:${o!.shop_id}`)).toBe(17_500 - fromDropshipper);
    expect(of("platform_revenue")).toBe(commission + o!.fee_total);
    expect(of(`seller_available:${supplierShopId}`) + of(`seller_available:${o!.shop_id}`) + of("platform_revenue") + refund).toBe(o!.total);
    console.log(
      `[dropship e2e] 30% refund ${refund} of ${104_500 + S}: supplier ${87_000 + S - fromSupplier - commission} (gave back ${fromSupplier}), dropshipper ${17_500 - fromDropshipper} (gave back ${fromDropshipper}), commission ${commission}`,
    );

    // Budi sees the refund on his complaint, in the dropshipper's name only.
    await logIn(page, BUYER, DEMO_PASSWORD);
    await page.goto(`/pesanan/${order.order_number}`);
    await page.getByRole("link", { name: `Lihat komplain pesanan ${order.order_number}` }).click();
    await page.getByRole("heading", { name: "Selesai" }).waitFor();
    await page.getByText(formatRupiah(refund)).first().waitFor();
    await page.getByText("Kami cek ke gudang ya, Kak.").waitFor();
    expect(await page.getByText("Gamis Cantik Bandung").count()).toBe(0);
  });
});
