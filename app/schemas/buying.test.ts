import { describe, expect, it } from "vitest";
import { AddressSchema, CheckoutSchema, parseCheckoutForm } from "./buying";

const base = { addressId: "7d0b6f5e-2f0a-4c1e-9c7e-2b1a3c4d5e6f", items: "a,b", "price.a": "1000" };

describe("checkout form: Kirim sebagai dropshipper", () => {
  it("without the tick there is no sender, whatever the sender fields hold", () => {
    const parsed = CheckoutSchema.parse({ ...base, senderName: "x" });
    expect(parseCheckoutForm(parsed)).toMatchObject({ keys: ["a", "b"], prices: { a: 1000 }, sender: null });
  });

  it("with the tick the sender's name and phone are required and the phone is normalised", () => {
    const parsed = CheckoutSchema.parse({ ...base, dropship: "1", senderName: "  Toko Hadiah Rina ", senderPhone: "0812-1111-2222" });
    expect(parseCheckoutForm(parsed).sender).toEqual({ name: "Toko Hadiah Rina", phone: "+6281211112222" });
    for (const bad of [{}, { senderName: "Rina" }, { senderName: "Rina", senderPhone: "12345" }, { senderName: "R", senderPhone: "081211112222" }]) {
      const result = CheckoutSchema.safeParse({ ...base, dropship: "on", ...bad });
      expect(result.success).toBe(false);
      expect(result.error!.issues.every((i) => i.path[0] === "senderName" || i.path[0] === "senderPhone")).toBe(true);
    }
  });
});

describe("address form", () => {
  const address = { recipient: "Budi Santoso", phone: "081234567890", provinceCode: "32", regencyCode: "3273", district: "Coblong", postalCode: "40132", street: "Jl. Dago No. 12" };
  /** The first message per field, as the form shows it. */
  const firstErrors = (values: Record<string, string>) => {
    const result = AddressSchema.safeParse({ ...address, ...values });
    const out: Record<string, string> = {};
    for (const i of result.success ? [] : result.error.issues) out[String(i.path[0])] ??= i.message;
    return out;
  };

  it("says a filled field is too short, not that it is required", () => {
    expect(firstErrors({ recipient: "B", district: "x", street: "Jl" })).toEqual({ recipient: "validation.min2", district: "validation.min2", street: "validation.min5" });
    expect(firstErrors({ recipient: "", district: "  ", street: "" })).toEqual({ recipient: "validation.required", district: "validation.required", street: "validation.required" });
    expect(firstErrors({})).toEqual({});
  });
});
