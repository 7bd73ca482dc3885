import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import sharp from "sharp";
import { inject, onTestFailed } from "vitest";
import { startApp } from "../setup/app-server";
import { launchBrowser } from "../setup/browser";
import { createTestDatabase } from "../setup/test-db";

/** A phone-sized context (390×844, Indonesian) on the app, like a seller's Android phone. */
export async function phonePage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "id-ID", baseURL, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  return context.newPage();
}

/**
 * phonePage() for one test that, if the test fails, logs the page's URL and the app's last output and saves a
 * full-page screenshot to /tmp/e2e-<name>-failure.png.
 */
export async function phonePageForTest(browser: Browser, baseURL: string, appOutput: () => string, name: string): Promise<Page> {
  const page = await phonePage(browser, baseURL);
  onTestFailed(async () => {
    console.log(page.url(), appOutput().slice(-3000));
    await page.screenshot({ path: `/tmp/e2e-${name}-failure.png`, fullPage: true }).catch(() => undefined);
  });
  return page;
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

/**
 * Puts the products in the buyer's cart and checks out through the app's own services, as "Bayar" on the checkout
 * page does (cheapest courier per shop), then starts the payment: `redirectUrl` is the sandbox's payment page.
 * The test process must share the app's DATABASE_URL and APP_URL.
 */
export async function checkoutToPayment(buyerId: string, addressId: string, productIds: string[]) {
  const { addToCart } = await import("../../app/services/cart.server");
  const { checkoutAll } = await import("../../app/cli/bench-checkout-flow");
  const { startPayment } = await import("../../app/services/payments.server");
  for (const productId of productIds) await addToCart({ userId: buyerId }, buyerId, { productId, variantId: null, quantity: 1 });
  const placed = await checkoutAll({ id: buyerId }, addressId, { acceptPrices: false });
  return { ...placed, redirectUrl: await startPayment(buyerId, placed.paymentNumber) };
}

/** Pays on the embedded Midtrans sandbox's own page by virtual account. */
export async function payByVa(page: Page, redirectUrl: string, bank = "BNI Virtual Account"): Promise<void> {
  await page.goto(redirectUrl);
  await page.getByRole("heading", { name: "Pembayaran (sandbox)" }).waitFor();
  await page.getByRole("button", { name: bank }).click();
  await page.getByTestId("va-number").waitFor();
  await page.getByRole("button", { name: "Bayar" }).click();
  await page.getByText("Pembayaran berhasil.").waitFor();
}

/**
 * "Pesanan Diterima" on the buyer's order page (open): its confirmation page says what it does, and only "Ya,
 * Pesanan Diterima" there completes the order.
 */
export async function confirmOrderReceived(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Pesanan Diterima" }).click();
  await page.getByRole("heading", { name: "Pesanan sudah diterima?" }).waitFor();
  await page.getByText("kamu tidak bisa lagi mengajukan komplain").waitFor();
  await page.getByRole("button", { name: "Ya, Pesanan Diterima" }).click();
  await page.getByText("Terima kasih! Pesanan sudah kamu terima.").waitFor();
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
    dataDir: env.DATA_DIR,
    /** The app's own settings (database, KYC keys, data dir...): a test that calls services in-process uses the same. */
    env: { DATABASE_URL: database.url, ...env, ...extraEnv },
    async stop() {
      await browser.close();
      await app.stop();
      await database.drop();
      await cleanup().catch(() => undefined);
    },
  };
}

/**
 * startE2e() for a file that also makes data in-process with the factories: this process then uses the app's
 * database, keys and data dir (and its APP_URL); stop() also closes this process's pool.
 */
export async function startE2eWithFactories(extraEnv: Record<string, string> = {}) {
  const e2e = await startE2e(extraEnv);
  Object.assign(process.env, e2e.env, { APP_URL: e2e.app.url });
  (await import("../../app/infra/env.server")).resetEnvCache();
  return {
    ...e2e,
    async stop() {
      await (await import("../../app/infra/db.server")).disconnectDb();
      await e2e.stop();
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Accessibility: axe-core run inside the page, at a 360 px phone width and at a desktop width.

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
export const A11Y_WIDTHS = [
  { width: 360, height: 780 },
  { width: 1280, height: 900 },
] as const;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * No serious or critical axe-core violation on the page as it is now, at 360 px and at 1280 px wide (the
 * viewport is put back afterwards). Fails with each rule, its help text and the elements it found.
 */
export async function expectNoSeriousA11yViolations(page: Page, label = ""): Promise<void> {
  const original = page.viewportSize();
  const problems: string[] = [];
  try {
    for (const size of A11Y_WIDTHS) {
      await page.setViewportSize(size);
      const violations = await runAxe(page);
      for (const v of violations.filter((x) => x.impact === "serious" || x.impact === "critical")) {
        problems.push(`${size.width}px ${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, " ").slice(0, 240)}` : ""}`).join("\n")}`);
      }
    }
  } finally {
    if (original) await page.setViewportSize(original);
  }
  if (!problems.length) return;
  const report = `axe-core on ${label || page.url()}:\n${problems.join("\n")}`;
  // A11Y_COLLECT=1 lists every page's problems in one run instead of stopping at the first page.
  if (process.env.A11Y_COLLECT) console.warn(report);
  else throw new Error(report);
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Evaluated rather than added as a <script>, so no Content-Security-Policy of the page can block it.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"], runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}
