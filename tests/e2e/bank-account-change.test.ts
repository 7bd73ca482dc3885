import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { specimenDocument } from "../../prisma/demo/specimen-images";
import { DEMO_PASSWORD } from "../../prisma/seed";
import type { RunningApp } from "../setup/app-server";
import type { createTestDatabase } from "../setup/test-db";
import { expectNoSeriousA11yViolations as a11y, hydrated, logIn, logOut, phonePageForTest, startE2e, writeTempFiles } from "./helpers";

// Changing the payout bank account, on a phone against the built app: the seller of Elektronik Jaya Surabaya (a demo
// shop paid into BSI 7123456789) asks for a BCA account with a photo of its bank book, mistypes the password once,
// sees withdrawals on hold on the finance and withdrawal pages; an admin compares old and new side by side and
// approves; the seller sees the new masked account, the notice, and no more hold.

const SELLER = { email: "jaya@lapak.test", password: DEMO_PASSWORD, name: "Hendra Gunawan", shop: "Elektronik Jaya Surabaya" };
const ADMIN = { email: "admin@lapak.test", password: DEMO_PASSWORD };
const NEW = { bank: "014", account: "8831234567", masked: "****4567" };

let app: RunningApp;
let browser: Browser;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let stopE2e: (() => Promise<void>) | undefined;
let cleanupFiles: (() => Promise<void>) | undefined;
let bankBook: string;

beforeAll(async () => {
  const files = await writeTempFiles({ "buku-tabungan-bca.jpg": await specimenDocument("bank_book", { name: SELLER.name, account: NEW.account, bank: NEW.bank }) });
  cleanupFiles = files.cleanup;
  bankBook = files.paths["buku-tabungan-bca.jpg"];
  const e2e = await startE2e();
  ({ app, browser, database } = e2e);
  stopE2e = e2e.stop;
}, 180_000);

afterAll(async () => {
  await stopE2e?.();
  await cleanupFiles?.();
});

async function heading(page: Page, name: string) {
  await page.getByRole("heading", { level: 1, name, exact: true }).waitFor();
}

describe("changing the payout bank account", () => {
  it("the seller asks with a new bank book, withdrawals are held, an admin approves, the seller sees the new account", async () => {
    const seller = await phonePageForTest(browser, app.url, () => app.output(), "bank-change-seller");
    const admin = await phonePageForTest(browser, app.url, () => app.output(), "bank-change-admin");

    // ---------------------------------------------------------------- the seller asks for the change
    await logIn(seller, SELLER.email, SELLER.password);
    await seller.goto("/seller/keuangan");
    await heading(seller, "Keuangan Toko");
    await seller.getByRole("link", { name: "Rekening Pencairan" }).click();
    await heading(seller, "Rekening Pencairan");
    const current = seller.getByRole("region", { name: "Rekening terverifikasi" });
    await expect(current.textContent()).resolves.toMatch(/BSI \(Bank Syariah Indonesia\).*\*\*\*\*6789.*Hendra Gunawan/);
    // The page shows no full number anywhere.
    await expect(seller.content()).resolves.not.toContain("7123456789");

    const form = seller.getByRole("region", { name: "Ganti rekening pencairan" });
    await hydrated(form.getByLabel("Bank", { exact: true }));
    await form.getByLabel("Bank", { exact: true }).selectOption(NEW.bank);
    await form.getByLabel("Nomor rekening").fill(NEW.account);
    await expect(form.getByLabel("Nama pemilik rekening").inputValue()).resolves.toBe(SELLER.name);
    // Sending without the photo: the error is next to the upload field, nothing is posted.
    await form.getByLabel("Kata sandi akun").fill(SELLER.password);
    await form.getByRole("button", { name: "Kirim Perubahan" }).click();
    await form.getByText("Unggah foto halaman depan buku tabungan baru").waitFor();

    const photo = form.getByLabel(/^Foto halaman depan buku tabungan baru/);
    await hydrated(photo);
    await photo.setInputFiles(bankBook);
    await form.getByRole("status").filter({ hasText: "Tersimpan (versi 1)" }).waitFor({ timeout: 20_000 });
    await form.getByRole("img", { name: "Pratinjau Foto halaman depan buku tabungan baru" }).waitFor();

    // A mistyped password: refused next to the password field, the rest stays as typed.
    await form.getByLabel("Kata sandi akun").fill("salah-ketik-123");
    await form.getByRole("button", { name: "Kirim Perubahan" }).click();
    await form.getByText("Kata sandi salah.").waitFor();
    await expect(form.getByLabel("Nomor rekening").inputValue()).resolves.toBe(NEW.account);
    await expect.poll(() => form.getByLabel("Kata sandi akun").inputValue()).toBe("");
    await a11y(seller, "bank change form with errors");

    await form.getByLabel("Kata sandi akun").fill(SELLER.password);
    await form.getByRole("button", { name: "Kirim Perubahan" }).click();
    await seller.getByText("Perubahan rekening terkirim dan sedang ditinjau admin.").waitFor();
    const pending = seller.getByRole("region", { name: "Rekening baru" });
    await expect(pending.textContent()).resolves.toMatch(/BCA \(Bank Central Asia\).*\*\*\*\*4567.*Hendra Gunawan/);
    await seller.getByText("Perubahan rekening sedang ditinjau").waitFor();
    await expect(current.textContent()).resolves.toContain("****6789");
    await a11y(seller, "pending bank change");

    // Withdrawals are on hold, and both money pages say why.
    await seller.getByRole("link", { name: "Kembali ke Keuangan" }).click();
    await heading(seller, "Keuangan Toko");
    await seller.getByText("Penarikan dana ditahan: perubahan rekening pencairan sedang ditinjau admin.").waitFor();
    await seller.goto("/seller/keuangan/tarik");
    await heading(seller, "Tarik Dana");
    await seller.getByText("Penarikan dana ditahan: perubahan rekening pencairan sedang ditinjau admin.").waitFor();
    await expect(seller.getByRole("button", { name: "Tarik Dana" }).count()).resolves.toBe(0);
    await logOut(seller);

    // ---------------------------------------------------------------- the admin compares and approves
    await logIn(admin, ADMIN.email, ADMIN.password);
    await admin.goto("/admin/verifications");
    await admin.getByRole("link", { name: "Perubahan rekening pencairan yang menunggu: 1" }).click();
    await heading(admin, "Perubahan Rekening");
    await admin.getByRole("link", { name: `Tinjau ${SELLER.shop}` }).click();
    await heading(admin, `Perubahan rekening ${SELLER.shop}`);
    expect((await admin.request.get(admin.url())).headers()["cache-control"]).toBe("private, no-store");
    await expect(admin.getByRole("region", { name: "Rekening lama" }).textContent()).resolves.toMatch(/BSI.*7123456789.*Hendra Gunawan/);
    await expect(admin.getByRole("region", { name: "Rekening baru" }).textContent()).resolves.toMatch(/BCA.*8831234567.*Hendra Gunawan/);
    await expect(admin.getByRole("region", { name: "Tanda perlu dicek" }).textContent()).resolves.toContain("Tidak ada tanda otomatis.");
    // The new bank book, served by the permission-checked document route, is really shown.
    const newBook = admin.getByRole("img", { name: "Buku tabungan baru" });
    await newBook.waitFor();
    await expect.poll(() => newBook.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await a11y(admin, "bank change review");
    await admin.getByRole("button", { name: "Setujui rekening baru" }).click();
    await admin.getByText("Keputusan tersimpan dan penjual sudah diberi tahu.").waitFor();
    const trail = (await admin.getByRole("region", { name: "Jejak audit" }).textContent()) ?? "";
    expect(trail).toContain("Perubahan rekening diajukan · Penjual");
    expect(trail).toMatch(/Perubahan rekening disetujui · Admin \(Rina Kusumawati\)/);
    await logOut(admin);

    // ---------------------------------------------------------------- the seller sees the new account
    await logIn(seller, SELLER.email, SELLER.password);
    await seller.goto("/seller/keuangan/rekening");
    await heading(seller, "Rekening Pencairan");
    await expect(current.textContent()).resolves.toMatch(/BCA \(Bank Central Asia\).*\*\*\*\*4567.*Hendra Gunawan/);
    await seller.getByText(/Perubahan ke BCA \(Bank Central Asia\) \*\*\*\*4567 disetujui pada/).waitFor();
    await seller.goto("/seller/keuangan/tarik");
    await heading(seller, "Tarik Dana");
    await seller.getByText(`BCA (Bank Central Asia) ••••4567 a.n. ${SELLER.name}`).waitFor();
    await expect(seller.getByText("Penarikan dana ditahan", { exact: false }).count()).resolves.toBe(0);
    await seller.goto("/notifications");
    await seller.getByRole("article", { name: "Rekening pencairan berhasil diganti" }).waitFor();
    await seller.context().close();
    await admin.context().close();

    // ---------------------------------------------------------------- what the database recorded
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT c.status, c.bank_code, c.account_last4, c.previous_bank_code, p.bank_code AS profile_bank, p.account_last4 AS profile_last4, d.kind AS document_kind
           FROM bank_account_changes c JOIN shops s ON s.id = c.shop_id JOIN users u ON u.id = s.owner_id
           JOIN kyc_profiles p ON p.shop_id = s.id LEFT JOIN kyc_documents d ON d.id = c.document_id
          WHERE u.email = $1`,
        [SELLER.email],
      );
      expect(rows).toEqual([{ status: "approved", bank_code: "014", account_last4: "4567", previous_bank_code: "451", profile_bank: "014", profile_last4: "4567", document_kind: "bank_book" }]);
      const { rows: mails } = await client.query("SELECT subject FROM outbox_mails WHERE to_address = $1 AND subject ILIKE '%rekening%' ORDER BY created_at", [SELLER.email]);
      expect(mails.map((m) => m.subject)).toEqual(["Permintaan ganti rekening pencairan", "Rekening pencairan berhasil diganti"]);
    } finally {
      await client.end();
    }
  }, 300_000);
});
