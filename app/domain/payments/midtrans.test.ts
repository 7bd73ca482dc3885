import { describe, expect, it } from "vitest";
import {
  formatGrossAmount,
  formatMidtransTime,
  parseMidtransTime,
  snapExpiry,
  hasValidSignature,
  isPaid,
  notificationSignature,
  parseGrossAmount,
  signNotification,
  statusCodeFor,
  type MidtransStatus,
} from "./midtrans";

// Computed independently with coreutils:
//   echo -n "LPK-2026-0001200125000.00SB-Mid-server-lapak-embedded" | sha512sum
const VECTOR =
  "6981867310d198a76200ccc82a6829fa70fb86332b9e90a5e9cd1299c02ffdfa54661149fa55e88b111bb5d55c6c78f9831faa81860312ac2cebe10bf0c9dbe3";
const KEY = "SB-Mid-server-lapak-embedded";

const settled: MidtransStatus = {
  order_id: "LPK-2026-0001",
  status_code: "200",
  gross_amount: "125000.00",
  transaction_status: "settlement",
  payment_type: "bank_transfer",
  transaction_id: "t-1",
};

describe("notification signature", () => {
  it("is SHA-512 hex of order_id + status_code + gross_amount + server key", () => {
    expect(notificationSignature({ orderId: "LPK-2026-0001", statusCode: "200", grossAmount: "125000.00", serverKey: KEY })).toBe(VECTOR);
  });

  it("accepts the signature the gateway computed, in either case", () => {
    expect(hasValidSignature({ ...settled, signature_key: VECTOR }, KEY)).toBe(true);
    expect(hasValidSignature({ ...settled, signature_key: VECTOR.toUpperCase() }, KEY)).toBe(true);
    expect(hasValidSignature(signNotification(settled, KEY), KEY)).toBe(true);
  });

  it("refuses a changed amount, status, order, key or a malformed signature", () => {
    expect(hasValidSignature({ ...settled, gross_amount: "1250000.00", signature_key: VECTOR }, KEY)).toBe(false);
    expect(hasValidSignature({ ...settled, status_code: "201", signature_key: VECTOR }, KEY)).toBe(false);
    expect(hasValidSignature({ ...settled, order_id: "LPK-2026-0002", signature_key: VECTOR }, KEY)).toBe(false);
    expect(hasValidSignature({ ...settled, signature_key: VECTOR }, "another-key")).toBe(false);
    expect(hasValidSignature({ ...settled, signature_key: VECTOR.slice(0, 127) }, KEY)).toBe(false);
    expect(hasValidSignature({ ...settled, signature_key: undefined }, KEY)).toBe(false);
    expect(hasValidSignature({ ...settled, gross_amount: 125000 as unknown as string, signature_key: VECTOR }, KEY)).toBe(false);
  });
});

describe("gross amount", () => {
  it("writes whole rupiah with two decimals and reads it back", () => {
    expect(formatGrossAmount(125000)).toBe("125000.00");
    expect(formatGrossAmount(0)).toBe("0.00");
    expect(parseGrossAmount("125000.00")).toBe(125000);
    expect(parseGrossAmount("125000")).toBe(125000);
    expect(parseGrossAmount("125000.0")).toBe(125000);
  });
  it("refuses cents, negatives, floats and junk", () => {
    expect(() => formatGrossAmount(1.5)).toThrow();
    expect(() => formatGrossAmount(-1)).toThrow();
    for (const bad of ["125000.50", "-1.00", "1e5", "", "abc", "12 000", null, undefined]) expect(parseGrossAmount(bad)).toBeNull();
  });
});

describe("status helpers", () => {
  it("maps statuses to Midtrans status codes", () => {
    expect(statusCodeFor("settlement")).toBe("200");
    expect(statusCodeFor("pending")).toBe("201");
    expect(statusCodeFor("expire")).toBe("202");
  });
  it("treats settlement and an accepted capture as paid, nothing else", () => {
    expect(isPaid({ transaction_status: "settlement" })).toBe(true);
    expect(isPaid({ transaction_status: "capture", fraud_status: "accept" })).toBe(true);
    expect(isPaid({ transaction_status: "capture", fraud_status: "challenge" })).toBe(false);
    expect(isPaid({ transaction_status: "pending" })).toBe(false);
  });
});

describe("Snap expiry", () => {
  it("writes and reads Midtrans times in WIB", () => {
    expect(formatMidtransTime(new Date("2026-12-02T10:05:09.870Z"))).toBe("2026-12-02 17:05:09 +0700");
    expect(parseMidtransTime("2026-12-02 17:05:09 +0700")).toEqual(new Date("2026-12-02T10:05:09.000Z"));
    expect(parseMidtransTime("2026-12-02 10:05:09 +0000")).toEqual(new Date("2026-12-02T10:05:09.000Z"));
    for (const bad of ["2026-12-02T17:05:09+07:00", "2026-12-02 17:05 +0700", "", 5, null]) expect(parseMidtransTime(bad)).toBeNull();
  });

  it("counts from the payment's creation and closes on our deadline, never after it", () => {
    const createdAt = new Date("2026-12-02T10:05:09.870Z");
    // 24 hours after creation: the same second, 870 ms earlier.
    expect(snapExpiry(createdAt, new Date(createdAt.getTime() + 86_400_000))).toEqual({ start: new Date("2026-12-02T10:05:09.000Z"), minutes: 1440, closesAt: new Date("2026-12-03T10:05:09.000Z") });
    // A deadline not on a whole minute: the last whole minute before it.
    const odd = snapExpiry(createdAt, new Date(createdAt.getTime() + 90_500));
    expect(odd.minutes).toBe(1);
    expect(odd.closesAt.getTime()).toBeLessThanOrEqual(createdAt.getTime() + 90_500);
  });
});
