import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/infra/db.server";
import { S3Storage } from "../../app/infra/storage/s3.server";
import { setStorageForTests, storage } from "../../app/infra/storage/storage.server";
import { loader as documentLoader } from "../../app/routes/documents.$documentId";
import { action as reviewAction, loader as reviewLoader } from "../../app/routes/admin.verifications.$shopId";
import { loader as queueLoader } from "../../app/routes/admin.verifications._index";
import { action as uploadAction } from "../../app/routes/seller.documents";
import { deleteExpiredKycDocuments } from "../../app/services/kyc-retention.server";
import { aPhoto, aSeller, anAdmin, VALID } from "../factories/shops";
import { aUser, cookieFor } from "../factories/users";
import { call, getRequest, payload, postForm } from "../setup/http";

async function adminCookie() {
  return cookieFor((await anAdmin()).id);
}

type Review = Awaited<ReturnType<typeof import("../../app/services/verification.server").loadReview>>;

async function openReview(shopId: string, cookie: string) {
  const res = await call(reviewLoader, getRequest(`/admin/verifications/${shopId}`, { cookie }), { shopId });
  return payload<Review>(res.result);
}

function decideForm(shopId: string, cookie: string, fields: Record<string, string>) {
  return call(reviewAction, postForm(`/admin/verifications/${shopId}`, fields, { cookie }), { shopId });
}

describe("review queue", () => {
  it("refuses buyers and sellers with 403", async () => {
    const buyer = await aUser();
    const { owner } = await aSeller({ status: "approved" });
    for (const u of [buyer, owner]) {
      expect((await call(queueLoader, getRequest("/admin/verifications", { cookie: await cookieFor(u.id) }))).status).toBe(403);
    }
  });

  it("lists waiting submissions oldest first and finds one by its exact NIK", async () => {
    const older = await aSeller({ status: "submitted", nik: "3201014507900011" });
    const newer = await aSeller({ status: "submitted", nik: "3201014507900012" });
    const cookie = await adminCookie();
    const list = payload<{ items: { id: string }[] }>((await call(queueLoader, getRequest("/admin/verifications", { cookie }))).result);
    const ids = list.items.map((i) => i.id);
    expect(ids.indexOf(older.shop.id)).toBeLessThan(ids.indexOf(newer.shop.id));
    const found = payload<{ items: { id: string; nikMasked: string }[] }>((await call(queueLoader, getRequest("/admin/verifications?q=3201014507900012", { cookie }))).result);
    expect(found.items.map((i) => i.id)).toEqual([newer.shop.id]);
    expect(found.items[0].nikMasked).toBe("************0012");
  });
});

describe("review and decisions", () => {
  it("opening a submission moves it to in review, shows the full numbers, the decoded NIK and the trail", async () => {
    const { shop } = await aSeller({ status: "submitted", nik: VALID.nik });
    const review = await openReview(shop.id, await adminCookie());
    expect(review.shop.status).toBe("in_review");
    expect(review.identity.nik).toBe(VALID.nik);
    expect(review.identity.decoded).toMatchObject({ province: "Jawa Barat", regency: "Kabupaten Bogor", sex: "P" });
    expect(review.events.map((e) => `${e.from}>${e.to}`)).toEqual(["draft>draft", "draft>submitted", "submitted>in_review"]);
    expect(review.flags).toEqual([]);
  });

  it("flags a NIK, NPWP, bank account and document photo already used by another shop", async () => {
    // The hash is of the bytes the seller sent, so the same photo sent twice is recognised.
    const photo = await aPhoto({ seed: 42 });
    const first = await aSeller({ status: "submitted", nik: "3201014507900021", account: "5550001111", ktpPhoto: photo });
    const second = await aSeller({ status: "submitted", nik: "3201014507900021", account: "5550001111", ktpPhoto: photo, name: "Budi Santoso" });
    await db().kycProfile.update({ where: { shopId: second.shop.id }, data: { holderName: "Rina Marlina" } });
    const review = await openReview(second.shop.id, await adminCookie());
    const codes = review.flags.map((f) => f.code).sort();
    expect(codes).toEqual(["bank_holder_name_mismatch", "document_reused", "duplicate_account", "duplicate_nik", "duplicate_npwp"]);
    expect(review.flags.find((f) => f.code === "duplicate_nik")?.detail).toBe(first.shop.name);
    expect(review.flags.find((f) => f.code === "document_reused")?.detail).toBe(`ktp: ${first.shop.name}`);
  });

  it("approving over open flags asks for a confirmation naming them; with the tick it approves", async () => {
    await aSeller({ status: "approved", nik: "3201014507900031" });
    const { shop } = await aSeller({ status: "submitted", nik: "3201014507900031" });
    const cookie = await adminCookie();
    const review = await openReview(shop.id, cookie);
    expect(review.flags.map((f) => f.code)).toContain("duplicate_nik");
    const unconfirmed = await decideForm(shop.id, cookie, { intent: "approve", version: String(review.shop.version), reason: "Sudah ditelepon" });
    expect(unconfirmed.status).toBe(400);
    const refused = payload<{ errors: Record<string, string>; values: Record<string, string> }>(unconfirmed.result);
    expect(refused.errors.confirmFlags).toBe("review.confirmFlagsRequired");
    // What the admin typed comes back, so the page rendered without JavaScript keeps it.
    expect(refused.values.reason).toBe("Sudah ditelepon");
    expect((await db().shop.findUniqueOrThrow({ where: { id: shop.id } })).status).toBe("in_review");
    const confirmed = await decideForm(shop.id, cookie, { intent: "approve", version: String(review.shop.version), confirmFlags: "1" });
    expect(confirmed.status).toBe(302);
    expect((await db().shop.findUniqueOrThrow({ where: { id: shop.id } })).status).toBe("approved");
  });

  it("a shop without flags is approved in one step", async () => {
    const { shop } = await aSeller({ status: "submitted" });
    const cookie = await adminCookie();
    const review = await openReview(shop.id, cookie);
    expect(review.flags).toEqual([]);
    expect((await decideForm(shop.id, cookie, { intent: "approve", version: String(review.shop.version) })).status).toBe(302);
  });

  it("the audit trail names actors by role and the access log names each document by kind and version", async () => {
    const { owner, shop } = await aSeller({ status: "submitted" });
    const cookie = await adminCookie();
    const npwp = await db().kycDocument.findFirstOrThrow({ where: { shopId: shop.id, kind: "npwp" } });
    await call(documentLoader, getRequest(`/documents/${npwp.id}`, { cookie: await cookieFor(owner.id) }), { documentId: npwp.id });
    await call(documentLoader, getRequest(`/documents/${npwp.id}`, { cookie }), { documentId: npwp.id });
    const review = await openReview(shop.id, cookie);
    expect(review.events.map((e) => [e.actorRole, e.actorName])).toEqual([
      ["seller", null],
      ["seller", null],
      ["admin", (await anAdmin()).name],
    ]);
    expect(review.accessLog.map((a) => [a.document, a.viewerRole])).toEqual([
      [{ kind: "npwp", version: 1 }, "admin"],
      [{ kind: "npwp", version: 1 }, "owner"],
    ]);
    expect(review.accessLog[0].viewerName).toBe((await anAdmin()).name);
  });

  it("asks for changes on one document: the seller is notified and mailed, and may replace only that one", async () => {
    const { owner, shop } = await aSeller({ status: "submitted" });
    const cookie = await adminCookie();
    const review = await openReview(shop.id, cookie);
    const res = await decideForm(shop.id, cookie, { intent: "request_changes", version: String(review.shop.version), ktpReason: "blurry", ktpNote: "NIK tidak terbaca", reason: "" });
    expect(res.status).toBe(302);
    expect((await db().shop.findUniqueOrThrow({ where: { id: shop.id } })).status).toBe("changes_requested");
    const note = await db().notification.findFirstOrThrow({ where: { userId: owner.id } });
    expect(note.title).toBe("Perbaiki data toko kamu");
    expect(note.body).toContain("Foto buram atau tidak terbaca");
    expect(note.body).toContain("NIK tidak terbaca");
    const mail = await db().outboxMail.findFirstOrThrow({ where: { toAddress: owner.email, subject: "Perbaiki data toko kamu" } });
    expect(mail.textBody).toContain("KTP: Foto buram atau tidak terbaca");

    const sellerCookie = await cookieFor(owner.id);
    const form = (kind: string, bytes: Buffer) => {
      const f = new FormData();
      f.append("kind", kind);
      f.append("file", new Blob([new Uint8Array(bytes)]), "x.jpg");
      return call(uploadAction, postForm("/seller/documents", f, { cookie: sellerCookie }));
    };
    expect((await form("npwp", await aPhoto())).status).toBe(403);
    expect((await form("ktp", await aPhoto())).status).toBe(200);
    expect(await db().kycDocument.count({ where: { shopId: shop.id, kind: "ktp" } })).toBe(2);
  });

  it("after a change request the seller must replace the named document before submitting again, and the shop profile stays locked", async () => {
    const { owner, shop } = await aSeller({ status: "changes_requested" });
    const { submitForReview, uploadDocument, saveShopStep } = await import("../../app/services/onboarding.server");
    await expect(submitForReview(owner)).rejects.toMatchObject({ messageKey: "onboarding.replaceRequested" });
    await expect(saveShopStep(owner, { name: "Nama Baru", slug: shop.slug, description: "", provinceCode: "32", regencyCode: "3201", district: "Cibinong", postalCode: "16911", street: "Jl. Mawar No. 1", phone: "+6281234567890" })).rejects.toMatchObject({ messageKey: "onboarding.notRequested" });
    await uploadDocument(owner, "ktp", await aPhoto());
    await submitForReview(owner);
    expect((await db().shop.findUniqueOrThrow({ where: { id: shop.id } })).status).toBe("submitted");
  });

  it("requires a reason to reject and records who decided, when, from, to and why", async () => {
    const { shop } = await aSeller({ status: "submitted" });
    const cookie = await adminCookie();
    const review = await openReview(shop.id, cookie);
    const noReason = await decideForm(shop.id, cookie, { intent: "reject", version: String(review.shop.version), reason: "" });
    expect(noReason.status).toBe(400);
    await decideForm(shop.id, cookie, { intent: "reject", version: String(review.shop.version), reason: "Dokumen palsu" });
    const last = await db().verificationEvent.findFirstOrThrow({ where: { shopId: shop.id }, orderBy: { createdAt: "desc" } });
    expect(last).toMatchObject({ fromStatus: "in_review", toStatus: "rejected", actorRole: "admin", actorId: (await anAdmin()).id, reason: "Dokumen palsu" });
  });

  it("two admins deciding at once: exactly one decision wins, the other is told it was already decided", async () => {
    const { shop } = await aSeller({ status: "submitted" });
    const a = await cookieFor((await anAdmin()).id);
    const b = await cookieFor((await aUser({ admin: true })).id);
    const review = await openReview(shop.id, a);
    const v = String(review.shop.version);
    const results = await Promise.all([
      decideForm(shop.id, a, { intent: "approve", version: v }),
      decideForm(shop.id, b, { intent: "reject", version: v, reason: "Ragu" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(payload<{ errors: Record<string, string> }>(loser.result).errors._form).toBe("review.alreadyDecided");
    const decisions = await db().verificationEvent.count({ where: { shopId: shop.id, fromStatus: "in_review" } });
    expect(decisions).toBe(1);
    expect(await db().notification.count({ where: { userId: shop.ownerId } })).toBe(1);
  });

  it("suspends an approved shop with a reason and reinstates it", async () => {
    const { shop } = await aSeller({ status: "approved" });
    const cookie = await adminCookie();
    await decideForm(shop.id, cookie, { intent: "suspend", version: String(shop.version), reason: "Banyak komplain" });
    expect((await db().shop.findUniqueOrThrow({ where: { id: shop.id } })).status).toBe("suspended");
    await decideForm(shop.id, cookie, { intent: "reinstate", version: String(shop.version + 1) });
    expect((await db().shop.findUniqueOrThrow({ where: { id: shop.id } })).status).toBe("approved");
  });
});

describe("document access", () => {
  it("the owner and admins can fetch a document, each view is logged; another seller and a buyer get 403", async () => {
    const { owner, shop } = await aSeller({ status: "submitted" });
    const stranger = await aSeller({ status: "approved" });
    const buyer = await aUser();
    const doc = await db().kycDocument.findFirstOrThrow({ where: { shopId: shop.id, kind: "ktp" } });
    const fetchAs = async (cookie: string) => call(documentLoader, getRequest(`/documents/${doc.id}`, { cookie }), { documentId: doc.id });
    const own = await fetchAs(await cookieFor(owner.id));
    expect(own.status).toBe(200);
    expect((own.result as Response).headers.get("Content-Type")).toBe("image/jpeg");
    expect((own.result as Response).headers.get("Cache-Control")).toContain("no-store");
    expect((await fetchAs(await adminCookie())).status).toBe(200);
    expect((await fetchAs(await cookieFor(stranger.owner.id))).status).toBe(403);
    expect((await fetchAs(await cookieFor(buyer.id))).status).toBe(403);
    const log = await db().documentAccessLog.findMany({ where: { documentId: doc.id } });
    expect(log.map((l) => l.viewerRole).sort()).toEqual(["admin", "owner"]);
  });
});

describe("retention", () => {
  it("deletes the files of shops rejected longer ago than the retention period, and keeps the decision", async () => {
    const old = await aSeller({ status: "rejected" });
    const recent = await aSeller({ status: "rejected" });
    const approved = await aSeller({ status: "approved" });
    await db().shop.update({ where: { id: old.shop.id }, data: { decidedAt: new Date(Date.now() - 91 * 24 * 3600 * 1000) } });
    const oldDocs = await db().kycDocument.findMany({ where: { shopId: old.shop.id } });
    const deleted = await deleteExpiredKycDocuments(new Date(), 90);
    expect(deleted).toBe(oldDocs.length);
    for (const d of oldDocs) expect(await storage().get(d.storageKey)).toBeNull();
    expect(await db().kycDocument.count({ where: { shopId: old.shop.id, deletedAt: null } })).toBe(0);
    expect(await db().kycDocument.count({ where: { shopId: recent.shop.id, deletedAt: null } })).toBe(3);
    expect(await db().kycDocument.count({ where: { shopId: approved.shop.id, deletedAt: null } })).toBe(3);
    expect(await db().verificationEvent.count({ where: { shopId: old.shop.id, toStatus: "rejected" } })).toBe(1);
    expect(await deleteExpiredKycDocuments(new Date(), 90)).toBe(0);
  });
});

describe("on S3 storage", () => {
  let server: S3rver;
  beforeAll(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "lapak-s3-"));
    server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: dir, configureBuckets: [{ name: "lapak-kyc", configs: [] }] });
    const { port } = (await server.run()) as { port: number };
    setStorageForTests(new S3Storage({ bucket: "lapak-kyc", endpoint: `http://127.0.0.1:${port}`, region: "us-east-1", accessKeyId: "S3RVER", secretAccessKey: "S3RVER" }));
  });
  afterAll(async () => {
    setStorageForTests(undefined);
    await server?.close();
  });

  it("stores uploads in the bucket and serves them back through the checked route", async () => {
    const { owner, shop } = await aSeller({ status: "submitted" });
    const doc = await db().kycDocument.findFirstOrThrow({ where: { shopId: shop.id, kind: "bank_book" } });
    expect(storage().driver).toBe("s3");
    const stored = await storage().get(doc.storageKey);
    expect(stored?.contentType).toBe("image/jpeg");
    const res = await call(documentLoader, getRequest(`/documents/${doc.id}`, { cookie: await cookieFor(owner.id) }), { documentId: doc.id });
    const body = Buffer.from(await (res.result as Response).arrayBuffer());
    expect(body.equals(stored!.body)).toBe(true);
  });
});
