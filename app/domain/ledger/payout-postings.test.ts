import { describe, expect, it } from "vitest";
import { payoutCompletedPosting, payoutFailedPosting, withdrawalRequestedPosting } from "./postings";

describe("payout postings", () => {
  const w = { id: "w1", number: "WD-261201-AAAAAAAA", shopId: "s1", amount: 75_000 };
  it("a withdrawal moves the amount from the seller's available balance to payout clearing", () => {
    const p = withdrawalRequestedPosting(w);
    expect(p.idempotencyKey).toBe("withdrawal:w1");
    expect(p.lines.map((l) => [l.account.code, l.amount])).toEqual([
      ["seller_available:s1", 75_000],
      ["payout_clearing", -75_000],
    ]);
  });
  it("a completed payout leaves the provider; a failed one returns to the seller", () => {
    expect(payoutCompletedPosting({ ...w, providerReference: "ref" }).lines.map((l) => [l.account.code, l.amount])).toEqual([
      ["payout_clearing", 75_000],
      ["provider_clearing", -75_000],
    ]);
    const failed = payoutFailedPosting({ ...w, reason: "Rekening tujuan tidak ditemukan" });
    expect(failed.idempotencyKey).toBe("payout-failed:w1");
    expect(failed.lines.map((l) => [l.account.code, l.amount])).toEqual([
      ["payout_clearing", 75_000],
      ["seller_available:s1", -75_000],
    ]);
    expect(() => withdrawalRequestedPosting({ ...w, amount: 0 })).toThrow(RangeError);
  });
});
