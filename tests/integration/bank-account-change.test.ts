import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBank } from "~/domain/kyc/banks";
import { decryptField } from "~/infra/crypto.server";
import { db } from "~/infra/db.server";
import { translator } from "~/i18n/i18n";
import "~/i18n/register";
import * as documentRoute from "~/routes/documents.$documentId";
import * as reviewRoute from "~/routes/admin.rekening.$changeId";
import * as queueRoute from "~/routes/admin.rekening._index";
import * as verificationRoute from "~/routes/admin.verifications.$shopId";
import * as financeRoute from "~/routes/seller.keuangan._index";
import * as rekening from "~/routes/seller.keuangan_.rekening";
import * as tarik from "~/routes/seller.keuangan_.tarik";
import * as uploadRoute from "~/routes/seller.documents";
import { createBatch } from "~/services/payouts.server";
import { aSellerWithBalance } from "../factories/balances";
import { aPhoto, aSeller } from "../factories/shops";
import { aUser, cookieFor, TEST_PASSWORD } from "../factories/users";
import { checkLedgerAfterEach } from "../setup/buying";
import { call, getRequest, payload, postForm } from "../setup/http";
import { startPayoutStack } from "../setup/payouts";

// Changing the payout bank account through the routes, against the real database: the seller's page (password typed
// again, new bank book through the KYC upload), the hold on withdrawals, the admin's review (approve / reject with a
// reason), the audit trail, the notices, and that the next payout goes to the reviewed account only.

const PAGE = "/seller/keuangan/rekening";
const t = translator("id");
let stack: Awaited<ReturnType<typeof startPayoutStack>>;
let admin: Awaited<ReturnType<typeof aUser>>;
let maker: Awaited<ReturnType<typeof aUser>>;
let adminCookie: string;

beforeAll(async () => {
  stack = await startPayoutStack();
  admin = await aUser({ admin: true, name: "Admin Rekening" });
  maker = await aUser({ admin: true, name: "Admin Batch" });
  adminCookie = await cookieFor(admin.id);
});
afterAll(async () => {
  await stack?.stop();
});
checkLedgerAfterEach();

type Page = Awaited<ReturnType<typeof import("~/services/bank-account-change.server").bankAccountPage>>;
type Review = Awaited<ReturnType<typeof import("~/services/bank-account-change.server").loadBankChangeReview>>;
type Errors = { errors: Record<string, string>; values?: Record<string, string> };

async function aSellerWithCookie(available = 100_000) {
  const { seller } = await aSellerWithBalance({ available });
  return { ...seller, cookie: await cookieFor(seller.owner.id) };
}

/** Uploads a photo as the page's upload field does (XHR to /seller/documents, kind bank_book_change). */
async function uploadBankBook(cookie: string, bytes?: Buffer) {
  const f = new FormData();
  f.append("kind", "bank_book_change");
  f.append("file", new Blob([new Uint8Array(bytes ?? (await aPhoto()))]), "buku-tabungan.jpg");
  const res = await call(uploadRoute.action, postForm("/seller/documents", f, { cookie }));
  const body = (await (res.result as Response).json()) as { ok: boolean; error?: string; document?: { id: string; url: string } };
  return { status: res.status, body };
}

function requestChange(cookie: string, fields: Record<string, string>) {
  return call(rekening.action, postForm(PAGE, { intent: "request", password: TEST_PASSWORD, ...fields }, { cookie }));
}

const NEW_ACCOUNT = { bankCode: "009", accountNumber: "0987-654-321", holderName: "Siti Aminah" };

async function pageOf(cookie: string) {
  return payload<Page>((await call(rekening.loader, getRequest(PAGE, { cookie }))).result);
}

async function openReview(changeId: string, cookie = adminCookie) {
  return call(reviewRoute.loader, getRequest(`/admin/rekening/${changeId}`, { cookie }), { changeId });
}

function decide(changeId: string, fields: Record<string, string>, cookie = adminCookie) {
  return call(reviewRoute.action, postForm(`/admin/rekening/${changeId}`, fields, { cookie }), { changeId });
}

/** A pending change, asked for through the page. */
async function aPendingChange(seller: Awaited<ReturnType<typeof aSellerWithCookie>>, account = NEW_ACCOUNT) {
  const upload = await uploadBankBook(seller.cookie);
  expect(upload.status).toBe(200);
  const res = await requestChange(seller.cookie, { ...account, documentId: upload.body.document!.id });
  expect(res.status).toBe(302);
  return db().bankAccountChange.findFirstOrThrow({ where: { shopId: seller.shop.id, status: "pending" } });
}

/** Withdraws through the page, batches it and returns what the payout provider was asked to pay into. */
async function payoutOf(seller: Awaited<ReturnType<typeof aSellerWithCookie>>, amount: number) {
  const res = await call(tarik.action, postForm("/seller/keuangan/tarik", { amount: String(amount) }, { cookie: seller.cookie }));
  expect(res.status).toBe(200);
  const withdrawal = await db().withdrawal.findFirstOrThrow({ where: { shopId: seller.shop.id, status: "requested" } });
  await createBatch(maker);
  const sent = await db().withdrawal.findUniqueOrThrow({ where: { id: withdrawal.id } });
  const atProvider = await db().sandboxIrisPayout.findUniqueOrThrow({ where: { referenceNo: sent.providerReference! } });
  return { withdrawal, atProvider };
}

describe("asking for a new payout account", () => {
  it("a wrong password is a field error and stores nothing; bad fields are errors next to the field, in Indonesian", async () => {
    const seller = await aSellerWithCookie();
    const before = await db().kycProfile.findUniqueOrThrow({ where: { shopId: seller.shop.id } });
    const upload = await uploadBankBook(seller.cookie);
    const wrong = await requestChange(seller.cookie, { ...NEW_ACCOUNT, documentId: upload.body.document!.id, password: "bukan-kata-sandinya" });
    expect(wrong.status).toBe(400);
    const body = payload<Errors>(wrong.result);
    expect(body.errors).toEqual({ password: "bankChange.errors.password" });
    expect(t(body.errors.password)).toBe("Kata sandi salah.");
    // What was typed comes back, except the password.
    expect(body.values).toMatchObject({ bankCode: "009", holderName: "Siti Aminah" });
    expect(body.values).not.toHaveProperty("password");
    expect(JSON.stringify(body)).not.toContain("bukan-kata-sandinya");
    expect(await db().bankAccountChange.count({ where: { shopId: seller.shop.id } })).toBe(0);
    expect(await db().verificationEvent.count({ where: { shopId: seller.shop.id, bankAccountChangeId: { not: null } } })).toBe(0);
    expect(await db().kycProfile.findUniqueOrThrow({ where: { shopId: seller.shop.id } })).toEqual(before);
    expect((await pageOf(seller.cookie)).pending).toBeNull();

    const invalid = await requestChange(seller.cookie, { bankCode: "009", accountNumber: "12ab", holderName: "S", documentId: "", password: "" });
    expect(invalid.status).toBe(400);
    const errors = payload<Errors>(invalid.result).errors;
    expect(errors).toEqual({
      accountNumber: "bank_account_format",
      holderName: "onboarding.bank.holderRequired",
      documentId: "bankChange.errors.documentRequired",
      password: "bankChange.errors.passwordRequired",
    });
    expect(Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key)]))).toEqual({
      accountNumber: "Nomor rekening hanya boleh berisi angka, 7 sampai 18 digit.",
      holderName: "Tulis nama pemilik rekening",
      documentId: "Unggah foto halaman depan buku tabungan baru",
      password: "Masukkan kata sandi akun kamu",
    });
    // The account in use is not a change.
    const same = await requestChange(seller.cookie, { bankCode: "014", accountNumber: decryptField(before.accountEncrypted!), holderName: "Siti Aminah", documentId: upload.body.document!.id });
    expect(payload<Errors>(same.result).errors).toEqual({ accountNumber: "bankChange.errors.sameAccount" });
    // Another seller's bank book cannot be attached.
    const other = await aSellerWithCookie();
    const theirs = await uploadBankBook(other.cookie);
    const stolen = await requestChange(seller.cookie, { ...NEW_ACCOUNT, documentId: theirs.body.document!.id });
    expect(payload<Errors>(stolen.result).errors).toEqual({ documentId: "bankChange.errors.document" });
    expect(await db().bankAccountChange.count({ where: { shopId: seller.shop.id } })).toBe(0);
  });

  it("stops guessing after five password attempts in 15 minutes", async () => {
    const seller = await aSellerWithCookie();
    const upload = await uploadBankBook(seller.cookie);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await requestChange(seller.cookie, { ...NEW_ACCOUNT, documentId: upload.body.document!.id, password: `tebakan-${i}` })).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    const last = await requestChange(seller.cookie, { ...NEW_ACCOUNT, documentId: upload.body.document!.id });
    expect(payload<Errors>(last.result).errors).toEqual({ password: "bankChange.errors.tooManyAttempts" });
    expect(await db().bankAccountChange.count({ where: { shopId: seller.shop.id } })).toBe(0);
  });

  it("a pending change holds withdrawals, the finance and withdrawal pages say so, and a second request is refused", async () => {
    const seller = await aSellerWithCookie();
    const change = await aPendingChange(seller);
    expect(change).toMatchObject({ bankCode: "009", accountLast4: "4321", holderName: "Siti Aminah", previousBankCode: "014", pendingShopId: seller.shop.id });

    const page = await pageOf(seller.cookie);
    expect(page.pending).toMatchObject({ id: change.id, bankName: findBank("009")!.name, accountMasked: "****4321", holderName: "Siti Aminah" });
    expect(page.current).toMatchObject({ bankCode: "014", accountMasked: `****${change.previousAccountLast4}` });
    expect(page.refusal).toBe("bankChange.errors.pending");
    expect(page.pending!.document!.url).toBe(`/documents/${change.documentId}`);

    const withdraw = await call(tarik.action, postForm("/seller/keuangan/tarik", { amount: "60000" }, { cookie: seller.cookie }));
    expect(withdraw.status).toBe(409);
    expect(payload<Errors>(withdraw.result).errors.amount).toBe("withdrawal.errors.onHold");
    expect(await db().withdrawal.count({ where: { shopId: seller.shop.id } })).toBe(0);
    expect(payload<{ onHold: boolean }>((await call(tarik.loader, getRequest("/seller/keuangan/tarik", { cookie: seller.cookie }))).result).onHold).toBe(true);
    expect(payload<{ bankChangePending: boolean }>((await call(financeRoute.loader, getRequest("/seller/keuangan", { cookie: seller.cookie }))).result).bankChangePending).toBe(true);

    const upload = await uploadBankBook(seller.cookie);
    expect(upload).toMatchObject({ status: 409, body: { ok: false, error: "bankChange.errors.pending" } });
    const second = await requestChange(seller.cookie, { bankCode: "008", accountNumber: "1420012345678", holderName: "Siti Aminah", documentId: change.documentId! });
    expect(second.status).toBe(409);
    expect(payload<Errors>(second.result).errors).toEqual({ _form: "bankChange.errors.pending" });
    expect(await db().bankAccountChange.count({ where: { shopId: seller.shop.id } })).toBe(1);

    // The seller is told at once (if it was not them, they can still cancel).
    const notice = await db().notification.findFirstOrThrow({ where: { userId: seller.owner.id, kind: "bank_change.pending" } });
    expect(notice.body).toContain("****4321");
    expect(await db().outboxMail.count({ where: { toAddress: seller.owner.email, subject: "Permintaan ganti rekening pencairan" } })).toBe(1);
  });

  it("five requests at once (double taps, two phones) make one pending change", async () => {
    const seller = await aSellerWithCookie();
    const upload = await uploadBankBook(seller.cookie);
    const results = await Promise.all(Array.from({ length: 5 }, () => requestChange(seller.cookie, { ...NEW_ACCOUNT, documentId: upload.body.document!.id })));
    const statuses = results.map((r) => r.status).sort();
    console.info(`[bank change] 5 concurrent requests → ${statuses.filter((s) => s === 302).length} accepted, ${statuses.filter((s) => s === 409).length} refused as pending`);
    expect(statuses).toEqual([302, 409, 409, 409, 409]);
    expect(await db().bankAccountChange.count({ where: { shopId: seller.shop.id } })).toBe(1);
  });

  it("the seller can cancel a pending change, which lifts the hold; nobody else can", async () => {
    const seller = await aSellerWithCookie();
    const change = await aPendingChange(seller);
    const other = await aSellerWithCookie();
    const notTheirs = await call(rekening.action, postForm(PAGE, { intent: "cancel", changeId: change.id }, { cookie: other.cookie }));
    expect(notTheirs.status).toBe(404);
    const cancelled = await call(rekening.action, postForm(PAGE, { intent: "cancel", changeId: change.id }, { cookie: seller.cookie }));
    expect(cancelled.status).toBe(302);
    expect(await db().bankAccountChange.findUniqueOrThrow({ where: { id: change.id } })).toMatchObject({ status: "cancelled", pendingShopId: null });
    const page = await pageOf(seller.cookie);
    expect(page).toMatchObject({ pending: null, refusal: null, last: { status: "cancelled" } });
    expect((await call(rekening.action, postForm(PAGE, { intent: "cancel", changeId: change.id }, { cookie: seller.cookie }))).status).toBe(409);
    const { withdrawal } = await payoutOf(seller, 50_000);
    expect(withdrawal.bankCode).toBe("014");
  });

  it("a withdrawal in progress to the old account must finish before the account changes", async () => {
    const seller = await aSellerWithCookie();
    expect((await call(tarik.action, postForm("/seller/keuangan/tarik", { amount: "50000" }, { cookie: seller.cookie }))).status).toBe(200);
    expect((await pageOf(seller.cookie)).refusal).toBe("bankChange.errors.withdrawalOpen");
    expect((await uploadBankBook(seller.cookie)).status).toBe(409);
  });

  it("only a verified shop may change its payout account", async () => {
    const { owner } = await aSeller({ status: "in_review" });
    const cookie = await cookieFor(owner.id);
    expect((await pageOf(cookie)).refusal).toBe("bankChange.errors.shopNotVerified");
    expect(await uploadBankBook(cookie)).toMatchObject({ status: 409, body: { error: "bankChange.errors.shopNotVerified" } });
    const buyer = await aUser();
    expect((await call(rekening.loader, getRequest(PAGE, { cookie: await cookieFor(buyer.id) }))).status).toBe(403);
  });
});

describe("the admin's review", () => {
  it("approval switches the account of the next withdrawal, with the trail, the notice and no-store pages", async () => {
    const seller = await aSellerWithCookie();
    const change = await aPendingChange(seller);
    const oldNumber = decryptField(change.previousAccountEncrypted!);

    const queue = await call(queueRoute.loader, getRequest("/admin/rekening", { cookie: adminCookie }));
    expect(queue.headers.get("Cache-Control")).toBe("private, no-store");
    expect(payload<{ pending: { id: string; accountMasked: string }[] }>(queue.result).pending).toContainEqual(expect.objectContaining({ id: change.id, accountMasked: "****4321" }));

    const opened = await openReview(change.id);
    expect(opened.headers.get("Cache-Control")).toBe("private, no-store");
    expect(reviewRoute.headers()).toEqual({ "Cache-Control": "private, no-store" });
    const review = payload<Review>(opened.result);
    expect(review.previous).toMatchObject({ bankCode: "014", account: oldNumber, holderName: "Siti Aminah" });
    expect(review.next).toMatchObject({ bankCode: "009", account: "0987654321", holderName: "Siti Aminah" });
    expect(review.document).toMatchObject({ id: change.documentId, url: `/documents/${change.documentId}` });
    expect(review.previousDocument?.url).toMatch(/^\/documents\//);
    expect(review.flags).toEqual([]);
    expect(review.canDecide).toBe(true);
    // The admin sees the new bank book through the permission-checked, logged document route.
    const image = await call(documentRoute.loader, getRequest(review.document!.url, { cookie: adminCookie }), { documentId: change.documentId! });
    expect(image.status).toBe(200);
    expect(image.headers.get("Cache-Control")).toBe("private, no-store");
    expect(await db().documentAccessLog.count({ where: { documentId: change.documentId!, viewerId: admin.id, viewerRole: "admin" } })).toBe(1);

    const approved = await decide(change.id, { intent: "approve", reason: "" });
    expect(approved.status).toBe(302);
    expect(await db().kycProfile.findUniqueOrThrow({ where: { shopId: seller.shop.id } })).toMatchObject({ bankCode: "009", accountLast4: "4321" });
    // The reviewed bank book is now the shop's bank book, the old one its history.
    expect(await db().kycDocument.findUniqueOrThrow({ where: { id: change.documentId! } })).toMatchObject({ kind: "bank_book", version: 2 });
    const again = await decide(change.id, { intent: "reject", reason: "terlambat" });
    expect(again.status).toBe(409);
    expect(payload<Errors>(again.result).errors._form).toBe("bankChange.errors.decided");

    const page = await pageOf(seller.cookie);
    expect(page).toMatchObject({ pending: null, refusal: null, current: { bankCode: "009", accountMasked: "****4321" }, last: { status: "approved" } });
    const notice = await db().notification.findFirstOrThrow({ where: { userId: seller.owner.id, kind: "bank_change.approved" } });
    expect(notice).toMatchObject({ title: "Rekening pencairan berhasil diganti", link: PAGE });
    expect(notice.body).toContain("****4321");
    expect(await db().outboxMail.count({ where: { toAddress: seller.owner.email, subject: "Rekening pencairan berhasil diganti" } })).toBe(1);

    // The audit trail: the seller's request and the admin's decision, on the change and on the shop's verification review.
    const done = payload<Review>((await openReview(change.id)).result);
    expect(done.events.map((e) => [e.to, e.actorRole, e.actorName])).toEqual([
      ["pending", "seller", null],
      ["approved", "admin", "Admin Rekening"],
    ]);
    expect(done.change).toMatchObject({ status: "approved", reviewerName: "Admin Rekening" });
    const shopReview = payload<{ events: { to: string; bankChangeId: string | null }[] }>(
      (await call(verificationRoute.loader, getRequest(`/admin/verifications/${seller.shop.id}`, { cookie: adminCookie }), { shopId: seller.shop.id })).result,
    );
    expect(shopReview.events.filter((e) => e.bankChangeId === change.id).map((e) => e.to)).toEqual(["pending", "approved"]);

    const { withdrawal, atProvider } = await payoutOf(seller, 60_000);
    expect(withdrawal).toMatchObject({ bankCode: "009", accountLast4: "4321", holderName: "Siti Aminah" });
    expect(atProvider).toMatchObject({ beneficiaryAccount: "0987654321", beneficiaryName: "Siti Aminah" });
    expect(atProvider.beneficiaryAccount).not.toBe(oldNumber);
  });

  it("approving over flags needs the tick; rejection needs a reason, keeps the old account for the next withdrawal and tells the seller why", async () => {
    const seller = await aSellerWithCookie();
    const change = await aPendingChange(seller, { bankCode: "008", accountNumber: "1420012345678", holderName: "Budi Santoso" });
    const review = payload<Review>((await openReview(change.id)).result);
    expect(review.flags).toEqual([{ code: "bank_holder_name_mismatch", detail: "Budi Santoso ≠ Siti Aminah" }]);
    // Approving an account in another person's name takes the same second look as the shop's review.
    const unconfirmed = await decide(change.id, { intent: "approve", reason: "" });
    expect(unconfirmed.status).toBe(400);
    expect(payload<Errors>(unconfirmed.result).errors).toEqual({ confirmFlags: "review.confirmFlagsRequired" });

    const noReason = await decide(change.id, { intent: "reject", reason: "  " });
    expect(noReason.status).toBe(400);
    expect(payload<Errors>(noReason.result).errors).toEqual({ reason: "bankChange.errors.reasonRequired" });
    expect((await db().bankAccountChange.findUniqueOrThrow({ where: { id: change.id } })).status).toBe("pending");

    const reason = "Nama di buku tabungan bukan nama pemilik toko";
    expect((await decide(change.id, { intent: "reject", reason })).status).toBe(302);
    expect(await db().bankAccountChange.findUniqueOrThrow({ where: { id: change.id } })).toMatchObject({ status: "rejected", reviewNote: reason, reviewedBy: admin.id, pendingShopId: null });
    expect(await db().kycProfile.findUniqueOrThrow({ where: { shopId: seller.shop.id } })).toMatchObject({ bankCode: "014", accountLast4: change.previousAccountLast4 });
    expect(await db().kycDocument.findUniqueOrThrow({ where: { id: change.documentId! } })).toMatchObject({ kind: "bank_book_change" });
    const event = await db().verificationEvent.findFirstOrThrow({ where: { bankAccountChangeId: change.id, toStatus: "rejected" } });
    expect(event).toMatchObject({ actorId: admin.id, actorRole: "admin", reason });
    const notice = await db().notification.findFirstOrThrow({ where: { userId: seller.owner.id, kind: "bank_change.rejected" } });
    expect(notice.title).toBe("Perubahan rekening pencairan ditolak");
    expect(notice.body).toContain(`Alasan: ${reason}`);
    expect((await pageOf(seller.cookie)).last).toMatchObject({ status: "rejected", note: reason });

    const { withdrawal, atProvider } = await payoutOf(seller, 50_000);
    expect(withdrawal).toMatchObject({ bankCode: "014", accountLast4: change.previousAccountLast4 });
    expect(atProvider.beneficiaryAccount.slice(-4)).toBe(change.previousAccountLast4);
    expect(atProvider.beneficiaryAccount).not.toBe("1420012345678");
  });

  it("non-admins get 403 on the queue, the review and the decision; another seller cannot see the new bank book", async () => {
    const seller = await aSellerWithCookie();
    const change = await aPendingChange(seller);
    const other = await aSellerWithCookie();
    const buyer = await aUser();
    for (const cookie of [seller.cookie, other.cookie, await cookieFor(buyer.id)]) {
      expect((await call(queueRoute.loader, getRequest("/admin/rekening", { cookie }))).status).toBe(403);
      expect((await openReview(change.id, cookie)).status).toBe(403);
      expect((await decide(change.id, { intent: "approve", reason: "" }, cookie)).status).toBe(403);
    }
    expect((await db().bankAccountChange.findUniqueOrThrow({ where: { id: change.id } })).status).toBe("pending");
    const url = `/documents/${change.documentId}`;
    expect((await call(documentRoute.loader, getRequest(url, { cookie: other.cookie }), { documentId: change.documentId! })).status).toBe(403);
    expect((await call(documentRoute.loader, getRequest(url, { cookie: seller.cookie }), { documentId: change.documentId! })).status).toBe(200);
    expect(await db().documentAccessLog.findMany({ where: { documentId: change.documentId! }, select: { viewerId: true } })).toEqual([{ viewerId: seller.owner.id }]);
    // An id that names nothing is a 404, not a crash.
    expect((await openReview("00000000-0000-0000-0000-000000000000")).status).toBe(404);
    expect((await openReview("bukan-uuid")).status).toBe(404);
  });
});
