import { describe, expect, it } from "vitest";
import { ACCOUNT_KINDS, POSTING_KINDS } from "~/domain/ledger/postings";
import { PAYMENT_TYPES, TRANSACTION_STATUSES } from "~/domain/payments/midtrans";
import { PAYMENT_EVENT_SOURCES, PAYMENT_STATUSES, REFUND_STATUSES } from "~/domain/payments/statuses";
import { dictionaryKeys, isPluralForm, labelOf, LOCALES, translator } from "./i18n";
import "./register";

describe("i18n", () => {
  it("has every key in both languages (plural forms aside: each belongs to a key of its own language)", () => {
    const id = new Set(dictionaryKeys("id").filter((k) => !isPluralForm(k)));
    const en = new Set(dictionaryKeys("en").filter((k) => !isPluralForm(k)));
    expect([...id].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !id.has(k))).toEqual([]);
    expect(dictionaryKeys("en").filter((k) => isPluralForm(k) && (!en.has(k.split("#")[0]) || !/#(one|two|few|many|zero)$/.test(k)))).toEqual([]);
    expect(dictionaryKeys("id").filter(isPluralForm)).toEqual([]);
  });
  it("picks the plural form of the count, in English only", () => {
    const en = translator("en");
    expect(en("cart.goods", { count: 1 })).toBe("Total price (1 item)");
    expect(en("cart.goods", { count: 2 })).toBe("Total price (2 items)");
    expect(en("cart.goods", { count: 0 })).toBe("Total price (0 items)");
    expect(en("browse.results.count", { count: "1.234" })).toBe("1.234 products");
    expect(en("browse.results.count", { count: "1" })).toBe("1 product");
    expect(translator("id")("cart.goods", { count: 1 })).toBe("Total harga (1 barang)");
  });
  it("has no English message that hedges a plural with (s)", () => {
    expect(dictionaryKeys("en").filter((k) => translator("en")(k).includes("(s)"))).toEqual([]);
  });
  it("fills variables and falls back to the key", () => {
    expect(translator("id")("home.hello", { name: "Siti" })).toBe("Halo, Siti!");
    expect(translator("en")("home.hello", { name: "Siti" })).toBe("Hello, Siti!");
    expect(translator("id")("no.such.key")).toBe("no.such.key");
  });
  it("has words for every stored code the admin's order page shows, in both languages", () => {
    const codes: [string, readonly string[]][] = [
      ["payment.status.", PAYMENT_STATUSES],
      ["payment.type.", PAYMENT_TYPES],
      ["payment.event.", TRANSACTION_STATUSES],
      ["payment.source.", PAYMENT_EVENT_SOURCES],
      ["sellerOrders.refundStatus.", REFUND_STATUSES],
      ["adminFinance.entry.", POSTING_KINDS],
      ["adminFinance.account.", ACCOUNT_KINDS],
    ];
    for (const locale of LOCALES) {
      const t = translator(locale);
      for (const [prefix, values] of codes) {
        for (const code of values) expect(labelOf(t, prefix, code, { shop: "Toko Uji" }), `${locale} ${prefix}${code}`).not.toBe(code);
      }
    }
    const t = translator("id");
    expect([labelOf(t, "payment.status.", "settled"), labelOf(t, "payment.type.", "bank_transfer"), labelOf(t, "sellerOrders.refundStatus.", "done")]).toEqual([
      "Lunas",
      "Transfer bank (virtual account)",
      "selesai",
    ]);
    expect(labelOf(t, "adminFinance.account.", "seller_available", { shop: "Toko Uji" })).toBe("Saldo penjual: Toko Uji");
    // A code we have no words for shows as it is, not as a message key.
    expect(labelOf(t, "payment.type.", "akulaku")).toBe("akulaku");
  });
});
