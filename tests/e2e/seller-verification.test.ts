import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { specimenDocument } from "../../prisma/demo/specimen-images";
import { DEMO_PASSWORD } from "../../prisma/seed";
import type { RunningApp } from "../setup/app-server";
import type { createTestDatabase } from "../setup/test-db";
import { expectNoSeriousA11yViolations as a11y, hydrated, startE2e, logIn, logOut, phonePage, photoJpeg, writeTempFiles } from "./helpers";

// The whole seller verification journey, in a phone-sized Chromium against the built app:
// sign up → shop wizard with real photos → submit → admin asks for a new KTP → seller replaces only
// the KTP → resubmits → admin approves → seller sees "Terverifikasi". Plus the DB trail behind it.

const SELLER = { name: "Siti Nurhaliza", email: "siti.kue@contoh.id", password: "lapis-legit-77" };
const SHOP = { name: "Kue Lapis Siti Bogor", slug: "kue-lapis-siti-bogor" };
// A woman born 5 July 1990, first registered in Kabupaten Bogor (3201): day 05 + 40 = 45.
const NIK = "3201014507900003";
const ADMIN = { email: "admin@lapak.test", password: DEMO_PASSWORD };
const NOTE = "Angka NIK di foto tidak terbaca, mohon foto ulang di tempat terang";

let app: RunningApp;
let browser: Browser;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let stopE2e: (() => Promise<void>) | undefined;
let cleanupFiles: (() => Promise<void>) | undefined;
let files: Record<string, string>;

beforeAll(async () => {
  const images = writeTempFiles({
    "ktp-1.jpg": await specimenDocument("ktp", { name: SELLER.name, nik: NIK }),
    // The retake: a different, bigger photo of the card (its own bytes, so it is a new version).
    "ktp-2.jpg": await sharp1400(await specimenDocument("ktp", { name: SELLER.name, nik: NIK })),
    "npwp.jpg": await specimenDocument("npwp", { name: SELLER.name, npwp: NIK }),
    "buku-tabungan.jpg": await photoJpeg("BUKU TABUNGAN BCA"),
  });
  const e2e = await startE2e();
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

/** The retake as a 1400×900 photo: the specimen card on a table-coloured background. */
async function sharp1400(card: Buffer): Promise<Buffer> {
  const resized = await sharp(card).resize(1200, 756).toBuffer();
  return sharp({ create: { width: 1400, height: 900, channels: 3, background: "#8a6f52" } })
    .composite([{ input: resized, left: 100, top: 72 }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** Picks a file in the upload field labelled `label` and waits for the field's own "saved" state. */
async function upload(page: Page, label: RegExp, file: string, version: number) {
  const input = page.getByLabel(label);
  await hydrated(input);
  await expect(input.isEnabled()).resolves.toBe(true);
  await input.setInputFiles(file);
  await page.getByRole("status").filter({ hasText: `Tersimpan (versi ${version})` }).waitFor({ timeout: 20_000 });
}

async function stepHeading(page: Page, name: string) {
  await page.getByRole("heading", { level: 2, name, exact: true }).waitFor();
}

async function shopStatusBadge(page: Page) {
  // "Status toko: <badge>" on the wizard and the seller home.
  const line = page.getByText(/^Status toko:/);
  await line.waitFor();
  return ((await line.textContent()) ?? "").replace(/^Status toko:\s*/, "").trim();
}

describe("seller verification in the browser", () => {
  it("takes a new seller from sign-up to a verified shop, with one change request on the KTP", async () => {
    // ---------------------------------------------------------------- the seller signs up
    const seller = await phonePage(browser, app.url);
    const admin = await phonePage(browser, app.url);
    onTestFailed(async () => {
      // Where each browser was when it failed, and what the server said.
      for (const [who, page] of [["seller", seller], ["admin", admin]] as const) {
        const shot = path.join(tmpdir(), `lapak-e2e-seller-verification-${who}.png`);
        await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
        console.error(`[${who}] at ${page.url()}, screenshot: ${shot}`);
      }
      console.error(`app output (tail):\n${app.output().slice(-3000)}`);
    });
    await seller.goto("/");
    await a11y(seller);
    await seller.getByRole("link", { name: "Daftar", exact: true }).click();
    await seller.getByLabel("Nama lengkap").waitFor();
    await a11y(seller);
    await seller.getByLabel("Nama lengkap").fill(SELLER.name);
    await seller.getByLabel("Email").fill(SELLER.email);
    await seller.getByLabel("Kata sandi", { exact: true }).fill(SELLER.password);
    await seller.getByLabel("Ulangi kata sandi").fill(SELLER.password);
    await seller.getByRole("button", { name: "Daftar" }).click();
    await seller.getByText("Akun berhasil dibuat").waitFor();

    // ---------------------------------------------------------------- step 1: the shop
    await seller.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Buka Toko" }).click();
    await seller.waitForURL("**/seller/onboarding/shop");
    await stepHeading(seller, "Toko");
    await a11y(seller);
    const nameInput = seller.getByLabel("Nama toko");
    await hydrated(nameInput);
    await nameInput.fill(SHOP.name);
    // The URL is suggested from the name and checked live.
    await expect.poll(() => seller.getByLabel("Alamat toko (URL)").inputValue()).toBe(SHOP.slug);
    await seller.getByText("Alamat ini tersedia").waitFor();
    await seller.getByLabel("Deskripsi toko").fill("Kue lapis legit dan lapis talas, dibuat setiap pagi.");
    await seller.getByLabel("Provinsi").selectOption({ label: "Jawa Barat" });
    await seller.getByLabel("Kabupaten/Kota").selectOption({ label: "Kabupaten Bogor" });
    await seller.getByLabel("Kecamatan").fill("Cibinong");
    await seller.getByLabel("Kode pos").fill("16914");
    await seller.getByLabel("Jalan, nomor rumah, RT/RW").fill("Jl. Raya Jakarta-Bogor No. 17, RT 02/RW 05");
    await seller.getByLabel("Nomor HP/WhatsApp").fill("0812 3456 7890");
    await seller.getByRole("button", { name: "Simpan & lanjut" }).click();

    // ---------------------------------------------------------------- step 2: identity + KTP photo
    await seller.waitForURL("**/seller/onboarding/identity");
    await stepHeading(seller, "Identitas (KTP)");
    await a11y(seller);
    await upload(seller, /^Foto KTP/, files["ktp-1.jpg"], 1);
    await seller.getByLabel("Nama lengkap sesuai KTP").fill(SELLER.name);
    await seller.getByLabel("NIK (16 digit)").fill(NIK);
    await seller.getByLabel("Tanggal lahir").fill("1990-07-05");
    await seller.getByLabel("Jenis kelamin").selectOption({ label: "Perempuan" });
    // The NIK agrees with the birth date and sex: no warning.
    await expect(seller.getByText("data yang kamu isi berbeda dengan NIK").count()).resolves.toBe(0);
    await seller.getByRole("button", { name: "Simpan & lanjut" }).click();

    // ---------------------------------------------------------------- step 3: tax (NPWP = NIK) + photo
    await seller.waitForURL("**/seller/onboarding/tax");
    await stepHeading(seller, "Pajak (NPWP)");
    await a11y(seller);
    await upload(seller, /^Foto kartu NPWP/, files["npwp.jpg"], 1);
    // A click before React has hydrated the step is undone by the first render: wait for it, as a person would.
    await hydrated(seller.getByLabel("NPWP saya adalah NIK saya"));
    await seller.getByLabel("NPWP saya adalah NIK saya").check();
    await expect.poll(() => seller.getByLabel("Nomor NPWP").count()).toBe(0);
    await seller.getByRole("button", { name: "Simpan & lanjut" }).click();

    // ---------------------------------------------------------------- step 4: bank account + photo
    await seller.waitForURL("**/seller/onboarding/bank");
    await stepHeading(seller, "Rekening Bank");
    await a11y(seller);
    await upload(seller, /^Foto halaman depan buku tabungan/, files["buku-tabungan.jpg"], 1);
    await seller.getByLabel("Bank", { exact: true }).selectOption("014");
    await seller.getByText("Biasanya 10 digit untuk bank ini.").waitFor();
    await seller.getByLabel("Nomor rekening").fill("8730012345");
    await seller.getByLabel("Nama pemilik rekening").fill(SELLER.name);
    await expect(seller.getByText("Nama pemilik rekening berbeda dengan nama di KTP").count()).resolves.toBe(0);
    await seller.getByRole("button", { name: "Simpan & lanjut" }).click();

    // ---------------------------------------------------------------- step 5: review & submit
    await seller.waitForURL("**/seller/onboarding/review");
    await stepHeading(seller, "Periksa & Kirim");
    await seller.getByText("Semua data dan dokumen sudah lengkap.").waitFor();
    await a11y(seller);
    const wizard = seller.getByRole("navigation", { name: "Buka Toko" });
    for (const step of ["1. Toko", "2. Identitas (KTP)", "3. Pajak (NPWP)", "4. Rekening Bank"]) {
      await expect(wizard.getByRole("link", { name: `${step} (Lengkap)` }).isVisible()).resolves.toBe(true);
    }
    const review = (await seller.locator("main").textContent()) ?? "";
    expect(review).toContain(`lapak.id/toko/${SHOP.slug}`);
    expect(review).toContain("3201********0003");
    expect(review).toContain("BCA (Bank Central Asia) · ********2345");
    // Dates as Indonesians write them, sex capitalised, a small preview of each document, and "Ubah" links.
    expect(review).toContain("5 Juli 1990 · Perempuan");
    for (const doc of ["KTP · Versi 1", "Kartu NPWP · Versi 1", "Buku tabungan · Versi 1"]) await seller.getByRole("img", { name: doc }).waitFor();
    await seller.getByRole("link", { name: "Ubah Identitas (KTP)" }).waitFor();
    expect(await shopStatusBadge(seller)).toBe("Draf");
    await seller.getByRole("button", { name: "Kirim untuk diverifikasi" }).click();
    await seller.getByText("Pengajuan terkirim!").waitFor();
    await seller.getByText("Pengajuanmu sedang menunggu pemeriksaan admin.").waitFor();
    expect(await shopStatusBadge(seller)).toBe("Menunggu pemeriksaan");
    await logOut(seller);

    // ---------------------------------------------------------------- the admin asks for a new KTP photo
    await logIn(admin, ADMIN.email, ADMIN.password);
    await admin.goto("/admin/verifications");
    await admin.getByRole("heading", { name: "Antrean verifikasi penjual" }).waitFor();
    await a11y(admin);
    const queued = admin.getByRole("listitem").filter({ hasText: SHOP.name });
    await expect(queued.textContent()).resolves.toContain("Menunggu pemeriksaan");
    await admin.getByRole("link", { name: `Periksa ${SHOP.name}` }).click();
    await admin.getByRole("heading", { level: 1, name: `Verifikasi: ${SHOP.name}` }).waitFor();
    // Opening the submission claims it.
    await admin.getByText("Sedang diperiksa", { exact: true }).first().waitFor();
    await admin.getByText("Tidak ada tanda otomatis.").waitFor();
    await a11y(admin);
    const identityPanel = admin.getByRole("region", { name: "Identitas" });
    await expect(identityPanel.textContent()).resolves.toContain(NIK);
    // The page shows the full NIK: no browser or proxy may keep a copy.
    expect((await admin.request.get(admin.url())).headers()["cache-control"]).toContain("no-store");
    // The century is not decoded on this page today ("05-07-..90"): accept it, and the fixed "1990".
    await expect(identityPanel.textContent()).resolves.toMatch(/Dari NIK: Jawa Barat, Kabupaten Bogor, lahir 05-07-(19|\.\.)90, perempuan/);
    // What the seller typed, written as the KTP prints it, beside the decoded line.
    await expect(identityPanel.textContent()).resolves.toMatch(/Tanggal lahir\s*05-07-1990/);
    await expect(identityPanel.textContent()).resolves.toMatch(/Jenis kelamin\s*Perempuan/);
    await admin.getByRole("combobox", { name: "Masalah pada KTP", exact: true }).selectOption({ label: "Foto buram atau tidak terbaca" });
    await admin.getByRole("textbox", { name: "Masalah pada KTP: Alasan / catatan untuk penjual" }).fill(NOTE);
    await admin.getByRole("button", { name: "Minta perbaikan" }).click();
    await admin.getByText("Keputusan tersimpan dan penjual sudah diberi tahu.").waitFor();
    await admin.getByText("Perlu perbaikan", { exact: true }).first().waitFor();
    // The decision is no longer offered once made.
    await expect(admin.getByRole("button", { name: "Setujui" }).count()).resolves.toBe(0);

    await admin.goto(`/admin/outbox?to=${encodeURIComponent(SELLER.email)}`);
    const changesMail = admin.getByRole("article", { name: "Perbaiki data toko kamu" });
    await changesMail.waitFor();
    await a11y(admin);
    const changesMailText = (await changesMail.textContent()) ?? "";
    expect(changesMailText).toContain(`Halo ${SELLER.name},`);
    expect(changesMailText).toContain(`KTP: Foto buram atau tidak terbaca (${NOTE})`);
    await logOut(admin);

    // ---------------------------------------------------------------- the seller reads why and replaces the KTP only
    await logIn(seller, SELLER.email, SELLER.password);
    // Unread notices lead the phone's sideways-scrolling menu: on screen without a swipe.
    const unreadLink = await seller.getByRole("link", { name: "Notifikasi (1)" }).boundingBox();
    expect(unreadLink!.x + unreadLink!.width).toBeLessThanOrEqual(390);
    await seller.getByRole("link", { name: "Notifikasi (1)" }).click();
    const changesNotice = seller.getByRole("article", { name: "Perbaiki data toko kamu" });
    await changesNotice.waitFor();
    await a11y(seller);
    expect(await changesNotice.textContent()).toContain(`KTP: Foto buram atau tidak terbaca (${NOTE})`);
    // Opening the list read it: no count here, and none after moving on (the header is loaded again).
    await seller.getByRole("link", { name: "Notifikasi", exact: true }).waitFor();
    await seller.getByRole("link", { name: "Toko Saya" }).click();
    await seller.getByRole("link", { name: "Notifikasi", exact: true }).waitFor();
    expect(await shopStatusBadge(seller)).toBe("Perlu perbaikan");
    await seller.getByRole("main").getByRole("link", { name: "Buka Toko" }).click();
    // Everything is filled in, so the wizard opens on the review page with the admin's request.
    await seller.waitForURL("**/seller/onboarding/review");
    await seller.getByText("Admin meminta perbaikan").waitFor();
    await a11y(seller);

    // Tax and bank: locked, their uploads disabled.
    await wizard.getByRole("link", { name: /^3\. Pajak/ }).click();
    await stepHeading(seller, "Pajak (NPWP)");
    await seller.getByText("Bagian ini tidak diminta untuk diubah.").waitFor();
    await expect(seller.getByLabel(/^Foto kartu NPWP/).isDisabled()).resolves.toBe(true);
    await expect(seller.getByRole("button", { name: "Simpan & lanjut" }).isDisabled()).resolves.toBe(true);
    await wizard.getByRole("link", { name: /^4\. Rekening/ }).click();
    await stepHeading(seller, "Rekening Bank");
    await seller.getByText("Bagian ini tidak diminta untuk diubah.").waitFor();
    await expect(seller.getByLabel(/^Foto halaman depan buku tabungan/).isDisabled()).resolves.toBe(true);

    // Identity: the reason is shown next to the KTP field, which takes a new photo.
    await wizard.getByRole("link", { name: /^2\. Identitas/ }).click();
    await stepHeading(seller, "Identitas (KTP)");
    await seller.getByRole("status").filter({ hasText: `Foto buram atau tidak terbaca: ${NOTE}` }).waitFor();
    await seller.getByText("Sudah diunggah (versi 1)").waitFor();
    await upload(seller, /^Foto KTP/, files["ktp-2.jpg"], 2);

    await wizard.getByRole("link", { name: /^5\. Periksa/ }).click();
    await stepHeading(seller, "Periksa & Kirim");
    await seller.getByText("Semua data dan dokumen sudah lengkap.").waitFor();
    await seller.getByRole("img", { name: "KTP · Versi 2" }).waitFor();
    await seller.getByRole("button", { name: "Kirim untuk diverifikasi" }).click();
    await seller.getByText("Pengajuan terkirim!").waitFor();
    expect(await shopStatusBadge(seller)).toBe("Menunggu pemeriksaan");
    await logOut(seller);

    // ---------------------------------------------------------------- the admin approves the new version
    await logIn(admin, ADMIN.email, ADMIN.password);
    await admin.goto("/admin/verifications");
    await admin.getByRole("link", { name: `Periksa ${SHOP.name}` }).click();
    await admin.getByRole("heading", { level: 1, name: `Verifikasi: ${SHOP.name}` }).waitFor();
    await admin.getByText("Sedang diperiksa", { exact: true }).first().waitFor();
    const ktpPanel = admin.getByRole("region", { name: "Identitas" });
    await expect(ktpPanel.textContent()).resolves.toContain("KTP · Versi 2");
    await expect(ktpPanel.getByText("Versi sebelumnya").isVisible()).resolves.toBe(true);
    // The audit trail in words: who (by role, admins by name) and what, the shop's creation included.
    const trail = (await admin.getByRole("region", { name: "Jejak audit" }).textContent()) ?? "";
    expect(trail).toContain("Toko dibuat · Penjual");
    expect(trail).toContain("Draf → Menunggu pemeriksaan · Penjual");
    expect(trail).toMatch(/Sedang diperiksa → Perlu perbaikan · Admin \(/);
    expect(trail).not.toMatch(/Draf → Draf|· seller|· admin/);
    // The access log names each document by kind and version, never by an id.
    const accessLog = (await admin.getByRole("region", { name: "Log akses dokumen" }).textContent()) ?? "";
    expect(accessLog).toMatch(/(Penjual|Rina Kusumawati) · (KTP|Kartu NPWP|Buku tabungan) \(versi \d\) ·/);
    expect(accessLog).not.toMatch(/· [0-9a-f]{8} ·/);
    await admin.getByRole("button", { name: "Setujui" }).click();
    await admin.getByText("Keputusan tersimpan dan penjual sudah diberi tahu.").waitFor();
    await admin.getByText("Terverifikasi", { exact: true }).first().waitFor();

    await admin.goto(`/admin/outbox?to=${encodeURIComponent(SELLER.email)}`);
    const approvedMail = admin.getByRole("article", { name: "Toko kamu sudah terverifikasi" });
    await approvedMail.waitFor();
    expect(await approvedMail.textContent()).toContain(`Selamat! Toko ${SHOP.name} sudah terverifikasi.`);
    await expect(admin.getByRole("article", { name: "Perbaiki data toko kamu" }).count()).resolves.toBe(1);
    await logOut(admin);

    // ---------------------------------------------------------------- the seller sees the approval
    await logIn(seller, SELLER.email, SELLER.password);
    await seller.getByRole("link", { name: "Notifikasi (1)" }).click();
    const approvedNotice = seller.getByRole("article", { name: "Toko kamu sudah terverifikasi" });
    await approvedNotice.waitFor();
    expect(await approvedNotice.textContent()).toContain(`Selamat! Toko ${SHOP.name} sudah terverifikasi.`);
    await seller.getByRole("link", { name: "Toko Saya" }).click();
    await seller.getByRole("heading", { level: 2, name: SHOP.name }).waitFor();
    await a11y(seller);
    expect(await shopStatusBadge(seller)).toBe("Terverifikasi");
    await seller.goto("/seller/onboarding");
    await seller.getByText("Tokomu sudah terverifikasi. Kamu bisa mulai menambahkan produk.").waitFor();
    await seller.context().close();
    await admin.context().close();

    // ---------------------------------------------------------------- what the database recorded
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows: shops } = await client.query("SELECT s.id, s.status FROM shops s JOIN users u ON u.id = s.owner_id WHERE u.email = $1", [SELLER.email]);
      expect(shops).toHaveLength(1);
      const shopId = shops[0].id as string;
      expect(shops[0].status).toBe("approved");

      const { rows: docs } = await client.query("SELECT kind, version FROM kyc_documents WHERE shop_id = $1 ORDER BY kind, version", [shopId]);
      expect(docs).toEqual([
        { kind: "bank_book", version: 1 },
        { kind: "ktp", version: 1 },
        { kind: "ktp", version: 2 },
        { kind: "npwp", version: 1 },
      ]);

      const { rows: events } = await client.query(
        "SELECT from_status, to_status, actor_role, reason, document_reasons FROM verification_events WHERE shop_id = $1 ORDER BY created_at, id",
        [shopId],
      );
      expect(events.map((e) => `${e.from_status}→${e.to_status}:${e.actor_role}`)).toEqual([
        "draft→draft:seller", // the shop was created (reason "created")
        "draft→submitted:seller",
        "submitted→in_review:admin", // opening the review claims it
        "in_review→changes_requested:admin",
        "changes_requested→submitted:seller",
        "submitted→in_review:admin",
        "in_review→approved:admin",
      ]);
      expect(events[0].reason).toBe("created");
      expect(events[3].document_reasons).toEqual([{ document: "ktp", code: "blurry", note: NOTE }]);

      const { rows: mails } = await client.query("SELECT subject FROM outbox_mails WHERE to_address = $1 ORDER BY created_at", [SELLER.email]);
      // The sign-up welcome, then one mail per decision (opening a review sends none).
      expect(mails.map((m) => m.subject)).toEqual(["Selamat datang di Lapak", "Perbaiki data toko kamu", "Toko kamu sudah terverifikasi"]);
    } finally {
      await client.end();
    }
  });
});
