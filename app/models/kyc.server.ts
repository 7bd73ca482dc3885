import type { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/infra/db.server";

export function findKycProfile(shopId: string) {
  return db().kycProfile.findUnique({ where: { shopId } });
}

export function upsertKycProfile(tx: Tx, shopId: string, data: Omit<Prisma.KycProfileUncheckedCreateInput, "shopId">) {
  return tx.kycProfile.upsert({ where: { shopId }, create: { shopId, ...data }, update: data });
}

export function findShopIdsByHash(field: "nikHash" | "npwpHash" | "accountHash", hash: string) {
  return db().kycProfile.findMany({ where: { [field]: hash }, select: { shopId: true, shop: { select: { name: true, status: true } } } });
}

/** The newest version of each document kind of a shop, in one query. */
export async function currentDocuments(shopId: string) {
  const rows = await db().kycDocument.findMany({ where: { shopId }, orderBy: [{ kind: "asc" }, { version: "desc" }] });
  const current = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!current.has(r.kind)) current.set(r.kind, r);
  return { current, all: rows };
}

export async function nextDocumentVersion(tx: Tx, shopId: string, kind: string) {
  const last = await tx.kycDocument.findFirst({ where: { shopId, kind }, orderBy: { version: "desc" }, select: { version: true } });
  return (last?.version ?? 0) + 1;
}

export function insertDocument(tx: Tx, data: Prisma.KycDocumentUncheckedCreateInput) {
  return tx.kycDocument.create({ data });
}

export function findDocument(id: string) {
  return db().kycDocument.findUnique({ where: { id }, include: { shop: { select: { ownerId: true } } } });
}

/** Other shops' documents with the same bytes: a photo reused across submissions. */
export function findReusedDocuments(shopId: string, hashes: string[]) {
  if (hashes.length === 0) return Promise.resolve([]);
  return db().kycDocument.findMany({
    where: { sha256: { in: hashes }, shopId: { not: shopId } },
    select: { sha256: true, kind: true, shop: { select: { id: true, name: true } } },
  });
}

export function logDocumentAccess(documentId: string, viewerId: string, viewerRole: string) {
  return db().documentAccessLog.create({ data: { documentId, viewerId, viewerRole } });
}

export function listDocumentAccess(documentIds: string[]) {
  return db().documentAccessLog.findMany({ where: { documentId: { in: documentIds } }, orderBy: { createdAt: "desc" }, take: 50 });
}

/** Documents of shops rejected before the cutoff whose files still exist. */
export function documentsDueForDeletion(cutoff: Date, take = 200) {
  return db().kycDocument.findMany({
    where: { deletedAt: null, shop: { status: "rejected", decidedAt: { lt: cutoff } } },
    select: { id: true, storageKey: true },
    take,
  });
}

export function markDocumentDeleted(id: string, at: Date) {
  return db().kycDocument.update({ where: { id }, data: { deletedAt: at } });
}
