import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed";
import type { RunningApp } from "../setup/app-server";
import { expectNoSeriousA11yViolations as a11y, startE2e } from "./helpers";

let app: RunningApp;
let browser: Browser;
let stop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const e2e = await startE2e();
  ({ app, browser } = e2e);
  stop = e2e.stop;
});

afterAll(async () => {
  await stop?.();
});

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
    // The email typed is still there after the failed attempt.
    await expect(page.getByLabel("Email").inputValue()).resolves.toBe("wayan@contoh.id");
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

  it("lets an admin read the password-reset mail in the local outbox", async () => {
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
    expect(text).toMatch(/reset-password\?token=/);
    await page.context().close();
  });
});
