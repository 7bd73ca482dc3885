import { describe, expect, it } from "vitest";
import { normalizeIndonesianPhone } from "./phone";
import { slugify } from "../text";

describe("Indonesian phone numbers", () => {
  it("normalises the usual ways of writing a number to +62", () => {
    expect(normalizeIndonesianPhone("0812-3456-7890")).toBe("+6281234567890");
    expect(normalizeIndonesianPhone("62 812 3456 7890")).toBe("+6281234567890");
    expect(normalizeIndonesianPhone("+62 (21) 555-1234")).toBe("+62215551234");
  });
  it("refuses numbers that are too short, too long or not Indonesian", () => {
    expect(normalizeIndonesianPhone("0812")).toBeNull();
    expect(normalizeIndonesianPhone("08123456789012345")).toBeNull();
    expect(normalizeIndonesianPhone("+6581234567")).toBeNull();
    expect(normalizeIndonesianPhone("+620812345678")).toBeNull();
    expect(normalizeIndonesianPhone("nomor saya")).toBeNull();
  });
});

describe("slugify", () => {
  it("makes URL slugs from shop names", () => {
    expect(slugify("Toko Berkah Jaya!")).toBe("toko-berkah-jaya");
    expect(slugify("  Kopi & Teh Nusantara ")).toBe("kopi-dan-teh-nusantara");
    expect(slugify("Café Ñoño")).toBe("cafe-nono");
  });
});
