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
  data: { status: string; answerDueAt?: Date; resolution?: string; refundAmount?: number; returnResi?: string; sellerReason?: string; resolvedAt?: Date },
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
