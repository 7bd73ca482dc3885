import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { formatIrisAmount, irisBankCode, irisSignature, isValidIrisSignature, outcomeOfIrisStatus, parseIrisAmount } from "./iris";

describe("Iris notifications", () => {
  const body = '{"reference_no":"abc","amount":"150000.00","status":"completed","updated_at":"2026-12-01T10:00:00Z"}';
  it("signs with SHA-512 hex of the raw body followed by the merchant key", () => {
    expect(irisSignature(body, "mk")).toBe(createHash("sha512").update(`${body}mk`).digest("hex"));
    expect(isValidIrisSignature(body, "mk", irisSignature(body, "mk"))).toBe(true);
    expect(isValidIrisSignature(body, "mk", irisSignature(body, "mk").toUpperCase())).toBe(true);
    expect(isValidIrisSignature(`${body} `, "mk", irisSignature(body, "mk"))).toBe(false);
    expect(isValidIrisSignature(body, "other", irisSignature(body, "mk"))).toBe(false);
    expect(isValidIrisSignature(body, "mk", null)).toBe(false);
    expect(isValidIrisSignature(body, "mk", "zz")).toBe(false);
  });
  it("reads amounts as whole rupiah", () => {
    expect(formatIrisAmount(150_000)).toBe("150000.00");
    expect(parseIrisAmount("150000.00")).toBe(150_000);
    expect(parseIrisAmount("150000")).toBe(150_000);
    expect(parseIrisAmount("150000.50")).toBeNull();
    expect(parseIrisAmount("-1")).toBeNull();
  });
  it("knows which statuses are final and maps banks", () => {
    expect(outcomeOfIrisStatus("completed")).toBe("complete");
    expect(outcomeOfIrisStatus("failed")).toBe("fail");
    expect(outcomeOfIrisStatus("rejected")).toBe("fail");
    expect(outcomeOfIrisStatus("processed")).toBeNull();
    expect(irisBankCode("014")).toBe("bca");
    expect(irisBankCode("999")).toBe("999");
  });
});
