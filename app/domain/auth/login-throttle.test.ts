import { describe, expect, it } from "vitest";
import { isLoginThrottled, THROTTLE } from "./login-throttle";

describe("login throttle", () => {
  it("stops an address after five failures on one account", () => {
    expect(isLoginThrottled({ byAccountAndAddress: THROTTLE.maxFailuresPerAccountAndAddress - 1, byAddress: 4 })).toBe(false);
    expect(isLoginThrottled({ byAccountAndAddress: THROTTLE.maxFailuresPerAccountAndAddress, byAddress: 5 })).toBe(true);
  });
  it("stops an address that tries many accounts", () => {
    expect(isLoginThrottled({ byAccountAndAddress: 0, byAddress: THROTTLE.maxFailuresPerAddress })).toBe(true);
  });
  it("has no count per account alone, so failures elsewhere never lock the owner's own address", () => {
    expect(isLoginThrottled({ byAccountAndAddress: 0, byAddress: 0 })).toBe(false);
  });
});
