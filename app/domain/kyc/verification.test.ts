import { describe, expect, it } from "vitest";
import { allowedEvents, replaceableDocuments, transition } from "./verification";

describe("verification workflow", () => {
  it("follows draft → submitted → in review → approved", () => {
    expect(transition("draft", "submit", "seller")).toEqual({ ok: true, to: "submitted" });
    expect(transition("submitted", "start_review", "admin")).toEqual({ ok: true, to: "in_review" });
    expect(transition("in_review", "approve", "admin")).toEqual({ ok: true, to: "approved" });
  });

  it("asks for changes and lets the seller submit again", () => {
    expect(transition("in_review", "request_changes", "admin", "KTP buram")).toEqual({ ok: true, to: "changes_requested" });
    expect(transition("changes_requested", "submit", "seller")).toEqual({ ok: true, to: "submitted" });
  });

  it("requires a reason to reject, ask for changes or suspend", () => {
    expect(transition("in_review", "reject", "admin")).toEqual({ ok: false, error: "kyc_reason_required" });
    expect(transition("in_review", "reject", "admin", "   ")).toEqual({ ok: false, error: "kyc_reason_required" });
    expect(transition("approved", "suspend", "admin", "")).toEqual({ ok: false, error: "kyc_reason_required" });
    expect(transition("approved", "suspend", "admin", "Laporan penipuan")).toEqual({ ok: true, to: "suspended" });
    expect(transition("suspended", "reinstate", "admin")).toEqual({ ok: true, to: "approved" });
  });

  it("refuses moves from the wrong state or by the wrong actor", () => {
    expect(transition("draft", "approve", "admin")).toEqual({ ok: false, error: "kyc_transition_invalid" });
    expect(transition("approved", "approve", "admin")).toEqual({ ok: false, error: "kyc_transition_invalid" });
    expect(transition("rejected", "submit", "seller")).toEqual({ ok: false, error: "kyc_transition_invalid" });
    expect(transition("submitted", "approve", "seller")).toEqual({ ok: false, error: "kyc_transition_forbidden" });
    expect(transition("draft", "submit", "admin")).toEqual({ ok: false, error: "kyc_transition_forbidden" });
  });

  it("lists what an admin can do in each state", () => {
    expect(allowedEvents("in_review", "admin").sort()).toEqual(["approve", "reject", "request_changes"]);
    expect(allowedEvents("approved", "admin")).toEqual(["suspend"]);
    expect(allowedEvents("rejected", "admin")).toEqual([]);
  });

  it("lets the seller replace only the documents named in a change request", () => {
    expect(replaceableDocuments("changes_requested", [{ document: "ktp", code: "blurry" }])).toEqual(["ktp"]);
    expect(replaceableDocuments("draft", [])).toEqual(["ktp", "selfie", "npwp", "bank_book"]);
    expect(replaceableDocuments("submitted", [{ document: "ktp", code: "blurry" }])).toEqual([]);
  });
});
