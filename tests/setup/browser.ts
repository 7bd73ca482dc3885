import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

const FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];

/**
 * A real Chromium: CHROMIUM_PATH if set, Debian's /usr/bin/chromium if present, otherwise the binary that
 * the @sparticuz/chromium npm package ships, so a fresh machine needs nothing but `npm install`.
 */
export async function launchBrowser(): Promise<Browser> {
  const local = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  if (local) return chromium.launch({ executablePath: local, args: FLAGS });
  const sparticuz = (await import("@sparticuz/chromium")).default;
  return chromium.launch({ executablePath: await sparticuz.executablePath(), args: [...sparticuz.args.filter((a) => !a.startsWith("--headless") && a !== "--single-process"), ...FLAGS] });
}
