import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESI_FORMATS } from "../../app/domain/shipping/resi-formats";
import { formatRupiah } from "../../app/i18n/format";
import type { RunningApp } from "../setup/app-server";
import type { createTestDatabase } from "../setup/test-db";
import { checkoutToPayment, expectNoSeriousA11yViolations, hydrated, logIn, logOut, payByVa, phonePageForTest, photoJpeg, startE2e, writeTempFiles } from "./helpers";

// Money out, end to end on a phone against the built app, its Midtrans and Iris sandboxes: three orders from one
// seller. A: shipped with a resi, the buyer confirms "Pesanan Diterima" through its confirmation page. B: the buyer
// complains with a photo, the seller refunds a typed part, the rest is released. C: completes by the clock (the
// auto-complete job run 8 days ahead). The seller withdraws everything, admin 1 makes the payout batch and may not
// approve it, admin 2 approves, the Iris sandbox pays, the seller sees the bank reference, and every balance on
// /seller/keuangan and /admin/keuangan is right to the rupiah, computed here from the prices, the shipping cost, the
// commission rate in force and the refund.

const COMMISSION_BPS = 750; // 7.5 % on the products' top-level category, set before anything is paid
const REFUND_B = 60_000;
const DAY = 86_400_000;
const PRODUCTS = {
  A: { title: "Kemeja Batik Tulis Pekalongan", price: 185_000 },
  B: { title: "Sepatu Kanvas Bandung", price: 240_000 },
  C: { title: "Tas Anyaman Pandan", price: 99_500 },
} as const;
type Key = keyof typeof PRODUCTS;

let app: RunningApp;
let browser: Browser;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let stopE2e: (() => Promise<void>) | undefined;
let sql: pg.Client;
let base: string;

async function rows<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  return (await sql.query<T>(text, values)).rows;
}

async function waitFor<T>(what: string, read: () => Promise<T | undefined>, tries = 120): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The text of the element with this test id, as a number of rupiah ("Rp1.234.567" → 1234567). */
async function rupiahOf(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? "";
  return Number(text.replace(/[^\d-]/g, ""));
}

/** The image has really arrived (through its permission-checked route), not just its tag. */
async function expectLoadedImage(page: Page, name: string) {
  const img = page.getByRole("img", { name });
  await img.scrollIntoViewIfNeeded();
  await page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await img.elementHandle(), { polling: 100 });
}

beforeAll(async () => {
  const e2e = await startE2e({ MIDTRANS_SANDBOX_DUPLICATE_RATE: "0", IRIS_SANDBOX_DUPLICATE_RATE: "0.5" });
  ({ app, browser, database } = e2e);
  stopE2e = e2e.stop;
  base = app.url;
  // The factories and the services this file calls run here, against the app's database, keys and data dir.
  Object.assign(process.env, e2e.env, { APP_URL: base });
  (await import("../../app/infra/env.server")).resetEnvCache();
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
});

afterAll(async () => {
  await sql?.end();
  const { disconnectDb } = await import("../../app/infra/db.server");
  await disconnectDb();
  await stopE2e?.();
});

describe("money out on a phone", () => {
  it("confirm, complain with a photo and refund in part, complete by the clock, withdraw, maker-checker payout, balances to the rupiah", async () => {
    const { aUser, TEST_PASSWORD } = await import("../factories/users");
    const { aSeller } = await import("../factories/shops");
    const { aProduct, leafCategory } = await import("../factories/products");
    const { aBuyer } = await import("../factories/paid-orders");
    const { setCommissionRate } = await import("../../app/services/commission.server");
    const { autoCompleteOrders } = await import("../../app/services/order-completion.server");

    const page = await phonePageForTest(browser, base, () => app.output(), "money-journey");
    const admin1 = await aUser({ admin: true, name: "Admin Pembuat", email: "admin.pembuat@lapak.test" });
    const admin2 = await aUser({ admin: true, name: "Admin Penyetuju", email: "admin.penyetuju@lapak.test" });
    const seller = await aSeller({ status: "approved", name: "Rina Wulandari" });
    const buyer = await aBuyer("Dewi Lestari");
    const products = {} as Record<Key, { id: string }>;
    for (const key of Object.keys(PRODUCTS) as Key[]) products[key] = await aProduct(seller.owner, { ...PRODUCTS[key], weightGrams: 700 });
    const [top] = await rows<{ id: number }>(
      `WITH RECURSIVE up AS (SELECT id, parent_id FROM categories WHERE id = $1 UNION ALL SELECT c.id, c.parent_id FROM categories c JOIN up ON c.id = up.parent_id) SELECT id FROM up WHERE parent_id IS NULL`,
      [(await leafCategory()).id],
    );
    await setCommissionRate(admin1.id, top.id, COMMISSION_BPS);

    // Three checkouts (one order each), paid by virtual account on the sandbox's page.
    const orders = {} as Record<Key, { number: string; id: string; total: number; shipping: number; fee: number; courier: string }>;
    for (const key of Object.keys(PRODUCTS) as Key[]) {
      const placed = await checkoutToPayment(buyer.id, buyer.addressId, [products[key].id]);
      await payByVa(page, placed.redirectUrl);
      const [o] = await rows<{ id: string; order_number: string; total: number; shipping_cost: number; fee_total: number; courier_code: string }>(
        `SELECT o.id, o.order_number, o.total, o.shipping_cost, o.fee_total, s.courier_code FROM orders o JOIN shipments s ON s.order_id = o.id WHERE o.payment_id = $1`,
        [placed.paymentId],
      );
      orders[key] = { number: o.order_number, id: o.id, total: o.total, shipping: o.shipping_cost, fee: o.fee_total, courier: o.courier_code };
    }
    await waitFor("three paid orders", async () => {
      const [{ n }] = await rows<{ n: string }>(`SELECT count(*) AS n FROM orders WHERE status = 'paid'`);
      return n === "3" ? true : undefined;
    });

    // What each order is worth to whom, from the prices, shipping, the rate in force and the refund.
    const commission = (key: Key) => Math.floor((PRODUCTS[key].price * COMMISSION_BPS) / 10_000);
    for (const key of Object.keys(PRODUCTS) as Key[]) {
      expect(orders[key].total).toBe(PRODUCTS[key].price + orders[key].shipping + orders[key].fee);
      const [{ commission: fixed }] = await rows<{ commission: number }>(`SELECT commission FROM orders WHERE id = $1`, [orders[key].id]);
      expect(fixed).toBe(commission(key)); // the rate in force at payment, fixed on the order
    }
    const keptGoodsB = PRODUCTS.B.price - REFUND_B;
    const commissionB = Math.floor((commission("B") * keptGoodsB) / PRODUCTS.B.price); // on what the seller kept
    const toSeller = {
      A: PRODUCTS.A.price + orders.A.shipping - commission("A"),
      B: PRODUCTS.B.price + orders.B.shipping - REFUND_B - commissionB,
      C: PRODUCTS.C.price + orders.C.shipping - commission("C"),
    };
    const available = toSeller.A + toSeller.B + toSeller.C;
    const platform = commission("A") + commissionB + commission("C") + orders.A.fee + orders.B.fee + orders.C.fee;
    const paidIn = orders.A.total + orders.B.total + orders.C.total;

    // The seller ships all three with a resi; the money waits in escrow.
    await logIn(page, seller.owner.email, TEST_PASSWORD);
    for (const [i, key] of (Object.keys(PRODUCTS) as Key[]).entries()) {
      await page.goto(`/seller/orders/${orders[key].number}`);
      const resi = page.getByLabel("Nomor resi");
      await hydrated(resi);
      const example = RESI_FORMATS[orders[key].courier]?.example ?? "LPKRESI12345";
      await resi.fill(`${example.slice(0, -1)}${i + 1}`);
      await page.getByRole("button", { name: "Kirim Pesanan" }).click();
      const sure = page.getByRole("button", { name: "Ya, resi sudah benar" });
      const saved = page.getByText("Resi tersimpan. Pesanan dalam pengiriman.");
      await Promise.race([sure.waitFor(), saved.waitFor()]);
      if (await sure.isVisible()) await sure.click();
      await saved.waitFor();
    }
    await page.goto("/seller/keuangan");
    // The seller's part of it: the buyers' service fees are the platform's.
    expect(await rupiahOf(page, "escrow")).toBe(paidIn - orders.A.fee - orders.B.fee - orders.C.fee);
    expect(await rupiahOf(page, "available")).toBe(0);
    await logOut(page);

    // A: "Pesanan Diterima" asks first, says where the money goes, and offers a complaint beside it.
    await logIn(page, buyer.email, TEST_PASSWORD);
    await page.goto(`/pesanan/${orders.A.number}`);
    await page.getByText("Pesanan Diterima meneruskan dana ke penjual dan menutup kesempatan komplain.", { exact: false }).waitFor();
    await page.getByRole("link", { name: "Pesanan Diterima" }).click();
    await page.getByRole("heading", { name: "Pesanan sudah diterima?" }).waitFor();
    await page.getByText(`Dana ${formatRupiah(PRODUCTS.A.price + orders.A.shipping)} (harga barang dan ongkir) langsung diteruskan ke ${seller.shop.name}.`).waitFor();
    await page.getByText("Setelah itu pesanan selesai dan kamu tidak bisa lagi mengajukan komplain.").waitFor();
    await page.getByText("Kurir belum mencatat paket ini sampai.", { exact: false }).waitFor();
    await page.getByRole("link", { name: "Ajukan Komplain" }).waitFor();
    await expectNoSeriousA11yViolations(page, "confirmation of receipt");
    expect((await rows<{ status: string }>(`SELECT status FROM orders WHERE id = $1`, [orders.A.id]))[0].status).toBe("shipped"); // nothing happened yet
    await page.getByRole("button", { name: "Ya, Pesanan Diterima" }).click();
    await page.getByText("Terima kasih! Pesanan sudah kamu terima.").waitFor();
    expect(await page.getByRole("link", { name: "Ajukan Komplain" }).count()).toBe(0);

    // B: "Ajukan Komplain" with a photo (uploaded with progress, previewed), sent.
    await page.goto(`/pesanan/${orders.B.number}`);
    await page.getByRole("link", { name: "Ajukan Komplain" }).click();
    await page.getByRole("heading", { name: "Ajukan Komplain" }).waitFor();
    await hydrated(page.getByLabel("Alasan"));
    await page.getByLabel("Alasan").selectOption({ label: "Barang rusak" });
    await page.getByLabel("Ceritakan masalahnya").fill("Sol sepatu kanan lepas dan ada sobekan di ujung kanvas.");
    const files = await writeTempFiles({ "sepatu-rusak.jpg": await photoJpeg("Sol lepas") });
    try {
      const picker = page.getByLabel("Tambah foto");
      await hydrated(picker);
      await picker.setInputFiles(files.paths["sepatu-rusak.jpg"]);
      await page.getByText("1 dari 5 foto").waitFor();
      await expectLoadedImage(page, "Foto komplain 1");
      await expectNoSeriousA11yViolations(page, "complaint form");
    } finally {
      await files.cleanup();
    }
    await page.getByRole("button", { name: "Kirim Komplain" }).click();
    await page.getByText("Komplain dikirim.", { exact: false }).waitFor();
    const complaint = page.getByRole("region", { name: /Komplain/ });
    await complaint.getByText("Menunggu jawaban penjual").waitFor();
    await expectLoadedImage(page, "Foto komplain 1");
    expect(await page.getByRole("link", { name: "Pesanan Diterima" }).count()).toBe(0); // held while the complaint is open
    const photoUrl = await page.getByRole("img", { name: "Foto komplain 1" }).getAttribute("src");
    await logOut(page);

    // The seller sees the photo and refunds a typed part; the rest is released.
    await logIn(page, seller.owner.email, TEST_PASSWORD);
    expect((await page.request.get(photoUrl!.replace("/small", "/large"))).status()).toBe(200);
    await page.goto(`/seller/orders/${orders.B.number}`);
    await page.getByText("Sol sepatu kanan lepas", { exact: false }).first().waitFor();
    await expectLoadedImage(page, "Foto komplain 1");
    await expectNoSeriousA11yViolations(page, "seller's order with a complaint");
    await page.getByLabel("Jumlah yang dikembalikan (Rp)").fill("60.000");
    await page.getByRole("button", { name: "Kembalikan Sebagian" }).click();
    await page.getByText("Sebagian dana dikembalikan ke pembeli; sisanya diteruskan ke saldo toko.").waitFor();
    await page.getByText(`Dana dikembalikan sebagian: ${formatRupiah(REFUND_B)}`).waitFor();
    const [refund] = await rows<{ amount: number; status: string }>(`SELECT amount, status FROM refunds WHERE order_id = $1`, [orders.B.id]);
    expect(refund).toEqual({ amount: REFUND_B, status: "done" });

    // C: nobody confirms or complains; 8 days later (7 after shipping, no delivery reported) the job completes it.
    expect(await autoCompleteOrders(new Date(Date.now() + 8 * DAY))).toBe(1);
    const states = await rows<{ id: string; status: string }>(`SELECT id, status FROM orders`);
    expect(Object.fromEntries(states.map((s) => [s.id, s.status]))).toEqual({ [orders.A.id]: "received", [orders.B.id]: "received", [orders.C.id]: "received" });

    // The seller's finance page on the phone: every balance exact, the statement readable at 390 px.
    await page.goto("/seller/keuangan");
    expect(await rupiahOf(page, "available")).toBe(available);
    expect(await rupiahOf(page, "escrow")).toBe(0);
    expect(await rupiahOf(page, "paid-out")).toBe(0);
    const statement = page.getByRole("table", { name: "Mutasi saldo" });
    for (const key of Object.keys(PRODUCTS) as Key[]) await statement.getByRole("row").filter({ hasText: orders[key].number }).getByText(formatRupiah(toSeller[key])).first().waitFor();
    // What came to the shop for B: goods and shipping less the partial refund; the buyer's fee is not the seller's.
    await statement.getByRole("row").filter({ hasText: orders.B.number }).getByText(`Dana ${formatRupiah(orders.B.total - orders.B.fee - REFUND_B)} − komisi`, { exact: false }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const firstAmount = statement.getByRole("row").nth(1).getByRole("cell").nth(2);
    const box = (await firstAmount.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await expectNoSeriousA11yViolations(page, "seller finance");

    // The seller withdraws the whole available balance.
    await page.goto("/seller/keuangan/tarik");
    expect(await page.getByLabel("Jumlah penarikan (Rp)").inputValue()).toBe(String(available));
    await page.getByRole("button", { name: "Tarik Dana" }).click();
    await page.getByText(`sebesar ${formatRupiah(available)} diajukan`, { exact: false }).waitFor();
    await page.getByTestId("pending").filter({ hasText: formatRupiah(available) }).waitFor(); // once the page's data is reloaded
    await logOut(page);

    // Admin 1 makes the batch and may not approve it.
    await logIn(page, admin1.email, TEST_PASSWORD);
    await page.goto("/admin/payouts");
    await page.getByRole("listitem").filter({ hasText: seller.shop.name }).getByText(formatRupiah(available)).waitFor();
    await page.getByRole("button", { name: "Buat Batch" }).click();
    await page.getByText("Batch dibuat. Minta admin lain untuk menyetujuinya.").waitFor();
    await page.getByText("Kamu membuat batch ini: persetujuan harus oleh admin lain.").waitFor();
    expect(await page.getByRole("button", { name: "Setujui & Kirim" }).count()).toBe(0);
    const [batch] = await rows<{ id: string }>(`SELECT id FROM payout_batches`);
    const refused = await page.request.post("/admin/payouts", { form: { intent: "approve", batchId: batch.id } });
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toContain("Pembuat batch tidak dapat menyetujui batch yang sama.");
    expect((await rows<{ status: string }>(`SELECT status FROM payout_batches`))[0].status).toBe("created");
    await logOut(page);

    // Admin 2 approves; the Iris sandbox pays and notifies (signed, sometimes twice).
    await logIn(page, admin2.email, TEST_PASSWORD);
    await page.goto("/admin/payouts");
    await page.getByRole("button", { name: "Setujui & Kirim" }).click();
    await page.getByText("Batch disetujui dan dikirim ke penyedia pembayaran.").waitFor();
    const paid = await waitFor("the payout to complete", async () => {
      const [w] = await rows<{ status: string; provider_reference: string; amount: number }>(`SELECT status, provider_reference, amount FROM withdrawals`);
      return w?.status === "completed" ? w : undefined;
    });
    expect(paid.amount).toBe(available);
    await page.goto(`/admin/payouts/${batch.id}`);
    await page.getByText(`Referensi: ${paid.provider_reference}`).waitFor();

    // The platform's books: money at the gateway is exactly the platform's revenue, everything else at zero.
    await page.goto("/admin/keuangan");
    expect(await rupiahOf(page, "escrow")).toBe(0);
    expect(await rupiahOf(page, "seller-available")).toBe(0);
    expect(await rupiahOf(page, "payout-clearing")).toBe(0);
    expect(await rupiahOf(page, "tax-payable")).toBe(0);
    expect(await rupiahOf(page, "platform-revenue")).toBe(platform);
    expect(await rupiahOf(page, "provider-clearing")).toBe(paidIn - REFUND_B - available);
    expect(paidIn - REFUND_B - available).toBe(platform);
    await page.getByText("Seimbang: debit sama dengan kredit.").waitFor();
    expect(await rupiahOf(page, "total-debit")).toBe(paidIn - REFUND_B - available);
    expect(await rupiahOf(page, "total-credit")).toBe(platform);
    expect(await page.getByTestId("closed-escrow").textContent()).toBe("Semua Rp0 (3 pesanan).");
    await expectNoSeriousA11yViolations(page, "admin finance");
    const months = page.getByRole("region", { name: "Komisi per bulan" }).locator("tbody tr");
    let [commissionSum, feeSum, revenueSum] = [0, 0, 0];
    for (let i = 0; i < (await months.count()); i++) {
      const cells = months.nth(i).getByRole("cell");
      const money = async (n: number) => Number(((await cells.nth(n).textContent()) ?? "").replace(/[^\d]/g, ""));
      [commissionSum, feeSum, revenueSum] = [commissionSum + (await money(1)), feeSum + (await money(2)), revenueSum + (await money(3))];
    }
    expect([commissionSum, feeSum, revenueSum]).toEqual([commission("A") + commissionB + commission("C"), orders.A.fee + orders.B.fee + orders.C.fee, platform]);
    await logOut(page);

    // The seller sees the payout with its bank reference; nothing left, everything paid out.
    await logIn(page, seller.owner.email, TEST_PASSWORD);
    await page.goto("/seller/keuangan/tarik");
    await page.getByText(`Referensi bank: ${paid.provider_reference}`).waitFor();
    await page.goto("/seller/keuangan");
    expect(await rupiahOf(page, "available")).toBe(0);
    expect(await rupiahOf(page, "escrow")).toBe(0);
    expect(await rupiahOf(page, "paid-out")).toBe(available);

    const [ledger] = await rows<{ total: string }>(`SELECT COALESCE(SUM(amount), 0)::text AS total FROM journal_lines`);
    expect(ledger.total).toBe("0");
    console.log(
      `[money-journey] paid in ${paidIn}; to the seller A ${toSeller.A} + B ${toSeller.B} (refund ${REFUND_B}, commission ${commissionB} of ${commission("B")}) + C ${toSeller.C} = ${available} paid out as ${paid.provider_reference}; platform ${platform}`,
    );
  }, 420_000);
});
