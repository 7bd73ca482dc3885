import { describe, expect, it } from "vitest";
import { kindOf, monthlySummary, monthOf, runningStatement, type LedgerRow } from "./statement";

const row = (over: Partial<LedgerRow> & Pick<LedgerRow, "entryId" | "at" | "idempotencyKey" | "amount">): LedgerRow => ({ description: "", orderNumber: null, gross: 0, platform: 0, withheld: 0, ...over });

const rows: LedgerRow[] = [
  row({ entryId: "b", at: new Date("2026-12-31T17:30:00Z"), idempotencyKey: "withdrawal:w1", amount: -100_000 }), // 1 Jan 00:30 WIB
  row({ entryId: "a", at: new Date("2026-11-30T10:00:00Z"), idempotencyKey: "escrow-release:o1", amount: 160_500, gross: 169_000, platform: 8_500, orderNumber: "LPK-1" }),
  row({ entryId: "c", at: new Date("2027-01-02T10:00:00Z"), idempotencyKey: "payout-failed:w1", amount: 100_000 }),
  row({ entryId: "d", at: new Date("2027-01-03T10:00:00Z"), idempotencyKey: "escrow-release:o2", amount: 99_250, gross: 105_000, platform: 5_000, withheld: 750, orderNumber: "LPK-2" }),
];

describe("seller statement", () => {
  it("orders lines oldest first with a running balance", () => {
    const s = runningStatement(rows);
    expect(s.map((l) => [l.entryId, l.kind, l.balance])).toEqual([
      ["a", "release", 160_500],
      ["b", "withdrawal", 60_500],
      ["c", "payout_failed", 160_500],
      ["d", "release", 259_750],
    ]);
  });

  it("months are in WIB: 31 Dec 17:30 UTC is January", () => {
    expect(monthOf(new Date("2026-12-31T17:30:00Z"))).toBe("2027-01");
    expect(monthOf(new Date("2026-12-31T16:59:59Z"))).toBe("2026-12");
  });

  it("sums each month, newest first, with the closing balance", () => {
    expect(monthlySummary(runningStatement(rows))).toEqual([
      { month: "2027-01", orders: 1, gross: 105_000, platform: 5_000, withheld: 750, released: 99_250, withdrawn: 100_000, returned: 100_000, closing: 259_750 },
      { month: "2026-11", orders: 1, gross: 169_000, platform: 8_500, withheld: 0, released: 160_500, withdrawn: 0, returned: 0, closing: 160_500 },
    ]);
  });

  it("names the kind of each entry by its key", () => {
    expect(kindOf("adjustment:1")).toBe("other");
  });
});
