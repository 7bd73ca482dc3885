import { describe, expect, it } from "vitest";
import { bankChangeRefusal, bankChangeTransition } from "./bank-change";

describe("bank account change workflow", () => {
  it("an admin approves or rejects a pending change; the seller may cancel it", () => {
    expect(bankChangeTransition("pending", "approve", "admin")).toEqual({ ok: true, to: "approved" });
    expect(bankChangeTransition("pending", "reject", "admin", "Nama di buku tabungan bukan nama pemilik toko")).toEqual({ ok: true, to: "rejected" });
    expect(bankChangeTransition("pending", "cancel", "seller")).toEqual({ ok: true, to: "cancelled" });
  });

  it("needs a reason to reject", () => {
    expect(bankChangeTransition("pending", "reject", "admin")).toEqual({ ok: false, error: "bankChange.errors.reasonRequired" });
    expect(bankChangeTransition("pending", "reject", "admin", "  ")).toEqual({ ok: false, error: "bankChange.errors.reasonRequired" });
  });

  it("a decided or cancelled change is final, and nobody acts in the other's place", () => {
    for (const state of ["approved", "rejected", "cancelled"]) {
      expect(bankChangeTransition(state, "approve", "admin")).toEqual({ ok: false, error: "bankChange.errors.decided" });
      expect(bankChangeTransition(state, "cancel", "seller")).toEqual({ ok: false, error: "bankChange.errors.decided" });
    }
    expect(bankChangeTransition("pending", "approve", "seller")).toEqual({ ok: false, error: "bankChange.errors.forbidden" });
    expect(bankChangeTransition("pending", "cancel", "admin")).toEqual({ ok: false, error: "bankChange.errors.forbidden" });
  });

  it("only a verified shop with nothing pending and no withdrawal in progress may ask", () => {
    const ok = { shopStatus: "approved", hasPendingChange: false, hasOpenWithdrawal: false };
    expect(bankChangeRefusal(ok)).toBeNull();
    expect(bankChangeRefusal({ ...ok, shopStatus: "suspended" })).toBe("bankChange.errors.shopNotVerified");
    expect(bankChangeRefusal({ ...ok, shopStatus: "in_review" })).toBe("bankChange.errors.shopNotVerified");
    expect(bankChangeRefusal({ ...ok, hasPendingChange: true, hasOpenWithdrawal: true })).toBe("bankChange.errors.pending");
    expect(bankChangeRefusal({ ...ok, hasOpenWithdrawal: true })).toBe("bankChange.errors.withdrawalOpen");
  });
});
