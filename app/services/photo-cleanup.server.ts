import { logger } from "~/infra/logger.server";
import { storage } from "~/infra/storage/storage.server";
import { deleteUnattachedComplaintPhoto, unattachedComplaintPhotosBefore } from "~/models/complaint.server";
import { deletePhotoUploadCountsBefore, deleteUnattachedPhoto, unattachedPhotosBefore } from "~/models/product.server";

const DAY_MS = 24 * 3600 * 1000;

type Unattached = { id: string; keys: string[] };

/** Deletes, oldest first, photos nobody attached: the row first (an attach at this moment wins), then the files. */
async function deleteUnattached(due: (take: number) => Promise<Unattached[]>, deleteRow: (id: string) => Promise<boolean>): Promise<number> {
  let deleted = 0;
  for (;;) {
    const batch = await due(200);
    if (batch.length === 0) break;
    for (const photo of batch) {
      if (!(await deleteRow(photo.id))) continue;
      for (const key of photo.keys) await storage().delete(key);
      deleted++;
    }
  }
  return deleted;
}

/**
 * Photos uploaded for a product form never saved, or for a complaint never sent: after a day their files and rows
 * go, so storage holds only photos of products and complaints. Old upload counters go with them.
 */
export async function deleteUnattachedPhotos(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - DAY_MS);
  const products = await deleteUnattached(async (take) => (await unattachedPhotosBefore(cutoff, take)).map((p) => ({ id: p.id, keys: [p.keySmall, p.keyMedium, p.keyLarge] })), deleteUnattachedPhoto);
  const complaints = await deleteUnattached(async (take) => (await unattachedComplaintPhotosBefore(cutoff, take)).map((p) => ({ id: p.id, keys: [p.keySmall, p.keyLarge] })), deleteUnattachedComplaintPhoto);
  await deletePhotoUploadCountsBefore(cutoff);
  if (products + complaints) logger.info({ products, complaints }, "photo cleanup: unattached photos deleted");
  return products + complaints;
}
