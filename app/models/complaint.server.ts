import { db, type Tx } from "~/infra/db.server";

// Complaints: one per order, changed only under the order's row lock (the caller holds it).

export function findComplaint(tx: Tx, orderId: string) {
  return tx.complaint.findUnique({ where: { orderId } });
}

export function insertComplaint(tx: Tx, c: { orderId: string; reason: string; description: string; answerDueAt: Date }) {
  return tx.complaint.create({ data: c });
}

export function updateComplaint(
  tx: Tx,
  id: string,
  data: { status: string; answerDueAt?: Date; resolution?: string; refundAmount?: number; returnResi?: string; returnCourierCode?: string; returnShippedAt?: Date; sellerReason?: string; resolvedAt?: Date },
) {
  return tx.complaint.update({ where: { id }, data });
}

export function complaintOfOrder(orderId: string) {
  return db().complaint.findUnique({ where: { orderId } });
}

export function escalatedComplaints(take = 100) {
  return db().complaint.findMany({
    where: { status: "escalated" },
    include: { order: { select: { orderNumber: true, total: true, goodsTotal: true, shippingCost: true, shop: { select: { name: true } } } } },
    orderBy: { updatedAt: "asc" },
    take,
  });
}

export async function hasPendingRefund(tx: Tx, orderId: string): Promise<boolean> {
  return (await tx.refund.count({ where: { orderId, status: "pending" } })) > 0;
}

// ---- photos ------------------------------------------------------------------------------------------

export function insertComplaintPhoto(data: { id: string; orderId: string; uploaderId: string; keySmall: string; keyLarge: string; width: number; height: number; sha256: string }) {
  return db().complaintPhoto.create({ data });
}

/** A photo with what its permission check needs: the order's buyer, shop and supplier, and the shop owners. */
export function findComplaintPhoto(id: string) {
  return db().complaintPhoto.findUnique({
    where: { id },
    include: { order: { select: { buyerId: true, shop: { select: { ownerId: true } }, fulfilmentShop: { select: { ownerId: true } } } } },
  });
}

/** Attaches the buyer's own unattached photos of this order to the complaint, in the given order. Returns how many. */
export async function attachComplaintPhotos(tx: Tx, c: { complaintId: string; orderId: string; uploaderId: string; photoIds: string[] }) {
  let attached = 0;
  for (const [position, id] of c.photoIds.entries()) {
    const { count } = await tx.complaintPhoto.updateMany({ where: { id, orderId: c.orderId, uploaderId: c.uploaderId, complaintId: null }, data: { complaintId: c.complaintId, position } });
    attached += count;
  }
  return attached;
}

export function photosOfComplaint(complaintId: string) {
  return db().complaintPhoto.findMany({ where: { complaintId }, orderBy: { position: "asc" }, select: { id: true, width: true, height: true } });
}

export function unattachedComplaintPhotosBefore(cutoff: Date, take: number) {
  return db().complaintPhoto.findMany({ where: { complaintId: null, createdAt: { lt: cutoff } }, orderBy: { createdAt: "asc" }, take });
}

/** Deletes a photo row only if it is still unattached (a complaint sent at this moment may have taken it). */
export async function deleteUnattachedComplaintPhoto(id: string) {
  const { count } = await db().complaintPhoto.deleteMany({ where: { id, complaintId: null } });
  return count > 0;
}

// ---- returns -----------------------------------------------------------------------------------------

/** Return parcels on their way back to the seller: the tracking job asks the courier about each. */
export function returnsInTransit(take = 500) {
  return db().complaint.findMany({
    // Program (dropship) orders run their own chain: their returns are confirmed by the supplier or an admin.
    where: { status: "return_shipped", returnResi: { not: null }, returnCourierCode: { not: null }, order: { fulfilmentShopId: null } },
    select: { id: true, orderId: true, returnResi: true, returnCourierCode: true, returnShippedAt: true },
    orderBy: { returnShippedAt: "asc" },
    take,
  });
}
