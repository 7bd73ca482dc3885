import { describe, it, expect } from "vitest";
import { PRODUCT_CSV_ERROR_CODES } from "../../domain/catalog/product-csv";
import { catalogMessages } from "./catalog";

describe("catalogMessages", () => {
  it("has an Indonesian and an English text for every CSV error code, and nothing else", () => {
    for (const locale of ["id", "en"] as const) {
      expect(Object.keys(catalogMessages[locale]).sort()).toEqual([...PRODUCT_CSV_ERROR_CODES].sort());
      for (const text of Object.values(catalogMessages[locale])) expect(text.trim().length).toBeGreaterThan(10);
    }
  });

  it("writes limits with the locale's thousands separator", () => {
    expect(catalogMessages.id.csv_weight_range).toContain("50.000 gram");
    expect(catalogMessages.id.csv_price_range).toContain("Rp1.000.000.000");
    expect(catalogMessages.en.csv_weight_range).toContain("50,000 grams");
  });
});
