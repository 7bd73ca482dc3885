import { logger } from "~/infra/logger.server";
import { storage } from "~/infra/storage/storage.server";
import { documentsDueForDeletion, markDocumentDeleted } from "~/models/kyc.server";

export function retentionDays(): number {
  return Number(process.env.KYC_RETENTION_DAYS ?? 90);
}

/**
 * UU PDP: identity documents are kept only as long as needed. Files of shops rejected more than the
 * retention period ago are deleted; the document rows (hash, version) and the decision trail stay.
 */
export async function deleteExpiredKycDocuments(now = new Date(), days = retentionDays()): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 24 * 3600 * 1000);
  let deleted = 0;
  for (;;) {
    const due = await documentsDueForDeletion(cutoff);
    if (due.length === 0) return deleted;
    for (const doc of due) {
      await storage().delete(doc.storageKey);
      await markDocumentDeleted(doc.id, now);
      deleted++;
    }
    logger.info({ deleted }, "kyc retention: documents deleted");
  }
}
