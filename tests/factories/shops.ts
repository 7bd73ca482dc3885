import sharp from "sharp";
import type { ShopStatus } from "../../app/domain/kyc/verification";
import { db } from "../../app/infra/db.server";
import { databaseUrl } from "../../app/infra/env.server";
import { saveBankStep, saveIdentityStep, saveShopStep, saveTaxStep, submitForReview, uploadDocument } from "../../app/services/onboarding.server";
import { decide, loadReview } from "../../app/services/verification.server";
import { aUser } from "./users";

let counter = 0;

/** A real, readable test photo: noise makes every one unique, so no two share a hash by accident. */
export async function aPhoto(opts: { width?: number; height?: number; seed?: number } = {}) {
  const width = opts.width ?? 1200;
  const height = opts.height ?? 760;
  const raw = Buffer.alloc(width * height * 3);
  let x = (opts.seed ?? Math.floor(Math.random() * 1e9)) >>> 0;
  for (let i = 0; i < raw.length; i++) {
    x = (x * 1664525 + 1013904223) >>> 0;
    raw[i] = (x >>> 24) & 0xff;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 70 }).toBuffer();
}

export const VALID = {
  // A woman born 5 July 1990, first registered in Kab. Bogor.
  nik: "3201014507900003",
  birthDate: "1990-07-05",
  sex: "P" as const,
  fullName: "Siti Aminah",
};

/** A seller whose shop is walked through the real services up to the wanted status. */
export async function aSeller(opts: { status?: ShopStatus; nik?: string; account?: string; name?: string; ktpPhoto?: Buffer } = {}) {
  const n = ++counter;
  const owner = await aUser({ name: opts.name ?? VALID.fullName });
  const shopInput = {
    name: `Toko Uji ${n} ${owner.id.slice(0, 4)}`,
    slug: `toko-uji-${n}-${owner.id.slice(0, 6)}`,
    description: "",
    provinceCode: "32",
    regencyCode: "3201",
    district: "Cibinong",
    postalCode: "16911",
    street: "Jl. Mawar No. 1",
    phone: "+6281234567890",
  };
  const shop = await saveShopStep(owner, shopInput);
  const status = opts.status ?? "draft";
  if (status !== "draft") {
    // Each seller gets their own NIK (same person data, another serial) unless a test shares one on purpose.
    const nik = opts.nik ?? `${VALID.nik.slice(0, 12)}${String(n + 100).padStart(4, "0")}`;
    await saveIdentityStep(owner, { fullName: owner.name, nik, birthDate: VALID.birthDate, sex: VALID.sex });
    await saveTaxStep(owner, { npwpIsNik: true, npwp: "" });
    await saveBankStep(owner, { bankCode: "014", accountNumber: opts.account ?? `12345${String(n).padStart(5, "0")}`, holderName: owner.name });
    for (const kind of ["ktp", "npwp", "bank_book"] as const) await uploadDocument(owner, kind, kind === "ktp" && opts.ktpPhoto ? opts.ktpPhoto : await aPhoto());
    await submitForReview(owner);
  }
  if (status !== "draft" && status !== "submitted") {
    const admin = await anAdmin();
    const review = await loadReview(shop.id, admin);
    const v = review.shop.version;
    if (status === "approved" || status === "suspended") await decide(admin, shop.id, { intent: "approve", version: v, reason: "", documentReasons: [], confirmFlags: true });
    if (status === "suspended") await decide(admin, shop.id, { intent: "suspend", version: v + 1, reason: "uji", documentReasons: [] });
    if (status === "rejected") await decide(admin, shop.id, { intent: "reject", version: v, reason: "Data palsu", documentReasons: [] });
    if (status === "changes_requested") await decide(admin, shop.id, { intent: "request_changes", version: v, reason: "", documentReasons: [{ document: "ktp", code: "blurry" }] });
  }
  return { owner, shop: await db().shop.findUniqueOrThrow({ where: { id: shop.id } }) };
}

// One admin per database: test files share this module when vitest runs them in one process (isolate: false).
const admins = new Map<string, Promise<Awaited<ReturnType<typeof aUser>>>>();
export function anAdmin() {
  const url = databaseUrl();
  if (!admins.has(url)) admins.set(url, aUser({ admin: true, name: "Admin Uji" }));
  return admins.get(url)!;
}
