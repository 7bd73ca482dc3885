import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import sharp from "sharp";
import { inject } from "vitest";
import { startApp } from "../setup/app-server";
import { launchBrowser } from "../setup/browser";
import { createTestDatabase } from "../setup/test-db";

/** A phone-sized context (390×844, Indonesian) on the app, like a seller's Android phone. */
export async function phonePage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "id-ID", baseURL, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  return context.newPage();
}

/**
 * Env for startApp beyond the database: a throwaway KYC key (the app refuses to encrypt NIKs in
 * production without one) and a private data dir, so uploaded documents never land in the repo's .data.
 */
export async function appEnv(): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "lapak-e2e-data-"));
  return {
    env: { KYC_ENCRYPTION_KEYS: `e2e:${randomBytes(32).toString("base64")}`, KYC_INDEX_KEY: randomBytes(16).toString("hex"), DATA_DIR: dataDir },
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/**
 * Waits until React has hydrated the element: before that, a picked file fires no onChange and a
 * click on a JS-only control does nothing, which a human never notices but a fast test does.
 */
export async function hydrated(locator: Locator): Promise<void> {
  await locator.waitFor({ state: "attached" });
  await locator.page().waitForFunction((el) => Object.keys(el as object).some((k) => k.startsWith("__reactProps$")), await locator.elementHandle(), { polling: 50 });
}

/** A photo-like JPEG (landscape, shapes, some text-ish bars) of a document, distinct per `label`. */
export async function photoJpeg(label: string, width = 1400, height = 900): Promise<Buffer> {
  const hue = [...label].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
  const bars = Array.from({ length: 8 }, (_, i) => `<rect x="520" y="${220 + i * 70}" width="${700 - i * 40}" height="26" rx="6" fill="#1f2d3d" opacity="0.75"/>`).join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="hsl(${hue},45%,82%)"/>
  <rect x="60" y="60" width="${width - 120}" height="${height - 120}" rx="40" fill="hsl(${(hue + 40) % 360},55%,70%)" stroke="#234" stroke-width="8"/>
  <circle cx="300" cy="420" r="150" fill="hsl(${(hue + 180) % 360},30%,55%)"/>
  <text x="520" y="170" font-size="64" font-family="DejaVu Sans, sans-serif" fill="#102030">${label.replace(/[<&>]/g, "")}</text>
  ${bars}
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

export async function writeTempFiles(files: Record<string, Buffer>): Promise<{ dir: string; paths: Record<string, string>; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "lapak-e2e-files-"));
  const paths: Record<string, string> = {};
  for (const [name, body] of Object.entries(files)) {
    paths[name] = path.join(dir, name);
    await writeFile(paths[name], body);
  }
  return { dir, paths, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.getByText("Selamat datang kembali!").waitFor();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Keluar" }).click();
  await page.getByText("Kamu sudah keluar.").waitFor();
}

/**
 * Everything an end-to-end file needs: its own cloned database, a private data dir and KYC key, the built app
 * started as `npm start` does, and a Chromium. `stop()` undoes it all.
 */
export async function startE2e(extraEnv: Record<string, string> = {}) {
  const database = await createTestDatabase(inject("pgServerUrl"), inject("templateDb"));
  const { env, cleanup } = await appEnv();
  const [app, browser] = await Promise.all([startApp({ DATABASE_URL: database.url, ...env, ...extraEnv }), launchBrowser()]);
  return {
    app,
    browser,
    database,
    async stop() {
      await browser.close();
      await app.stop();
      await database.drop();
      await cleanup().catch(() => undefined);
    },
  };
}
