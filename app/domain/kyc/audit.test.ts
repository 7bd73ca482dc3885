import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/i18n";
import "~/i18n/register";
import { actorRoleKey, auditEventKey, documentLabel } from "./audit";

const t = translator("id");

describe("audit trail wording", () => {
  it("names actors in Indonesian, never by the raw role", () => {
    expect(t(actorRoleKey("seller"))).toBe("Penjual");
    expect(t(actorRoleKey("owner"))).toBe("Penjual");
    expect(t(actorRoleKey("admin"))).toBe("Admin");
    expect(t(actorRoleKey("system"))).toBe("Sistem");
    expect(t(actorRoleKey(null))).toBe("Sistem");
    expect(translator("en")(actorRoleKey("seller"))).toBe("Seller");
  });

  it("describes the shop's creation instead of a draft → draft move", () => {
    const created = auditEventKey({ from: "draft", to: "draft", reason: "created" });
    expect(created.kind).toBe("created");
    expect(t(created.key)).toBe("Toko dibuat");
    const moved = auditEventKey({ from: "draft", to: "submitted", reason: null });
    expect(t(moved.key, { from: t("status.draft"), to: t("status.submitted") })).toBe("Draf → Menunggu pemeriksaan");
  });

  it("names each step of a bank account change by what happened to it", () => {
    const steps = ["pending", "approved", "rejected", "cancelled"].map((to) => auditEventKey({ from: "pending", to, reason: null, bankChange: true }));
    expect(steps.every((s) => s.kind === "bank_change")).toBe(true);
    expect(steps.map((s) => t(s.key))).toEqual(["Perubahan rekening diajukan", "Perubahan rekening disetujui", "Perubahan rekening ditolak", "Perubahan rekening dibatalkan"]);
    const l = documentLabel({ kind: "bank_book_change", version: 1 });
    expect(t(l.key, { ...l.vars, doc: t(String(l.vars.doc)) })).toBe("Buku tabungan baru (versi 1)");
  });

  it("names each logged document by kind and version", () => {
    const l = documentLabel({ kind: "bank_book", version: 2 });
    expect(t(l.key, { ...l.vars, doc: t(String(l.vars.doc)) })).toBe("Buku tabungan (versi 2)");
    expect(t(documentLabel(undefined).key)).toBe("Dokumen lain");
  });
});
