import { describe, expect, it } from "vitest";
import { itemKeyOf, ORDER_NUMBER_PATTERN, orderNumber, PAYMENT_NUMBER_PATTERN, paymentNumber } from "./numbers";

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

  it("recognises its own shapes and nothing else", () => {
    const at = new Date("2026-12-01T10:00:00Z");
    expect(orderNumber(at, bytes)).toMatch(ORDER_NUMBER_PATTERN);
    expect(paymentNumber(at, bytes)).toMatch(PAYMENT_NUMBER_PATTERN);
    for (const bad of ["", "\0", "LPK-261201-7KQ2MZ9A\0", "LPK-261201-7KQ2MZ9", "LPK-261201-0KQ2MZ9A", "lpk-261201-7kq2mz9a", "😀"]) expect(bad).not.toMatch(ORDER_NUMBER_PATTERN);
    expect("PAY-261201-X3T8M2Q9V").not.toMatch(PAYMENT_NUMBER_PATTERN);
  });
});
