import { logger } from "~/infra/logger.server";
import { storage } from "~/infra/storage/storage.server";
import { deletePhotoUploadCountsBefore, deleteUnattachedPhoto, unattachedPhotosBefore } from "~/models/product.server";

const DAY_MS = 24 * 3600 * 1000;

/**
 * Photos uploaded for a product form that was never saved: after a day their files and rows go, so storage
 * holds only photos of products. Old upload counters go with them.
 */
export async function deleteUnattachedPhotos(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - DAY_MS);
  let deleted = 0;
  for (;;) {
    const due = await unattachedPhotosBefore(cutoff, 200);
    if (due.length === 0) break;
    for (const photo of due) {
      // The row first: a product saved at this moment either got the photo (row stays) or never will.
      if (!(await deleteUnattachedPhoto(photo.id))) continue;
      for (const key of [photo.keySmall, photo.keyMedium, photo.keyLarge]) await storage().delete(key);
      deleted++;
    }
  }
  await deletePhotoUploadCountsBefore(cutoff);
  if (deleted) logger.info({ deleted }, "photo cleanup: unattached photos deleted");
  return deleted;
}
