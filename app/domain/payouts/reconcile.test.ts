import { describe, expect, it } from "vitest";
import { jakartaDay, parseSettlementCsv, reconcile } from "./reconcile";

describe("reconcile", () => {
  it("lists what only one side has and amounts that differ, by reference", () => {
    expect(
      reconcile(
        [
          { reference: "a", amount: 100 },
          { reference: "b", amount: 200 },
          { reference: "c", amount: 300 },
        ],
        [
          { reference: "a", amount: 100 },
          { reference: "b", amount: 250 },
          { reference: "d", amount: 400 },
        ],
      ),
    ).toEqual([
      { reference: "b", kind: "amount_mismatch", ledgerAmount: 200, providerAmount: 250 },
      { reference: "c", kind: "missing_at_provider", ledgerAmount: 300, providerAmount: null },
      { reference: "d", kind: "missing_in_ledger", ledgerAmount: null, providerAmount: 400 },
    ]);
    expect(reconcile([], [])).toEqual([]);
  });
  it("parses a report and keeps the wanted rows", () => {
    const csv = "reference_no,amount,status\r\nx1,150000.00,completed\r\nx2,90000.00,failed\r\n";
    expect(parseSettlementCsv(csv, "reference_no", "amount", (r) => r.status === "completed")).toEqual([{ reference: "x1", amount: 150_000 }]);
    expect(() => parseSettlementCsv("reference_no,amount\nx,1.5", "reference_no", "amount")).toThrow(RangeError);
  });
  it("takes the Jakarta day", () => {
    expect(jakartaDay("2026-12-01").from.toISOString()).toBe("2026-11-30T17:00:00.000Z");
  });
});
