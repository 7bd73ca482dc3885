// Storage of the embedded tracking sandbox (the "courier side").
import { db } from "~/infra/db.server";

export function upsertSandboxParcel(data: { courierCode: string; resi: string; shippedAt: Date; durationHours: number }) {
  return db().sandboxTrackingParcel.upsert({
    where: { courierCode_resi: { courierCode: data.courierCode, resi: data.resi } },
    create: data,
    update: {},
  });
}

export function findSandboxParcel(courierCode: string, resi: string) {
  return db().sandboxTrackingParcel.findUnique({ where: { courierCode_resi: { courierCode, resi } } });
}

export function listSandboxParcels(take = 50) {
  return db().sandboxTrackingParcel.findMany({ orderBy: { createdAt: "desc" }, take });
}

export function markSandboxParcelDelivered(courierCode: string, resi: string, at: Date) {
  return db().sandboxTrackingParcel.updateMany({ where: { courierCode, resi, deliveredNowAt: null }, data: { deliveredNowAt: at } });
}
