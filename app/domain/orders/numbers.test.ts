import { describe, expect, it } from "vitest";
import { itemKeyOf, orderNumber, paymentNumber } from "./numbers";

describe("order numbers", () => {
  const bytes = Uint8Array.from({ length: 12 }, (_, i) => i * 7);
  it("dates the number in Jakarta time and uses only unambiguous characters", () => {
    // 18:00 UTC on 1 Dec is already 2 Dec in Jakarta.
    expect(orderNumber(new Date("2026-12-01T18:00:00Z"), bytes)).toMatch(/^LPK-261202-[2-9A-HJKMNP-Z]{8}$/);
    expect(paymentNumber(new Date("2026-12-01T10:00:00Z"), bytes)).toMatch(/^PAY-261201-[2-9A-HJKMNP-Z]{10}$/);
    expect(paymentNumber(new Date(), bytes).length).toBeLessThanOrEqual(50);
  });
  it("keys a cart line by product and variant", () => {
    expect(itemKeyOf("p", null)).toBe("p");
    expect(itemKeyOf("p", "v")).toBe("p:v");
  });
});
