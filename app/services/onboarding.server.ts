import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { DomainError } from "~/domain/errors";
import { findBank } from "~/domain/kyc/banks";
import { missingForSubmission } from "~/domain/kyc/flags";
import { checkBankAccount } from "~/domain/kyc/bank-account";
import { compareNikWithData, maskNik, parseNik } from "~/domain/kyc/nik";
import { formatNpwp, maskNpwp, parseNpwp } from "~/domain/kyc/npwp";
import {
  type DocumentKind,
  type DocumentReason,
  isShopStatus,
  replaceableDocuments,
  sellerCanEdit,
  type ShopStatus,
  transition,
} from "~/domain/kyc/verification";
import { blindIndex, decryptField, encryptField } from "~/infra/crypto.server";
import { db } from "~/infra/db.server";
import { storage } from "~/infra/storage/storage.server";
import { acceptDocumentFile } from "~/infra/uploads/document-file.server";
import { currentDocuments, findKycProfile, insertDocument, nextDocumentVersion, upsertKycProfile } from "~/models/kyc.server";
import { createShop, findShopOfOwner, insertVerificationEvent, isSlugTaken, latestChangeRequest, moveShopStatus, updateShopProfile } from "~/models/shop.server";
import type { BankStepSchema, IdentityStepSchema, ShopStepSchema, TaxStepSchema } from "~/schemas/onboarding";
import { KYC_FILE_MAX_BYTES } from "~/infra/request-limits.server";

export const UPLOAD_LIMITS = {
  maxBytes: KYC_FILE_MAX_BYTES,
  minWidth: 600,
  minHeight: 380,
};

type Actor = { id: string };

function statusOf(shop: { status: string }): ShopStatus {
  if (!isShopStatus(shop.status)) throw new Error(`Unknown shop status ${shop.status}`);
  return shop.status;
}

async function requestedDocuments(shopId: string, status: ShopStatus): Promise<DocumentReason[]> {
  if (status !== "changes_requested") return [];
  const event = await latestChangeRequest(shopId);
  return (event?.documentReasons as DocumentReason[] | null) ?? [];
}

/** Everything the wizard shows: saved data (numbers masked), documents, what is missing, what may change. */
export async function loadOnboarding(userId: string) {
  const shop = await findShopOfOwner(userId);
  if (!shop) return null;
  const status = statusOf(shop);
  const [profile, docs, requested] = await Promise.all([findKycProfile(shop.id), currentDocuments(shop.id), requestedDocuments(shop.id, status)]);
  const nik = profile?.nikEncrypted ? decryptField(profile.nikEncrypted) : null;
  const parsedNik = nik ? parseNik(nik) : null;
  const warnings =
    parsedNik?.ok && profile?.birthDate && profile.sex ? compareNikWithData(parsedNik, { birthDate: profile.birthDate, sex: profile.sex as "L" | "P" }) : [];
  const documents = Object.fromEntries(
    [...docs.current.values()].map((d) => [d.kind, { id: d.id, version: d.version, contentType: d.contentType, url: `/documents/${d.id}`, deleted: Boolean(d.deletedAt) }]),
  );
  const hasIdentity = Boolean(profile?.fullName && profile.nikEncrypted && profile.birthDate && profile.sex);
  const hasTax = Boolean(profile?.npwpIsNik || profile?.npwpEncrypted);
  const hasBank = Boolean(profile?.bankCode && profile.accountEncrypted && profile.holderName);
  const hasShopProfile = Boolean(shop.provinceCode && shop.regencyCode && shop.street && shop.phone);
  const missing = missingForSubmission({ hasShopProfile, hasIdentity, hasTax, hasBank, documents: new Set(Object.keys(documents)) });
  return {
    shop: {
      id: shop.id,
      name: shop.name,
      slug: shop.slug,
      description: shop.description,
      provinceCode: shop.provinceCode ?? "",
      regencyCode: shop.regencyCode ?? "",
      district: shop.district ?? "",
      postalCode: shop.postalCode ?? "",
      street: shop.street ?? "",
      phone: shop.phone ?? "",
      status,
      version: shop.version,
    },
    identity: {
      fullName: profile?.fullName ?? "",
      nikMasked: nik ? maskNik(nik) : "",
      birthDate: profile?.birthDate ?? "",
      sex: profile?.sex ?? "",
      warnings,
    },
    tax: { npwpIsNik: profile?.npwpIsNik ?? false, npwpMasked: profile?.npwpEncrypted ? maskNpwp(decryptField(profile.npwpEncrypted)) : "" },
    bank: {
      bankCode: profile?.bankCode ?? "",
      bankName: profile?.bankCode ? (findBank(profile.bankCode)?.name ?? profile.bankCode) : "",
      accountMasked: profile?.accountLast4 ? `********${profile.accountLast4}` : "",
      holderName: profile?.holderName ?? "",
    },
    documents,
    missing,
    editable: sellerCanEdit(status),
    replaceable: replaceableDocuments(status, requested),
    requested,
    complete: { shop: hasShopProfile, identity: hasIdentity && Boolean(documents.ktp), tax: hasTax && Boolean(documents.npwp), bank: hasBank && Boolean(documents.bank_book) },
  };
}

export type Onboarding = NonNullable<Awaited<ReturnType<typeof loadOnboarding>>>;

async function editableShopOf(userId: string) {
  const shop = await findShopOfOwner(userId);
  if (!shop) throw new DomainError("not_found", "onboarding.noShop");
  const status = statusOf(shop);
  if (!sellerCanEdit(status)) throw new DomainError("conflict", "onboarding.locked");
  return { shop, status };
}

/** In changes_requested, only the steps whose document was named may change. */
async function assertStepEditable(shopId: string, status: ShopStatus, document: DocumentKind) {
  if (status === "draft") return;
  const allowed = replaceableDocuments(status, await requestedDocuments(shopId, status));
  if (!allowed.includes(document)) throw new DomainError("forbidden", "onboarding.notRequested");
}

export async function saveShopStep(user: Actor, data: z.output<typeof ShopStepSchema>) {
  const existing = await findShopOfOwner(user.id);
  // The shop profile carries no document, so a change request never reopens it: it changes only in a draft.
  if (existing && statusOf(existing) !== "draft") throw new DomainError("conflict", statusOf(existing) === "changes_requested" ? "onboarding.notRequested" : "onboarding.locked");
  if (await isSlugTaken(data.slug, existing?.id)) throw new DomainError("conflict", "onboarding.shop.slugTaken");
  try {
    return await db().$transaction(async (tx) => {
      if (existing) return updateShopProfile(tx, existing.id, data);
      const shop = await createShop(tx, { ...data, ownerId: user.id, status: "draft" });
      await insertVerificationEvent(tx, { shopId: shop.id, fromStatus: "draft", toStatus: "draft", actorId: user.id, actorRole: "seller", reason: "created" });
      return shop;
    });
  } catch (error) {
    const target = String((error as { meta?: { target?: unknown } }).meta?.target ?? "");
    if ((error as { code?: string }).code === "P2002") {
      // A double click creates the shop once: the second insert hits owner_id's unique index.
      if (target.includes("owner")) return (await findShopOfOwner(user.id))!;
      throw new DomainError("conflict", "onboarding.shop.slugTaken");
    }
    throw error;
  }
}

export async function saveIdentityStep(user: Actor, data: z.output<typeof IdentityStepSchema>) {
  const { shop, status } = await editableShopOf(user.id);
  await assertStepEditable(shop.id, status, "ktp");
  const saved = await findKycProfile(shop.id);
  const nik = data.nik || (saved?.nikEncrypted ? decryptField(saved.nikEncrypted) : null);
  if (!nik) throw new DomainError("validation", "validation.required");
  const parsed = parseNik(nik);
  if (!parsed.ok) throw new DomainError("validation", parsed.error);
  const sealed = encryptField(parsed.nik);
  await db().$transaction((tx) =>
    upsertKycProfile(tx, shop.id, {
      fullName: data.fullName,
      nikEncrypted: sealed.value,
      nikHash: blindIndex("nik", parsed.nik),
      nikLast4: parsed.nik.slice(-4),
      birthDate: data.birthDate,
      sex: data.sex,
      keyId: sealed.keyId,
    }),
  );
  return compareNikWithData(parsed, { birthDate: data.birthDate, sex: data.sex });
}

export async function saveTaxStep(user: Actor, data: z.output<typeof TaxStepSchema>) {
  const { shop, status } = await editableShopOf(user.id);
  await assertStepEditable(shop.id, status, "npwp");
  let npwpDigits: string | null = null;
  if (data.npwpIsNik) {
    const profile = await findKycProfile(shop.id);
    if (!profile?.nikEncrypted) throw new DomainError("validation", "onboarding.tax.nikFirst");
    npwpDigits = decryptField(profile.nikEncrypted);
  } else if (!data.npwp) {
    const saved = await findKycProfile(shop.id);
    if (!saved?.npwpEncrypted) throw new DomainError("validation", "validation.required");
    npwpDigits = decryptField(saved.npwpEncrypted);
  } else {
    const parsed = parseNpwp(data.npwp);
    if (!parsed.ok) throw new DomainError("validation", parsed.error);
    npwpDigits = parsed.digits16;
  }
  const sealed = encryptField(npwpDigits);
  await db().$transaction((tx) =>
    upsertKycProfile(tx, shop.id, { npwpIsNik: data.npwpIsNik, npwpEncrypted: sealed.value, npwpHash: blindIndex("npwp", npwpDigits), keyId: sealed.keyId }),
  );
  return formatNpwp(npwpDigits);
}

export async function saveBankStep(user: Actor, data: z.output<typeof BankStepSchema>) {
  const { shop, status } = await editableShopOf(user.id);
  await assertStepEditable(shop.id, status, "bank_book");
  const saved = await findKycProfile(shop.id);
  const accountNumber = data.accountNumber || (saved?.accountEncrypted ? decryptField(saved.accountEncrypted) : "");
  if (!accountNumber) throw new DomainError("validation", "validation.required");
  const check = checkBankAccount(data.bankCode, accountNumber);
  if (!check.ok) throw new DomainError("validation", check.error);
  const sealed = encryptField(accountNumber);
  await db().$transaction((tx) =>
    upsertKycProfile(tx, shop.id, {
      bankCode: data.bankCode,
      accountEncrypted: sealed.value,
      accountHash: blindIndex("account", `${data.bankCode}:${accountNumber}`),
      accountLast4: accountNumber.slice(-4),
      holderName: data.holderName,
      keyId: sealed.keyId,
    }),
  );
}

/** A wizard upload: the step must be open to the seller (a draft, or named in a change request). */
export async function uploadDocument(user: Actor, kind: DocumentKind, bytes: Buffer) {
  const { shop, status } = await editableShopOf(user.id);
  await assertStepEditable(shop.id, status, kind);
  return storeKycDocument(shop.id, user.id, kind, bytes);
}

/**
 * The one way a KYC document is stored (the wizard's uploads and a bank account change's new bank book): bytes
 * checked by their magic bytes and re-encoded, a key made here, saved as the next version of `kind`. The file is
 * written first and the row second, so a failure leaves no row without a file; a row that fails to insert removes
 * its file again.
 */
export async function storeKycDocument(shopId: string, uploadedById: string, kind: string, bytes: Buffer) {
  const accepted = await acceptDocumentFile(bytes, UPLOAD_LIMITS);
  if (!accepted.ok) {
    throw new DomainError("validation", accepted.error, { maxMb: Math.round(UPLOAD_LIMITS.maxBytes / 1024 / 1024), minWidth: UPLOAD_LIMITS.minWidth, minHeight: UPLOAD_LIMITS.minHeight, maxMegapixels: 40 });
  }
  const id = randomUUID();
  const key = `shops/${shopId}/kyc/${kind}-${id}.${accepted.extension}`;
  await storage().put(key, accepted.body, accepted.contentType);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        return await db().$transaction(async (tx) => {
          const version = await nextDocumentVersion(tx, shopId, kind);
          return insertDocument(tx, {
            id,
            shopId,
            kind,
            version,
            storageKey: key,
            contentType: accepted.contentType,
            sha256: accepted.sha256,
            sizeBytes: accepted.body.length,
            width: accepted.width ?? null,
            height: accepted.height ?? null,
            uploadedById,
          });
        });
      } catch (error) {
        // Two uploads of the same kind at once race for the next version number: retry once or twice.
        if ((error as { code?: string }).code === "P2002" && attempt < 3) continue;
        throw error;
      }
    }
  } catch (error) {
    await storage().delete(key).catch(() => undefined);
    throw error;
  }
}

export async function submitForReview(user: Actor) {
  const state = await loadOnboarding(user.id);
  if (!state) throw new DomainError("not_found", "onboarding.noShop");
  if (state.missing.length) throw new DomainError("validation", "onboarding.incomplete");
  if (state.shop.status === "changes_requested") {
    // Each document the admin named must have been replaced since the request.
    const request = await latestChangeRequest(state.shop.id);
    const docs = await currentDocuments(state.shop.id);
    const stale = state.requested.filter((r) => {
      const current = docs.current.get(r.document);
      return !current || (request && current.createdAt <= request.createdAt);
    });
    if (stale.length) throw new DomainError("validation", "onboarding.replaceRequested");
  }
  const move = transition(state.shop.status, "submit", "seller");
  if (!move.ok) throw new DomainError("invalid_transition", move.error);
  await db().$transaction(async (tx) => {
    const moved = await moveShopStatus(tx, state.shop.id, { status: state.shop.status, version: state.shop.version }, move.to, { submittedAt: new Date() });
    // A double click: the second submit finds the shop already submitted.
    if (!moved) throw new DomainError("conflict", "onboarding.alreadySubmitted");
    await insertVerificationEvent(tx, { shopId: state.shop.id, fromStatus: state.shop.status, toStatus: move.to, actorId: user.id, actorRole: "seller" });
  });
}
