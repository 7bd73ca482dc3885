/**
 * The Midtrans Iris (Payouts) HTTP API as this app uses it: amounts are strings of rupiah with up to two decimals,
 * payout statuses, and the notification signature. Pure, shared by the adapter, the notification handler and the
 * embedded sandbox.
 *
 * Iris-Signature = SHA-512 hex of (raw request body + merchant key).
 */
import { createHash, timingSafeEqual } from "node:crypto";

export const IRIS_STATUSES = ["queued", "approved", "processed", "completed", "failed", "rejected"] as const;
export type IrisStatus = (typeof IRIS_STATUSES)[number];

export function isIrisStatus(v: unknown): v is IrisStatus {
  return typeof v === "string" && (IRIS_STATUSES as readonly string[]).includes(v);
}

export function formatIrisAmount(rupiah: number): string {
  return `${rupiah}.00`;
}

/** "150000", "150000.0", "150000.00" → 150000; anything else (or a fraction of a rupiah) → null. */
export function parseIrisAmount(v: unknown): number | null {
  if (typeof v === "number") return Number.isSafeInteger(v) ? v : null;
  if (typeof v !== "string" || !/^\d{1,15}(\.0{1,2})?$/.test(v)) return null;
  return Number(v.split(".")[0]);
}

export function irisSignature(rawBody: string, merchantKey: string): string {
  return createHash("sha512").update(rawBody + merchantKey, "utf8").digest("hex");
}

export function isValidIrisSignature(rawBody: string, merchantKey: string, given: string | null): boolean {
  if (!given || !/^[0-9a-f]{128}$/i.test(given)) return false;
  const expected = Buffer.from(irisSignature(rawBody, merchantKey), "hex");
  return timingSafeEqual(expected, Buffer.from(given.toLowerCase(), "hex"));
}

/** Terminal outcome a notification status means for a withdrawal, or null when it is only progress. */
export function outcomeOfIrisStatus(status: IrisStatus): "complete" | "fail" | null {
  if (status === "completed") return "complete";
  if (status === "failed" || status === "rejected") return "fail";
  return null;
}

/**
 * Iris names banks by short codes ("bca", "bni") where the KYC data keeps the Bank Indonesia sandi ("014").
 * The common banks; any other bank is sent by its sandi and the provider refuses it if it does not know it.
 */
const IRIS_BANK_BY_SANDI: Record<string, string> = {
  "002": "bri",
  "008": "mandiri",
  "009": "bni",
  "011": "danamon",
  "013": "permata",
  "014": "bca",
  "016": "maybank",
  "019": "panin",
  "022": "cimb",
  "028": "ocbc",
  "200": "btn",
  "213": "btpn",
  "426": "mega",
  "441": "bukopin",
  "451": "bsm",
  "542": "jago",
};

export function irisBankCode(sandi: string): string {
  return IRIS_BANK_BY_SANDI[sandi] ?? sandi;
}
