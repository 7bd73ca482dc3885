import { describe, expect, it } from "vitest";
import { listingFigures, moveProduct, parseRupiahInput, variantCombinations } from "./product";

const seller = (shopStatus: string, photoCount = 1) => ({ actor: "seller" as const, shopStatus, photoCount });

describe("product states", () => {
  it("only an approved shop with a photo can make a product active", () => {
    expect(moveProduct("draft", "activate", seller("approved"))).toEqual({ ok: true, to: "active" });
    expect(moveProduct("draft", "activate", seller("submitted"))).toEqual({ ok: false, error: "product_shop_not_approved" });
    expect(moveProduct("draft", "activate", seller("suspended"))).toEqual({ ok: false, error: "product_shop_not_approved" });
    expect(moveProduct("draft", "activate", seller("approved", 0))).toEqual({ ok: false, error: "product_needs_photo" });
  });
  it("a blocked product stays blocked until an admin lifts it, and the block needs a reason", () => {
    expect(moveProduct("active", "block", { actor: "admin", shopStatus: "approved", photoCount: 1 })).toEqual({ ok: false, error: "product_reason_required" });
    expect(moveProduct("active", "block", { actor: "admin", shopStatus: "approved", photoCount: 1, reason: "Barang terlarang" })).toEqual({ ok: true, to: "blocked" });
    expect(moveProduct("blocked", "activate", seller("approved"))).toEqual({ ok: false, error: "product_blocked" });
    expect(moveProduct("active", "block", { ...seller("approved"), reason: "x" })).toEqual({ ok: false, error: "product_move_invalid" });
    expect(moveProduct("blocked", "unblock", { actor: "admin", shopStatus: "approved", photoCount: 1 })).toEqual({ ok: true, to: "inactive" });
  });
  it("deactivates only an active product", () => {
    expect(moveProduct("active", "deactivate", seller("approved"))).toEqual({ ok: true, to: "inactive" });
    expect(moveProduct("draft", "deactivate", seller("approved"))).toEqual({ ok: false, error: "product_move_invalid" });
  });
});

describe("variants", () => {
  it("combines two variant types, dropping blanks and repeats", () => {
    expect(variantCombinations(["S", "M", " ", "M"], ["Hitam", "Putih"])).toEqual([
      { option1: "S", option2: "Hitam" },
      { option1: "S", option2: "Putih" },
      { option1: "M", option2: "Hitam" },
      { option1: "M", option2: "Putih" },
    ]);
    expect(variantCombinations(["Merah"])).toEqual([{ option1: "Merah", option2: null }]);
  });
  it("lists the lowest price, the total stock and the heaviest weight", () => {
    const figures = listingFigures({ priceRupiah: 1, stock: 0, weightGrams: 1 }, [
      { option1: "S", priceRupiah: 150000, stock: 3, weightGrams: 400 },
      { option1: "XL", priceRupiah: 175000, stock: 2, weightGrams: 550 },
    ]);
    expect(figures).toEqual({ priceRupiah: 150000, stock: 5, weightGrams: 550, priceFrom: true });
  });
});

describe("rupiah input", () => {
  it("reads prices as sellers type them", () => {
    expect(parseRupiahInput("125.000")).toBe(125000);
    expect(parseRupiahInput("Rp 1.250.000")).toBe(1250000);
    expect(parseRupiahInput("99000")).toBe(99000);
    expect(parseRupiahInput("12,5")).toBeNull();
    expect(parseRupiahInput("abc")).toBeNull();
    expect(parseRupiahInput("")).toBeNull();
  });
});
