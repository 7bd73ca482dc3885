import { parseTimeIdCursor } from "~/schemas/params";
import { DomainError } from "~/domain/errors";
import { findBank } from "~/domain/kyc/banks";
import { computeFlags } from "~/domain/kyc/flags";
import { maskNik, parseNik, type ParsedNik } from "~/domain/kyc/nik";
import { formatNpwp } from "~/domain/kyc/npwp";
import { type DocumentReason, isShopStatus, transition, type VerificationEvent } from "~/domain/kyc/verification";
import { findProvince, resolveRegency } from "~/domain/regions/data";
import { shopNameVars } from "~/domain/text";
import { localeOr, translator } from "~/i18n/i18n";
import "~/i18n/register";
import { blindIndex, decryptField } from "~/infra/crypto.server";
import { db } from "~/infra/db.server";
import { currentDocuments, findKycProfile, findReusedDocuments, findShopIdsByHash, listDocumentAccess } from "~/models/kyc.server";
import { createNotification } from "~/models/notification.server";
import { enqueueMail } from "~/models/outbox.server";
import { countByStatus, findShopById, insertVerificationEvent, listQueue, listVerificationEvents, moveShopStatus } from "~/models/shop.server";

export const QUEUE_PAGE_SIZE = 25;

export async function reviewQueue(opts: { status: string; q: string; after: string | null }) {
  const statuses = opts.status === "all" ? ["submitted", "in_review", "changes_requested", "approved", "rejected", "suspended"] : opts.status.split(",");
  const q = opts.q.trim();
  let search: { shopIds?: string[]; text?: string } | undefined;
  // A 16-digit query is a NIK: found exactly through its blind index, never by decrypting rows.
  const digits = q.replace(/[\s.-]/g, "");
  if (/^\d{16}$/.test(digits)) search = { shopIds: (await findShopIdsByHash("nikHash", blindIndex("nik", digits))).map((r) => r.shopId) };
  else if (q) search = { text: q };
  const cursor = parseTimeIdCursor(opts.after);
  const after = cursor ? { submittedAt: cursor.at, id: cursor.id } : undefined;
  const [rows, counts] = await Promise.all([listQueue({ statuses, search, after, take: QUEUE_PAGE_SIZE + 1 }), countByStatus()]);
  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    items: page.map((s) => ({
      id: s.id,
      name: s.name,
      status: s.status,
      ownerName: s.kyc?.fullName ?? s.owner.name,
      nikMasked: s.kyc?.nikLast4 ? `************${s.kyc.nikLast4}` : "",
      submittedAt: s.submittedAt!.toISOString(),
    })),
    next: rows.length > QUEUE_PAGE_SIZE && last ? `${last.submittedAt!.toISOString()}_${last.id}` : null,
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])),
  };
}

/** The review page: full numbers (only here), decoded NIK, documents with history, flags and timeline. */
export async function loadReview(shopId: string, admin: { id: string }) {
  let shop = await findShopById(shopId);
  if (!shop || shop.status === "draft") throw new DomainError("not_found", "review.notFound");
  if (shop.status === "submitted") {
    // Opening a submission claims it: it moves to "in review" with this admin's name in the trail.
    await applyTransition(shop.id, { status: shop.status, version: shop.version }, "start_review", admin, null, []);
    shop = (await findShopById(shopId))!;
  }
  const [profile, docs, events] = await Promise.all([findKycProfile(shop.id), currentDocuments(shop.id), listVerificationEvents(shop.id)]);
  const nik = profile?.nikEncrypted ? decryptField(profile.nikEncrypted) : null;
  const npwp = profile?.npwpEncrypted ? decryptField(profile.npwpEncrypted) : null;
  const account = profile?.accountEncrypted ? decryptField(profile.accountEncrypted) : null;
  const okNik = parsedNik(nik);
  const [flags, accessLog] = await Promise.all([shopFlags(shop.id, profile, okNik, docs.all), listDocumentAccess(docs.all.map((d) => d.id))]);
  const adminIds = [...new Set([...events.map((e) => e.actorId), ...accessLog.map((a) => a.viewerId)].filter((x): x is string => Boolean(x)))];
  const actors = new Map((await db().user.findMany({ where: { id: { in: adminIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));

  return {
    shop: {
      id: shop.id,
      name: shop.name,
      slug: shop.slug,
      status: shop.status,
      version: shop.version,
      description: shop.description,
      address: [shop.street, shop.district, shop.regencyCode ? resolveRegency(shop.regencyCode)?.name : null, shop.provinceCode ? findProvince(shop.provinceCode)?.name : null, shop.postalCode]
        .filter(Boolean)
        .join(", "),
      phone: shop.phone,
      ownerEmail: shop.owner.email,
      submittedAt: shop.submittedAt?.toISOString() ?? null,
    },
    identity: {
      fullName: profile?.fullName ?? null,
      nik,
      birthDate: profile?.birthDate ?? null,
      sex: profile?.sex ?? null,
      decoded: okNik
        ? {
            province: findProvince(okNik.provinceCode)?.name ?? okNik.provinceCode,
            regency: resolveRegency(okNik.regencyCode)?.name ?? okNik.regencyCode,
            birth: `${String(okNik.birthDate.day).padStart(2, "0")}-${String(okNik.birthDate.month).padStart(2, "0")}-${okNik.birthDate.year ?? `..${String(okNik.birthDate.yy).padStart(2, "0")}`}`,
            sex: okNik.sex,
          }
        : null,
    },
    tax: { npwp: npwp ? formatNpwp(npwp) : null, npwpIsNik: profile?.npwpIsNik ?? false },
    bank: { bank: profile?.bankCode ? (findBank(profile.bankCode)?.name ?? profile.bankCode) : null, account, holderName: profile?.holderName ?? null },
    documents: [...docs.current.values()].map((d) => ({
      id: d.id,
      kind: d.kind,
      version: d.version,
      contentType: d.contentType,
      url: `/documents/${d.id}`,
      deleted: Boolean(d.deletedAt),
      history: docs.all.filter((h) => h.kind === d.kind && h.id !== d.id).map((h) => ({ id: h.id, version: h.version, url: `/documents/${h.id}`, createdAt: h.createdAt.toISOString() })),
    })),
    flags,
    events: events.map((e) => ({
      id: e.id,
      from: e.fromStatus,
      to: e.toStatus,
      // Admins are named (who decided matters); the seller is the shop's owner, shown by role.
      actorName: e.actorRole === "admin" ? (actors.get(e.actorId ?? "") ?? null) : null,
      actorRole: e.actorRole,
      reason: e.reason,
      documentReasons: (e.documentReasons as DocumentReason[] | null) ?? [],
      /** A step of a payout bank account change (its review is at /admin/rekening/:id). */
      bankChangeId: e.bankAccountChangeId,
      createdAt: e.createdAt.toISOString(),
    })),
    accessLog: accessLog.map((a) => {
      const doc = docs.all.find((d) => d.id === a.documentId);
      return {
        documentId: a.documentId,
        document: doc ? { kind: doc.kind, version: doc.version } : null,
        viewerRole: a.viewerRole,
        viewerName: actors.get(a.viewerId) ?? null,
        at: a.createdAt.toISOString(),
      };
    }),
  };
}

function parsedNik(nik: string | null): ParsedNik | null {
  const parsed = nik ? parseNik(nik, { today: new Date() }) : null;
  return parsed?.ok ? (parsed as ParsedNik) : null;
}

type Profile = Awaited<ReturnType<typeof findKycProfile>>;

/** The automatic flags of a shop: what the data says against itself and what other shops already use. */
async function shopFlags(shopId: string, profile: Profile, okNik: ParsedNik | null, documents: { sha256: string }[]) {
  const others = async (field: "nikHash" | "npwpHash" | "accountHash", hash: string | null | undefined) =>
    hash ? (await findShopIdsByHash(field, hash)).filter((r) => r.shopId !== shopId).map((r) => r.shop.name) : [];
  const [dupNik, dupNpwp, dupAccount, reused] = await Promise.all([
    others("nikHash", profile?.nikHash),
    others("npwpHash", profile?.npwpHash),
    others("accountHash", profile?.accountHash),
    findReusedDocuments(shopId, documents.map((d) => d.sha256)),
  ]);
  return computeFlags({
    nik: okNik,
    birthDate: profile?.birthDate ?? null,
    sex: (profile?.sex as "L" | "P" | null) ?? null,
    fullName: profile?.fullName ?? null,
    holderName: profile?.holderName ?? null,
    duplicates: { nik: dupNik, npwp: dupNpwp, account: dupAccount },
    reusedDocuments: reused.map((r) => ({ kind: r.kind, otherShop: r.shop.name })),
  });
}

/** The seller's timeline: the same events without the names of admins. */
export async function sellerTimeline(shopId: string) {
  const events = await listVerificationEvents(shopId);
  return events
    // The shop's own verification; bank account changes have their page in the finance area.
    .filter((e) => e.fromStatus !== e.toStatus && !e.bankAccountChangeId)
    .map((e) => ({ id: e.id, to: e.toStatus, reason: e.actorRole === "admin" ? e.reason : null, documentReasons: (e.documentReasons as DocumentReason[] | null) ?? [], createdAt: e.createdAt.toISOString() }));
}

async function applyTransition(
  shopId: string,
  expected: { status: string; version: number },
  event: VerificationEvent,
  admin: { id: string },
  reason: string | null,
  documentReasons: DocumentReason[],
) {
  if (!isShopStatus(expected.status)) throw new Error("bad status");
  const move = transition(expected.status, event, "admin", reason || (documentReasons.length ? "documents" : null));
  if (!move.ok) throw new DomainError(move.error === "kyc_reason_required" ? "validation" : "invalid_transition", move.error);
  const shop = await findShopById(shopId);
  if (!shop) throw new DomainError("not_found", "review.notFound");
  await db().$transaction(async (tx) => {
    const decided = event !== "start_review";
    const moved = await moveShopStatus(tx, shopId, expected, move.to, decided ? { decidedAt: new Date() } : {});
    if (!moved) throw new DomainError("conflict", "review.alreadyDecided");
    await insertVerificationEvent(tx, {
      shopId,
      fromStatus: expected.status,
      toStatus: move.to,
      actorId: admin.id,
      actorRole: "admin",
      reason: reason || null,
      documentReasons: documentReasons.length ? (documentReasons as never) : undefined,
    });
    if (!decided) return;
    // The seller hears of every decision in the app and by mail, in the same transaction.
    const t = translator(localeOr(shop.owner.locale));
    const docLines = documentReasons.map((r) => `- ${t(`doc.${r.document}`)}: ${t(`reason.${r.code}`)}${r.note ? ` (${r.note})` : ""}`).join("\n");
    const body = [t(`notice.${move.to}.body`, shopNameVars(shop.name)), reason ? `${t("notice.reason")}: ${reason}` : "", docLines].filter(Boolean).join("\n\n");
    await createNotification(tx, { userId: shop.ownerId, kind: `kyc.${move.to}`, title: t(`notice.${move.to}.title`), body, link: "/seller/onboarding" });
    await enqueueMail(tx, { to: shop.owner.email, subject: t(`notice.${move.to}.title`), text: `${t("mail.greeting", { name: shop.owner.name })}\n\n${body}\n\n${t("mail.signoff")}` });
  });
}

export async function decide(
  admin: { id: string },
  shopId: string,
  input: { intent: Exclude<VerificationEvent, "submit" | "start_review">; version: number; reason: string; documentReasons: DocumentReason[]; confirmFlags?: boolean },
) {
  const shop = await findShopById(shopId);
  if (!shop) throw new DomainError("not_found", "review.notFound");
  // The admin decided on what they saw: if the shop moved on since (another admin), this decision loses.
  if (shop.version !== input.version) throw new DomainError("conflict", "review.alreadyDecided");
  if (input.intent === "approve" && !input.confirmFlags) {
    // Approving over open flags (a NIK or account another shop uses...) takes a second, explicit look.
    const [profile, docs] = await Promise.all([findKycProfile(shop.id), currentDocuments(shop.id)]);
    const nik = profile?.nikEncrypted ? decryptField(profile.nikEncrypted) : null;
    const flags = await shopFlags(shop.id, profile, parsedNik(nik), docs.all);
    if (flags.length) throw new DomainError("validation", "review.confirmFlagsRequired", { flags: flags.map((f) => f.code).join(",") });
  }
  await applyTransition(shopId, { status: shop.status, version: input.version }, input.intent, admin, input.reason, input.documentReasons);
}
