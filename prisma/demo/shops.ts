// Demo shops in every verification state, built through the same services a seller and an admin use,
// with generated SPECIMEN documents (never a real person's ID).
import { db } from "~/infra/db.server";
import type { ShopStatus } from "~/domain/kyc/verification";
import { saveBankStep, saveIdentityStep, saveShopStep, saveTaxStep, submitForReview, uploadDocument } from "~/services/onboarding.server";
import { decide, loadReview } from "~/services/verification.server";
import { specimenDocument } from "./specimen-images";

export interface DemoShop {
  email: string;
  owner: string;
  shop: string;
  slug: string;
  target: ShopStatus;
  provinceCode: string;
  regencyCode: string;
  district: string;
  postalCode: string;
  street: string;
  birthDate: string;
  sex: "L" | "P";
  bankCode: string;
  account: string;
}

export const DEMO_SHOPS: DemoShop[] = [
  { email: "tini@lapak.test", owner: "Sutini Rahayu", shop: "Warung Bu Tini", slug: "warung-bu-tini", target: "draft", provinceCode: "33", regencyCode: "3374", district: "Semarang Tengah", postalCode: "50132", street: "Jl. Pandanaran No. 12", birthDate: "1975-03-14", sex: "P", bankCode: "002", account: "123401000123503" },
  { email: "asri@lapak.test", owner: "Asri Handayani", shop: "Batik Pekalongan Asri", slug: "batik-pekalongan-asri", target: "submitted", provinceCode: "33", regencyCode: "3375", district: "Pekalongan Barat", postalCode: "51111", street: "Jl. Hayam Wuruk No. 8", birthDate: "1988-11-02", sex: "P", bankCode: "014", account: "1234567890" },
  { email: "gayo@lapak.test", owner: "Teuku Fadli", shop: "Kopi Gayo Mandiri", slug: "kopi-gayo-mandiri", target: "in_review", provinceCode: "11", regencyCode: "1104", district: "Lut Tawar", postalCode: "24519", street: "Jl. Lebe Kader No. 3", birthDate: "1990-06-21", sex: "L", bankCode: "009", account: "0987654321" },
  { email: "malang@lapak.test", owner: "Bambang Wijaya", shop: "Keripik Tempe Malang", slug: "keripik-tempe-malang", target: "changes_requested", provinceCode: "35", regencyCode: "3573", district: "Klojen", postalCode: "65111", street: "Jl. Kawi No. 21", birthDate: "1982-01-30", sex: "L", bankCode: "008", account: "1420012345678" },
  { email: "bandung@lapak.test", owner: "Nurul Fitriani", shop: "Gamis Cantik Bandung", slug: "gamis-cantik-bandung", target: "approved", provinceCode: "32", regencyCode: "3273", district: "Coblong", postalCode: "40132", street: "Jl. Dago No. 45", birthDate: "1993-09-09", sex: "P", bankCode: "014", account: "5430987612" },
  { email: "jaya@lapak.test", owner: "Hendra Gunawan", shop: "Elektronik Jaya Surabaya", slug: "elektronik-jaya-surabaya", target: "approved", provinceCode: "35", regencyCode: "3578", district: "Genteng", postalCode: "60275", street: "Jl. Tunjungan No. 60", birthDate: "1979-12-17", sex: "L", bankCode: "451", account: "7123456789" },
  { email: "murah@lapak.test", owner: "Rudi Hartono", shop: "Toko Murah Sekali", slug: "toko-murah-sekali", target: "rejected", provinceCode: "31", regencyCode: "3174", district: "Kebayoran Baru", postalCode: "12110", street: "Jl. Melawai No. 2", birthDate: "1985-04-04", sex: "L", bankCode: "014", account: "1112223334" },
  { email: "bogor@lapak.test", owner: "Yuliana Putri", shop: "Sepatu Lokal Bogor", slug: "sepatu-lokal-bogor", target: "suspended", provinceCode: "32", regencyCode: "3201", district: "Cibinong", postalCode: "16911", street: "Jl. Raya Tegar Beriman No. 9", birthDate: "1991-08-25", sex: "P", bankCode: "008", account: "1330098765432" },
];

/** A NIK that passes every offline check: region, birth date (+40 for women), serial. */
export function demoNik(s: DemoShop, serial: number): string {
  const [y, m, d] = s.birthDate.split("-");
  const day = Number(d) + (s.sex === "P" ? 40 : 0);
  return `${s.regencyCode}01${String(day).padStart(2, "0")}${m}${y.slice(2)}${String(serial).padStart(4, "0")}`;
}

export async function seedDemoShops(users: Map<string, { id: string }>, adminId: string) {
  const admin = { id: adminId };
  for (const [i, s] of DEMO_SHOPS.entries()) {
    const owner = users.get(s.email)!;
    const nik = demoNik(s, i + 1);
    await saveShopStep(owner, {
      name: s.shop,
      slug: s.slug,
      description: `${s.shop}: produk pilihan langsung dari ${s.district}.`,
      provinceCode: s.provinceCode,
      regencyCode: s.regencyCode,
      district: s.district,
      postalCode: s.postalCode,
      street: s.street,
      phone: `+62812${String(3000000 + i * 1111).padStart(7, "0")}`,
    });
    if (s.target === "draft") continue;
    await saveIdentityStep(owner, { fullName: s.owner, nik, nikOnFile: undefined, birthDate: s.birthDate, sex: s.sex });
    await saveTaxStep(owner, { npwpIsNik: true, npwp: "", npwpOnFile: undefined });
    await saveBankStep(owner, { bankCode: s.bankCode, accountNumber: s.account, accountOnFile: undefined, holderName: s.owner });
    await uploadDocument(owner, "ktp", await specimenDocument("ktp", { name: s.owner, nik }));
    await uploadDocument(owner, "npwp", await specimenDocument("npwp", { name: s.owner, npwp: nik }));
    await uploadDocument(owner, "bank_book", await specimenDocument("bank_book", { name: s.owner, account: s.account, bank: s.bankCode }));
    await submitForReview(owner);
    if (s.target === "submitted") continue;
    const review = await loadReview((await db().shop.findUniqueOrThrow({ where: { ownerId: owner.id } })).id, admin); // → in_review
    if (s.target === "in_review") continue;
    const shopId = review.shop.id;
    const version = review.shop.version;
    if (s.target === "changes_requested") {
      await decide(admin, shopId, { intent: "request_changes", version, reason: "Foto KTP kurang jelas.", documentReasons: [{ document: "ktp", code: "blurry", note: "Nomor NIK tidak terbaca" }] });
    } else if (s.target === "rejected") {
      await decide(admin, shopId, { intent: "reject", version, reason: "Data rekening tidak dapat diverifikasi.", documentReasons: [] });
    } else {
      await decide(admin, shopId, { intent: "approve", version, reason: "", documentReasons: [], confirmFlags: true });
      if (s.target === "suspended") {
        await decide(admin, shopId, { intent: "suspend", version: version + 1, reason: "Banyak laporan pesanan tidak dikirim.", documentReasons: [] });
      }
    }
  }
}
