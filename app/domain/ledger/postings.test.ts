import { describe, expect, it } from "vitest";
import { assertBalanced, escrowReleasePosting, paymentSettledPosting, refundPosting } from "./postings";

const sum = (lines: { amount: number }[]) => lines.reduce((s, l) => s + l.amount, 0);

describe("ledger postings", () => {
  const payment = {
    id: "p1",
    paymentNumber: "PAY-1",
    grossAmount: 473_500,
    orders: [
      { id: "o1", shopId: "s1", total: 160_000 },
      { id: "o2", shopId: "s2", total: 313_500 },
    ],
  };

  it("settlement: provider clearing debited with the whole payment, one escrow credit per order", () => {
    const p = paymentSettledPosting(payment);
    expect(p.idempotencyKey).toBe("payment-settled:p1");
    expect(p.lines).toEqual([
      { account: { code: "provider_clearing", kind: "provider_clearing" }, amount: 473_500 },
      { account: { code: "escrow", kind: "escrow" }, amount: -160_000, orderId: "o1", shopId: "s1" },
      { account: { code: "escrow", kind: "escrow" }, amount: -313_500, orderId: "o2", shopId: "s2" },
    ]);
    expect(sum(p.lines)).toBe(0);
  });

  it("settlement refuses orders that do not add up to the payment", () => {
    expect(() => paymentSettledPosting({ ...payment, grossAmount: 473_000 })).toThrow(/does not balance/);
  });

  it("refund: the order's escrow back out of provider clearing", () => {
    const p = refundPosting({ id: "r1", refundKey: "refund-o1", orderId: "o1", shopId: "s1", amount: 160_000 });
    expect(p.idempotencyKey).toBe("refund:refund-o1");
    expect(p.lines.map((l) => [l.account.code, l.amount, l.orderId])).toEqual([
      ["escrow", 160_000, "o1"],
      ["provider_clearing", -160_000, undefined],
    ]);
  });

  it("settlement then refund leaves the order's escrow at zero", () => {
    const settled = paymentSettledPosting(payment).lines.filter((l) => l.orderId === "o1");
    const refunded = refundPosting({ id: "r1", refundKey: "k", orderId: "o1", shopId: "s1", amount: 160_000 }).lines.filter((l) => l.orderId === "o1");
    expect(sum([...settled, ...refunded])).toBe(0);
  });

  it("release splits escrow into the seller's balance and platform revenue", () => {
    const p = escrowReleasePosting({ id: "o1", orderNumber: "LPK-1", shopId: "s1", total: 160_000, commission: 8_000, buyerFee: 1_000 });
    expect(p.lines.map((l) => [l.account.code, l.amount])).toEqual([
      ["escrow", 160_000],
      ["seller_available:s1", -151_000],
      ["platform_revenue", -9_000],
    ]);
  });

  it("release with PPh 22 withheld adds a tax_payable line; payees split the seller's part", () => {
    const p = escrowReleasePosting({ id: "o1", orderNumber: "LPK-1", shopId: "s1", total: 160_000, commission: 8_000, buyerFee: 1_000, withholding: 750 });
    expect(p.lines.map((l) => [l.account.code, l.amount])).toEqual([
      ["escrow", 160_000],
      ["seller_available:s1", -150_250],
      ["platform_revenue", -9_000],
      ["tax_payable", -750],
    ]);
    const split = escrowReleasePosting({ id: "o1", orderNumber: "LPK-1", shopId: "s1", total: 160_000, commission: 8_000, buyerFee: 1_000, payees: [{ shopId: "sup", amount: 140_000 }, { shopId: "s1", amount: 11_000 }] });
    expect(split.lines.filter((l) => l.account.kind === "seller_available").map((l) => [l.account.code, l.amount])).toEqual([["seller_available:sup", -140_000], ["seller_available:s1", -11_000]]);
    expect(() => escrowReleasePosting({ id: "o1", orderNumber: "LPK-1", shopId: "s1", total: 160_000, commission: 8_000, buyerFee: 1_000, payees: [{ shopId: "s1", amount: 150_000 }] })).toThrow(RangeError);
  });

  it("refuses zero, fractional and one-sided postings", () => {
    expect(() => refundPosting({ id: "r", refundKey: "k", orderId: "o", shopId: "s", amount: 0 })).toThrow(RangeError);
    expect(() => refundPosting({ id: "r", refundKey: "k", orderId: "o", shopId: "s", amount: 1.5 })).toThrow(RangeError);
    expect(() => assertBalanced({ idempotencyKey: "x", kind: "refund", referenceType: "refund", referenceId: "x", description: "", lines: [{ account: { code: "escrow", kind: "escrow" }, amount: 5 }] })).toThrow(RangeError);
  });
});
