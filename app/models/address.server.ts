import { db, type Tx } from "~/infra/db.server";
import type { AddressInput } from "~/schemas/buying";

// Every query is scoped by user_id: a buyer never reads or changes another buyer's address.

export function listAddresses(userId: string) {
  return db().address.findMany({ where: { userId }, orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }] });
}

export function findOwnAddress(userId: string, id: string) {
  return db().address.findFirst({ where: { id, userId } });
}

export async function insertAddress(tx: Tx, userId: string, input: AddressInput) {
  const count = await tx.address.count({ where: { userId } });
  const isDefault = input.isDefault || count === 0;
  if (isDefault) await tx.address.updateMany({ where: { userId, isDefault: true }, data: { isDefault: false } });
  return tx.address.create({ data: { ...input, userId, isDefault } });
}

export async function updateOwnAddress(tx: Tx, userId: string, id: string, input: AddressInput) {
  if (input.isDefault) await tx.address.updateMany({ where: { userId, isDefault: true, NOT: { id } }, data: { isDefault: false } });
  const { count } = await tx.address.updateMany({ where: { id, userId }, data: { ...input, isDefault: input.isDefault || undefined } });
  return count === 1;
}

export async function setDefaultAddress(tx: Tx, userId: string, id: string) {
  const mine = await tx.address.findFirst({ where: { id, userId }, select: { id: true } });
  if (!mine) return false;
  await tx.address.updateMany({ where: { userId, isDefault: true }, data: { isDefault: false } });
  await tx.address.update({ where: { id }, data: { isDefault: true } });
  return true;
}

export async function deleteOwnAddress(tx: Tx, userId: string, id: string) {
  const gone = await tx.address.deleteMany({ where: { id, userId } });
  if (gone.count === 0) return false;
  // The oldest remaining address becomes the default, so there is always one when there are any.
  if (!(await tx.address.findFirst({ where: { userId, isDefault: true } }))) {
    const next = await tx.address.findFirst({ where: { userId }, orderBy: { createdAt: "asc" } });
    if (next) await tx.address.update({ where: { id: next.id }, data: { isDefault: true } });
  }
  return true;
}
