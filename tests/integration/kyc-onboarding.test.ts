import { describe, expect, it } from "vitest";
import pg from "pg";
import { db } from "../../app/infra/db.server";
import { action as bankAction } from "../../app/routes/seller.onboarding.bank";
import { action as identityAction } from "../../app/routes/seller.onboarding.identity";
import { action as reviewAction } from "../../app/routes/seller.onboarding.review";
import { action as shopAction } from "../../app/routes/seller.onboarding.shop";
import { loader as slugLoader } from "../../app/routes/seller.onboarding.slug";
import { action as taxAction } from "../../app/routes/seller.onboarding.tax";
import { action as uploadAction } from "../../app/routes/seller.documents";
import { aPhoto, aSeller, VALID } from "../factories/shops";
import { aUser, cookieFor } from "../factories/users";
import { call, getRequest, payload, postForm } from "../setup/http";

const shopFields = {
  name: "Dapur Nenek Ijah",
  slug: "dapur-nenek-ijah",
  description: "Sambal dan kue kering rumahan",
  provinceCode: "32",
  regencyCode: "3273",
  district: "Coblong",
  postalCode: "40132",
  street: "Jl. Ganesha No. 10",
  phone: "0812-3456-7890",
};

type Errors = { errors: Record<string, string> };

function upload(cookie: string, kind: string, bytes: Buffer, filename = "foto.jpg") {
  const form = new FormData();
  form.append("kind", kind);
  form.append("file", new Blob([new Uint8Array(bytes)]), filename);
  return call(uploadAction, postForm("/seller/documents", form, { cookie }));
}

async function jsonOf(res: { result: unknown }) {
  return (res.result as Response).json() as Promise<{ ok: boolean; error?: string; document?: { id: string; version: number } }>;
}

describe("shop step", () => {
  it("creates a draft shop with the phone normalised to +62, and a second save updates it", async () => {
    const user = await aUser();
    const cookie = await cookieFor(user.id);
    const res = await call(shopAction, postForm("/seller/onboarding/shop", shopFields, { cookie }));
    expect(res.headers.get("Location")).toBe("/seller/onboarding/identity");
    const shop = await db().shop.findUniqueOrThrow({ where: { ownerId: user.id } });
    expect(shop).toMatchObject({ status: "draft", phone: "+6281234567890", regencyCode: "3273" });
    await call(shopAction, postForm("/seller/onboarding/shop", { ...shopFields, name: "Dapur Nenek Ijah Asli" }, { cookie }));
    expect(await db().shop.count({ where: { ownerId: user.id } })).toBe(1);
    expect((await db().shop.findUniqueOrThrow({ where: { ownerId: user.id } })).name).toBe("Dapur Nenek Ijah Asli");
  });

  it("rejects a regency outside the chosen province and a taken slug, next to those fields", async () => {
    const other = await aSeller();
    const cookie = await cookieFor((await aUser()).id);
    const wrongRegency = await call(shopAction, postForm("/seller/onboarding/shop", { ...shopFields, regencyCode: "3578" }, { cookie }));
    expect(wrongRegency.status).toBe(400);
    expect(payload<Errors>(wrongRegency.result).errors.regencyCode).toBe("onboarding.shop.regencyRequired");
    const taken = await call(shopAction, postForm("/seller/onboarding/shop", { ...shopFields, slug: other.shop.slug }, { cookie }));
    expect(taken.status).toBe(409);
    expect(payload<Errors>(taken.result).errors.slug).toBe("onboarding.shop.slugTaken");
    const check = await call(slugLoader, getRequest(`/seller/onboarding/slug?slug=${other.shop.slug}`, { cookie }));
    expect(await (check.result as Response).json()).toEqual({ slug: other.shop.slug, available: false });
  });
});

describe("identity, tax and bank steps", () => {
  it("rejects an invalid NIK with its precise reason next to the field", async () => {
    const { owner } = await aSeller();
    const cookie = await cookieFor(owner.id);
    const cases: [string, string][] = [
      ["12345", "nik_format"],
      ["9901014507900003", "nik_province"],
      ["3201013102990003", "nik_birthdate"], // 31 February
      ["3201014507900000", "nik_serial"],
    ];
    for (const [nik, code] of cases) {
      const res = await call(identityAction, postForm("/seller/onboarding/identity", { fullName: "Siti Aminah", nik, birthDate: VALID.birthDate, sex: "P" }, { cookie }));
      expect(res.status, nik).toBe(400);
      expect(payload<Errors>(res.result).errors.nik, nik).toBe(code);
    }
  });

  it("stores the NIK encrypted, and warns (without refusing) when the birth date or sex disagree with it", async () => {
    const { owner, shop } = await aSeller();
    const cookie = await cookieFor(owner.id);
    const res = await call(identityAction, postForm("/seller/onboarding/identity", { fullName: "Siti Aminah", nik: "3201 0145 0790 0003", birthDate: "1990-07-06", sex: "L" }, { cookie }));
    expect(res.status).toBe(200);
    expect(payload<{ warnings: string[] }>(res.result).warnings.sort()).toEqual(["nik_birthdate_mismatch", "nik_sex_mismatch"]);
    // Read the raw row: the number must not be there in clear text.
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query("SELECT row_to_json(k)::text AS row FROM kyc_profiles k WHERE shop_id = $1", [shop.id]);
    await client.end();
    expect(rows[0].row).not.toContain("3201014507900003");
    expect(rows[0].row).toContain('"nik_last4":"0003"');
  });

  it("accepts an NPWP with or without punctuation, refuses a bad check digit, and offers NIK-as-NPWP", async () => {
    const { owner } = await aSeller();
    const cookie = await cookieFor(owner.id);
    const bad = await call(taxAction, postForm("/seller/onboarding/tax", { npwp: "01.234.567.1-901.000" }, { cookie }));
    expect(bad.status).toBe(400);
    expect(payload<Errors>(bad.result).errors.npwp).toBe("npwp_checksum");
    const nikFirst = await call(taxAction, postForm("/seller/onboarding/tax", { npwpIsNik: "on" }, { cookie }));
    expect(payload<Errors>(nikFirst.result).errors.npwp).toBe("onboarding.tax.nikFirst");
  });

  it("refuses an account number that is not 7-18 digits", async () => {
    const { owner } = await aSeller();
    const cookie = await cookieFor(owner.id);
    const res = await call(bankAction, postForm("/seller/onboarding/bank", { bankCode: "014", accountNumber: "12ab", holderName: "Siti" }, { cookie }));
    expect(res.status).toBe(400);
    expect(payload<Errors>(res.result).errors.accountNumber).toBe("bank_account_format");
  });
});

describe("document uploads", () => {
  it("keeps every version and re-encodes the image", async () => {
    const { owner, shop } = await aSeller();
    const cookie = await cookieFor(owner.id);
    const first = await jsonOf(await upload(cookie, "ktp", await aPhoto()));
    const second = await jsonOf(await upload(cookie, "ktp", await aPhoto()));
    expect(first).toMatchObject({ ok: true, document: { version: 1 } });
    expect(second).toMatchObject({ ok: true, document: { version: 2 } });
    const docs = await db().kycDocument.findMany({ where: { shopId: shop.id, kind: "ktp" }, orderBy: { version: "asc" } });
    expect(docs.map((d) => [d.version, d.contentType])).toEqual([
      [1, "image/jpeg"],
      [2, "image/jpeg"],
    ]);
  });

  it("refuses a renamed executable and a too-small photo, and leaves no record behind", async () => {
    const { owner, shop } = await aSeller();
    const cookie = await cookieFor(owner.id);
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4000, 1)]);
    const exe = await upload(cookie, "ktp", elf, "ktp.jpg");
    expect(exe.status).toBe(400);
    expect(await jsonOf(exe)).toMatchObject({ ok: false, error: "upload_type" });
    const tiny = await upload(cookie, "ktp", await aPhoto({ width: 200, height: 120 }));
    expect(await jsonOf(tiny)).toMatchObject({ ok: false, error: "upload_too_small_resolution" });
    expect(await db().kycDocument.count({ where: { shopId: shop.id } })).toBe(0);
  });

  it("answers 413 to an oversized upload before reading it all", async () => {
    const { owner } = await aSeller();
    const res = await upload(await cookieFor(owner.id), "ktp", Buffer.alloc(10 * 1024 * 1024 + 10, 0xff));
    expect(res.status).toBe(413);
    expect(await jsonOf(res)).toMatchObject({ ok: false, error: "upload_too_large" });
  });

  it("two uploads at the same moment both land, as versions 1 and 2", async () => {
    const { owner, shop } = await aSeller();
    const cookie = await cookieFor(owner.id);
    const [a, b] = [await aPhoto(), await aPhoto()];
    await Promise.all([upload(cookie, "npwp", a), upload(cookie, "npwp", b)]);
    const versions = (await db().kycDocument.findMany({ where: { shopId: shop.id, kind: "npwp" } })).map((d) => d.version).sort();
    expect(versions).toEqual([1, 2]);
  });
});

describe("submission", () => {
  it("refuses to submit while something is missing", async () => {
    const { owner } = await aSeller();
    const res = await call(reviewAction, postForm("/seller/onboarding/review", {}, { cookie: await cookieFor(owner.id) }));
    expect(res.status).toBe(400);
    expect(payload<Errors>(res.result).errors._form).toBe("onboarding.incomplete");
  });

  it("a double click submits once and records one event", async () => {
    const { owner, shop } = await aSeller({ status: "submitted" });
    expect(shop.status).toBe("submitted");
    const again = await call(reviewAction, postForm("/seller/onboarding/review", {}, { cookie: await cookieFor(owner.id) }));
    expect(again.status).toBe(409);
    expect(await db().verificationEvent.count({ where: { shopId: shop.id, toStatus: "submitted" } })).toBe(1);
  });

  it("locks the data while the shop is under review", async () => {
    const { owner } = await aSeller({ status: "submitted" });
    const cookie = await cookieFor(owner.id);
    const res = await call(bankAction, postForm("/seller/onboarding/bank", { bankCode: "014", accountNumber: "9999999999", holderName: "Siti" }, { cookie }));
    expect(res.status).toBe(409);
    expect(payload<Errors>(res.result).errors._form).toBe("onboarding.locked");
    expect(await jsonOf(await upload(cookie, "ktp", await aPhoto()))).toMatchObject({ ok: false, error: "onboarding.locked" });
  });
});
