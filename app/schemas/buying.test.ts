import { describe, expect, it } from "vitest";
import { CheckoutSchema, parseCheckoutForm } from "./buying";

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
