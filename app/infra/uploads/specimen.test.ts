import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { specimenDocument, type SpecimenKind } from "../../../prisma/demo/specimen-images";
import { acceptDocumentFile } from "./document-file.server";

// Made-up data only; the "&" and "<>" check that typed text is escaped in the SVG.
const data = { name: "Siti Contoh & <Uji>", nik: "3174015001900001", npwp: "012345678901000", bank: "bca", account: "1234567890", shop: "Toko Contoh" };

describe("specimenDocument (demo KYC images)", () => {
  it.each([
    ["ktp", 1000, 630],
    ["npwp", 1000, 630],
    ["bank_book", 900, 1200],
    ["selfie", 900, 1200],
  ] as [SpecimenKind, number, number][])("renders a %s specimen that passes the upload check", async (kind, width, height) => {
    const jpeg = await specimenDocument(kind, data);
    expect(await sharp(jpeg).metadata()).toMatchObject({ format: "jpeg", width, height });
    const accepted = await acceptDocumentFile(jpeg, { maxBytes: 5 * 1024 * 1024, minWidth: 600, minHeight: 400 });
    expect(accepted).toMatchObject({ ok: true, kind: "image", contentType: "image/jpeg", width, height });
  });

  it("prints the data it is given", async () => {
    const a = await sharp(await specimenDocument("ktp", data)).raw().toBuffer();
    const b = await sharp(await specimenDocument("ktp", { ...data, name: "Budi Contoh" })).raw().toBuffer();
    expect(a.equals(b)).toBe(false);
  });
});
