import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed";
import type { RunningApp } from "../setup/app-server";
import { expectNoSeriousA11yViolations as a11y, startE2e } from "./helpers";

let app: RunningApp;
let browser: Browser;
let dataDir: string;
let stop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  // Request logs on, to check that no reset token reaches them.
  const e2e = await startE2e({ LOG_LEVEL: "info" });
  ({ app, browser, dataDir } = e2e);
  stop = e2e.stop;
});

afterAll(async () => {
  await stop?.();
});

/** In development the mail that left the local outbox is also written, whole, to DATA_DIR/mail. */
async function devMailContaining(needle: string, timeoutMs = 10_000): Promise<string> {
  const dir = path.join(dataDir, "mail");
  for (const until = Date.now() + timeoutMs; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    const files = await readdir(dir).catch(() => [] as string[]);
    for (const f of files) {
      const text = await readFile(path.join(dir, f), "utf8");
      if (text.includes(needle)) return text;
    }
  }
  throw new Error(`no mail containing ${needle} in ${dir}`);
}

async function phonePage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "id-ID", baseURL: app.url });
  return context.newPage();
}

describe("accounts in the browser", () => {
  it("signs up, logs out and logs back in, in Indonesian, on a phone-sized screen", async () => {
    const page = await phonePage();
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Jualan lebih mudah di Lapak" }).isVisible()).resolves.toBe(true);
    await page.getByRole("link", { name: "Daftar", exact: true }).click();

    // A bad form is caught next to its fields before anything is sent.
    await page.getByRole("button", { name: "Daftar" }).click();
    await expect(page.getByText("Nama minimal 2 karakter").isVisible()).resolves.toBe(true);
    await a11y(page);

    await page.getByLabel("Nama lengkap").fill("Wayan Sudarma");
    await page.getByLabel("Email").fill("wayan@contoh.id");
    await page.getByLabel("Kata sandi", { exact: true }).fill("canang-sari-99");
    await page.getByLabel("Ulangi kata sandi").fill("canang-sari-99");
    await page.getByRole("button", { name: "Daftar" }).click();
    await page.getByText("Akun berhasil dibuat").waitFor();
    await expect(page.getByText("Halo, Wayan Sudarma!").isVisible()).resolves.toBe(true);
    await a11y(page);

    await page.getByRole("button", { name: "Keluar" }).click();
    await page.getByText("Kamu sudah keluar.").waitFor();

    await page.getByRole("link", { name: "Masuk" }).click();
    await page.getByLabel("Email").fill("wayan@contoh.id");
    await page.getByLabel("Kata sandi").fill("salah-sandi-00");
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByText("Email atau kata sandi salah.").waitFor();
    await a11y(page);
    // The email typed is still there after the failed attempt; the wrong password is not.
    await expect(page.getByLabel("Email").inputValue()).resolves.toBe("wayan@contoh.id");
    await expect.poll(() => page.getByLabel("Kata sandi").inputValue()).toBe("");
    await page.getByLabel("Kata sandi").fill("canang-sari-99");
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByText("Selamat datang kembali!").waitFor();
    await page.context().close();
  });

  it("refuses a buyer the admin area with a friendly 403 page", async () => {
    const page = await phonePage();
    await page.goto("/login");
    await page.getByLabel("Email").fill("budi@lapak.test");
    await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByText("Selamat datang kembali!").waitFor();
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Akses ditolak" }).isVisible()).resolves.toBe(true);
    await a11y(page);
    const missing = await page.goto("/tidak-ada-halaman-ini");
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Halaman tidak ditemukan" }).isVisible()).resolves.toBe(true);
    await a11y(page);
    await page.context().close();
  });

  it("switches the whole interface to English and back", async () => {
    const page = await phonePage();
    await page.goto("/login");
    await page.getByRole("button", { name: "Ganti bahasa" }).click();
    await page.getByRole("heading", { name: "Log in to Lapak" }).waitFor();
    await expect(page.getByLabel("Password").isVisible()).resolves.toBe(true);
    await a11y(page);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await page.getByRole("button", { name: "Change language" }).click();
    await page.getByRole("heading", { name: "Masuk ke Lapak" }).waitFor();
    await page.context().close();
  });

  it("refuses a form post from a foreign origin (CSRF)", async () => {
    const res = await fetch(`${app.url}/logout`, { method: "POST", headers: { Origin: "https://jahat.example", "Content-Type": "application/x-www-form-urlencoded" }, body: "" });
    expect(res.status).toBe(403);
  });

  it("refuses a form post from the same host on another scheme (the whole origin is compared)", async () => {
    const httpsOrigin = app.url.replace("http://", "https://");
    const res = await fetch(`${app.url}/logout`, { method: "POST", redirect: "manual", headers: { Origin: httpsOrigin, "Content-Type": "application/x-www-form-urlencoded" }, body: "" });
    expect(res.status).toBe(403);
    const same = await fetch(`${app.url}/logout`, { method: "POST", redirect: "manual", headers: { Origin: app.url, "Content-Type": "application/x-www-form-urlencoded" }, body: "" });
    expect(same.status).toBe(302);
  });

  it("shows admins the password-reset mail with the link hidden; the developer's copy in DATA_DIR/mail works", async () => {
    const page = await phonePage();
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill("sari@lapak.test");
    await page.getByRole("button", { name: "Kirim tautan" }).click();
    await page.getByText("tautan atur ulang sudah kami kirim").waitFor();
    await a11y(page);
    await page.goto("/login");
    await page.getByLabel("Email").fill("admin@lapak.test");
    await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByText("Selamat datang kembali!").waitFor();
    await page.goto("/admin/outbox?to=sari@lapak.test");
    const mail = page.getByRole("article", { name: "Atur ulang kata sandi Lapak" });
    await mail.waitFor();
    await a11y(page);
    const text = (await mail.textContent()) ?? "";
    expect(text).toContain("reset-password?token=[disembunyikan]");

    const delivered = await devMailContaining("To: sari@lapak.test");
    const link = /(http\S+reset-password\?token=[\w-]+)/.exec(delivered)![1];
    const token = new URL(link).searchParams.get("token")!;
    expect(link.startsWith(`${app.url}/reset-password?token=`)).toBe(true);
    expect(text).not.toContain(token);
    await page.context().close();

    const sari = await phonePage();
    await sari.goto(link);
    await sari.getByLabel("Kata sandi", { exact: true }).fill("sandi-baru-sari-1");
    await sari.getByLabel("Ulangi kata sandi").fill("sandi-baru-sari-1");
    await sari.getByRole("button", { name: /simpan|atur/i }).click();
    await sari.waitForURL(/\/login$/);
    await sari.context().close();
    // The token went through the request log redacted.
    expect(app.output()).toContain("token=[redacted]");
    expect(app.output()).not.toContain(token);
  });
});
