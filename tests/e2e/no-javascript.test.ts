import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed";
import type { RunningApp } from "../setup/app-server";
import { logIn, startE2eWithFactories } from "./helpers";

// The seller wizard on a phone whose JavaScript never loads (off, or a slow network): every form posts
// natively, and a refused post comes back with what was typed and warnings about what is on the screen. The
// buyer's "Pesanan Diterima" confirmation and "Ajukan Komplain" form work the same way.

let app: RunningApp;
let browser: Browser;
let stop: (() => Promise<void>) | undefined;

// The buyer's orders are made by the factories here, against the app's database, keys and data dir.
beforeAll(async () => {
  const e2e = await startE2eWithFactories();
  ({ app, browser } = e2e);
  stop = e2e.stop;
});

afterAll(() => stop?.());

async function noJsPhone(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: "id-ID", baseURL: app.url, javaScriptEnabled: false });
  return context.newPage();
}

// Agus Setiawan has an account and no shop yet (demo data). A man born 12 March 1985 in Kota Bandung.
const SELLER = { email: "agus@lapak.test", name: "Agus Setiawan" };
const NIK_MAN = "3273011203850007";

describe("the seller wizard without JavaScript", () => {
  it("keeps what was typed on a refused post, and warns only about what is on the screen", async () => {
    const page = await noJsPhone();
    onTestFailed(async () => {
      console.error(`at ${page.url()}:\n${(await page.locator("main").innerText().catch(() => "")).slice(0, 3000)}\napp output (tail):\n${app.output().slice(-2000)}`);
    });
    await logIn(page, SELLER.email, DEMO_PASSWORD);

    // ------------------------------------------------------------ shop step: a refusal keeps every field
    await page.goto("/seller/onboarding/shop");
    await page.getByLabel("Nama toko").fill("Warung Agus Bandung");
    await page.getByLabel("Alamat toko (URL)").fill("x"); // too short: refused
    await page.getByLabel("Provinsi").selectOption({ label: "Jawa Barat" });
    // No script narrows the list, so every regency is offered, grouped by province.
    await page.getByLabel("Kabupaten/Kota").selectOption({ label: "Kota Bandung" });
    await page.getByLabel("Kecamatan").fill("Coblong");
    await page.getByLabel("Kode pos").fill("40132");
    await page.getByLabel("Jalan, nomor rumah, RT/RW").fill("Jl. Dago No. 5");
    await page.getByLabel("Nomor HP/WhatsApp").fill("0812 1111 2222");
    await page.getByRole("button", { name: "Simpan & lanjut" }).click();
    await page.getByText("Gunakan 3–40 huruf kecil, angka, atau tanda minus").waitFor();
    expect(await page.getByLabel("Nama toko").inputValue()).toBe("Warung Agus Bandung");
    expect(await page.getByLabel("Kabupaten/Kota").inputValue()).toBe("3273");
    expect(await page.getByLabel("Kecamatan").inputValue()).toBe("Coblong");
    expect(await page.getByLabel("Nomor HP/WhatsApp").inputValue()).toBe("0812 1111 2222");
    await page.getByLabel("Alamat toko (URL)").fill("warung-agus-bandung");
    await page.getByRole("button", { name: "Simpan & lanjut" }).click();
    await page.waitForURL("**/seller/onboarding/identity");

    // ------------------------------------------------------------ identity: uploads say they need JavaScript
    // (Playwright's text locators skip <noscript>; the text a reader sees is in innerText.)
    await page.getByRole("heading", { level: 2, name: "Identitas (KTP)" }).waitFor();
    expect(await page.locator("main").innerText()).toContain("Unggah file memerlukan JavaScript");

    // Saved with a mismatch (a man's NIK, "Perempuan" picked): saved, warned, and the button says so.
    await page.getByLabel("Nama lengkap sesuai KTP").fill(SELLER.name);
    await page.getByLabel("NIK (16 digit)").fill(NIK_MAN);
    await page.getByLabel("Tanggal lahir").fill("1985-03-12");
    await page.getByLabel("Jenis kelamin").selectOption({ label: "Perempuan" });
    await page.getByRole("button", { name: "Simpan & lanjut" }).click();
    await page.getByText("Data sudah tersimpan.").waitFor();
    await page.getByText("data yang kamu isi berbeda dengan NIK").waitFor();
    expect(await page.getByRole("button", { name: "Simpan & lanjut" }).count()).toBe(0);
    await page.getByRole("button", { name: "Simpan perubahan" }).waitFor();
    await page.getByRole("link", { name: "Lanjut" }).waitFor();

    // A refused NIK: everything typed comes back, and no warning about the NIK saved before.
    await page.getByLabel("Nama lengkap sesuai KTP").fill("Agus Setiawan Putra");
    await page.getByLabel("NIK (16 digit)").fill("9973011203850007");
    await page.getByLabel("Tanggal lahir").fill("1985-03-13");
    await page.getByLabel("Jenis kelamin").selectOption({ label: "Laki-laki" });
    await page.getByRole("button", { name: "Simpan perubahan" }).click();
    await page.getByText("Dua digit pertama NIK bukan kode provinsi yang dikenal").waitFor();
    expect(await page.getByLabel("Nama lengkap sesuai KTP").inputValue()).toBe("Agus Setiawan Putra");
    expect(await page.getByLabel("NIK (16 digit)").inputValue()).toBe("9973011203850007");
    expect(await page.getByLabel("Tanggal lahir").inputValue()).toBe("1985-03-13");
    expect(await page.getByLabel("Jenis kelamin").inputValue()).toBe("L");
    expect(await page.getByText("data yang kamu isi berbeda dengan NIK").count()).toBe(0);

    // Corrected: saved, no warning, on to the tax step.
    await page.getByLabel("NIK (16 digit)").fill(NIK_MAN);
    await page.getByLabel("Tanggal lahir").fill("1985-03-12");
    await page.getByRole("button", { name: "Simpan & lanjut" }).click();
    await page.waitForURL("**/seller/onboarding/tax");

    // ------------------------------------------------------------ tax: the checkbox posts natively
    await page.getByLabel("Nomor NPWP").fill("12.345");
    await page.getByRole("button", { name: "Simpan & lanjut" }).click();
    await page.getByLabel("Nomor NPWP").waitFor();
    expect(await page.getByLabel("Nomor NPWP").inputValue()).toBe("12.345");
    expect(await page.locator("[role=alert]").count()).toBeGreaterThan(0);
    await page.getByLabel("NPWP saya adalah NIK saya").check();
    await page.getByRole("button", { name: "Simpan & lanjut" }).click();
    await page.waitForURL("**/seller/onboarding/bank");

    // ------------------------------------------------------------ bank: a refused account number keeps the rest
    await page.getByLabel("Bank", { exact: true }).selectOption("014");
    await page.getByLabel("Nomor rekening").fill("12");
    await page.getByLabel("Nama pemilik rekening").fill(SELLER.name);
    await page.getByRole("button", { name: "Simpan & lanjut" }).click();
    await page.locator("[role=alert]").first().waitFor();
    expect(await page.getByLabel("Bank", { exact: true }).inputValue()).toBe("014");
    expect(await page.getByLabel("Nomor rekening").inputValue()).toBe("12");
    expect(await page.getByLabel("Nama pemilik rekening").inputValue()).toBe(SELLER.name);
    await page.context().close();
  });
});

describe("receipt and complaints without JavaScript", () => {
  it("'Pesanan Diterima' asks on its own page and posts natively; 'Ajukan Komplain' sends without photos", async () => {
    const { aShippedOrder } = await import("../factories/paid-orders");
    const { TEST_PASSWORD } = await import("../factories/users");
    const a = await aShippedOrder();
    const b = await aShippedOrder({ buyer: a.buyer, seller: a.seller });
    const page = await noJsPhone();
    onTestFailed(async () => console.error(`at ${page.url()}:\n${(await page.locator("main").innerText().catch(() => "")).slice(0, 3000)}`));
    await logIn(page, a.buyer.email, TEST_PASSWORD);

    await page.goto(`/pesanan/${a.order.orderNumber}`);
    await page.getByRole("link", { name: "Pesanan Diterima" }).click();
    await page.getByRole("heading", { name: "Pesanan sudah diterima?" }).waitFor();
    await page.getByText("kamu tidak bisa lagi mengajukan komplain").waitFor();
    await page.getByRole("button", { name: "Ya, Pesanan Diterima" }).click();
    await page.getByText("Terima kasih! Pesanan sudah kamu terima.").waitFor();

    await page.goto(`/pesanan/${b.order.orderNumber}`);
    await page.getByRole("link", { name: "Ajukan Komplain" }).click();
    await page.getByRole("heading", { name: "Ajukan Komplain" }).waitFor();
    expect(await page.locator("main").innerText()).toContain("Unggah file memerlukan JavaScript");
    await page.getByLabel("Alasan").selectOption({ label: "Barang kurang" });
    await page.getByLabel("Ceritakan masalahnya").fill("Kurang");
    await page.getByRole("button", { name: "Kirim Komplain" }).click();
    await page.getByText("Ceritakan masalahnya (10–1000 karakter).").waitFor();
    expect(await page.getByLabel("Alasan").inputValue()).toBe("incomplete");
    await page.getByLabel("Ceritakan masalahnya").fill("Pesan dua, datang satu.");
    await page.getByRole("button", { name: "Kirim Komplain" }).click();
    await page.getByText("Komplain dikirim.", { exact: false }).waitFor();
    await page.getByText("Menunggu jawaban penjual").waitFor();
    await page.context().close();
  });
});
