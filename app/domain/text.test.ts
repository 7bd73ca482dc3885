import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/i18n";
import "~/i18n/register";
import { shopNameVars, slugify, withShopWord } from "./text";

describe("shop names in sentences", () => {
  it("adds 'Toko' only when the name does not already start with it", () => {
    expect(withShopWord("Murah Sekali")).toBe("Toko Murah Sekali");
    expect(withShopWord("Toko Murah Sekali")).toBe("Toko Murah Sekali");
    expect(withShopWord("TOKO BERKAH", "toko")).toBe("TOKO BERKAH");
    expect(withShopWord("Tokopedia Fans", "toko")).toBe("toko Tokopedia Fans");
  });

  it("never says 'Toko Toko' in a decision notice", () => {
    const t = translator("id");
    for (const key of ["notice.approved.body", "notice.rejected.body", "notice.changes_requested.body", "notice.suspended.body", "notice.in_review.body"]) {
      const text = t(key, shopNameVars("Toko Murah Sekali"));
      expect(text).toContain("Toko Murah Sekali");
      expect(text.toLowerCase()).not.toContain("toko toko");
    }
    expect(t("notice.approved.body", shopNameVars("Kue Lapis Siti"))).toContain("Selamat! Toko Kue Lapis Siti sudah terverifikasi.");
    expect(t("notice.rejected.body", shopNameVars("Kue Lapis Siti"))).toBe("Maaf, pengajuan toko Kue Lapis Siti ditolak.");
    expect(t("adminProducts.notice.blocked.body", { product: "Kaos", ...shopNameVars("Toko Murah Sekali") }).toLowerCase()).not.toContain("toko toko");
  });
});

describe("slugify", () => {
  it("makes a URL part of a shop name", () => {
    expect(slugify("Toko Berkah Jaya!")).toBe("toko-berkah-jaya");
  });
});
