import { describe, expect, it } from "vitest";
import { dropshipSplit } from "~/domain/dropship/settlement";
import { heldForSeller, kindOf, monthlySummary, monthOf, type ReleaseFacts, runningStatement, type LedgerRow } from "./statement";

const row = (over: Partial<LedgerRow> & Pick<LedgerRow, "entryId" | "at" | "idempotencyKey" | "amount">): LedgerRow => ({ description: "", orderNumber: null, order: null, ...over });
/** A plain order's facts: goods + shipping + a Rp1.000 buyer fee, released whole unless a refund came first. */
const plain = (goods: number, shipping: number, over: Partial<ReleaseFacts> = {}): ReleaseFacts => ({ goodsTotal: goods, shippingCost: shipping, feeTotal: 1_000, escrowReleased: goods + shipping + 1_000, withheld: 0, dropship: null, ...over });

const rows: LedgerRow[] = [
  row({ entryId: "b", at: new Date("2026-12-31T17:30:00Z"), idempotencyKey: "withdrawal:w1", amount: -100_000 }), // 1 Jan 00:30 WIB
  row({ entryId: "a", at: new Date("2026-11-30T10:00:00Z"), idempotencyKey: "escrow-release:o1", amount: 160_500, order: plain(160_000, 9_000), orderNumber: "LPK-1" }),
  row({ entryId: "c", at: new Date("2027-01-02T10:00:00Z"), idempotencyKey: "payout-failed:w1", amount: 100_000 }),
  row({ entryId: "d", at: new Date("2027-01-03T10:00:00Z"), idempotencyKey: "escrow-release:o2", amount: 99_250, order: plain(100_000, 5_000, { withheld: 750 }), orderNumber: "LPK-2" }),
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

  it("explains a release as the seller's funds (the buyer's fee left out) less commission and PPh 22", () => {
    const [a, , , d] = runningStatement(rows);
    expect([a.gross, a.platform, a.withheld]).toEqual([169_000, 8_500, 0]);
    expect([d.gross, d.platform, d.withheld]).toEqual([105_000, 5_000, 750]);
    for (const l of [a, d]) expect(l.gross - l.platform - l.withheld).toBe(l.amount);
  });

  it("takes a refund made before the release out of the seller's funds, not out of the buyer's fee", () => {
    // Rp110.000 of goods and shipping, Rp30.000 refunded: Rp81.000 left escrow, Rp1.000 of it the buyer's fee.
    const [l] = runningStatement([row({ entryId: "r", at: new Date(), idempotencyKey: "escrow-release:o3", amount: 72_000, order: plain(100_000, 10_000, { escrowReleased: 81_000 }) })]);
    expect([l.gross, l.platform]).toEqual([80_000, 8_000]);
  });

  it("shows each side of a dropship release its own part, as the release split it, not the whole order", () => {
    // The buyer paid Rp150.000 for goods the supplier lists at Rp100.000, Rp12.000 shipping, Rp1.000 fee; Rp16.200 was
    // refunded before the release; Rp9.000 commission, taken from the supplier's side.
    const money = { goodsTotal: 150_000, shippingCost: 12_000, feeTotal: 1_000, dropshipCost: 100_000, commission: 9_000, refunded: 16_200 };
    const split = dropshipSplit({ ...money, commissionSide: "supplier" });
    const facts = (asSupplier: boolean): ReleaseFacts => ({ ...plain(150_000, 12_000), escrowReleased: 163_000 - 16_200, dropship: { cost: 100_000, asSupplier } });
    const [supplier] = runningStatement([row({ entryId: "s", at: new Date(), idempotencyKey: "escrow-release:o4", amount: split.supplier, order: facts(true) })]);
    const [dropshipper] = runningStatement([row({ entryId: "t", at: new Date(), idempotencyKey: "escrow-release:o4", amount: split.dropshipper, order: facts(false) })]);
    // Refund in proportion to Rp112.000 and Rp50.000: Rp11.200 and Rp5.000.
    expect([supplier.gross, supplier.platform, supplier.amount]).toEqual([100_800, 9_000, 91_800]);
    expect([dropshipper.gross, dropshipper.platform, dropshipper.amount]).toEqual([45_000, 0, 45_000]);
  });

  it("says what escrow holds for each side before the release: the same parts, without the buyer's fee", () => {
    const order = { goodsTotal: 150_000, shippingCost: 12_000, feeTotal: 1_000, held: 163_000 - 16_200 };
    expect(heldForSeller({ ...order, dropship: { cost: 100_000, asSupplier: true } })).toBe(100_800);
    expect(heldForSeller({ ...order, dropship: { cost: 100_000, asSupplier: false } })).toBe(45_000);
    expect(heldForSeller({ ...order, dropship: null })).toBe(145_800);
    // A full refund leaves only the fee's place, and nothing for anyone.
    expect(heldForSeller({ ...order, held: 0, dropship: { cost: 100_000, asSupplier: false } })).toBe(0);
  });

  it("explains nothing on lines that are not releases", () => {
    const [l] = runningStatement([row({ entryId: "w", at: new Date(), idempotencyKey: "withdrawal:w2", amount: -5_000, order: plain(1, 1) })]);
    expect([l.gross, l.platform, l.withheld]).toEqual([0, 0, 0]);
  });

  it("names the kind of each entry by its key", () => {
    expect(kindOf("adjustment:1")).toBe("other");
  });
});
