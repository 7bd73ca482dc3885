import { describe, expect, it } from "vitest";
import {
  formatGrossAmount,
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
