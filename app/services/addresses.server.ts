import { DomainError } from "~/domain/errors";
import { db } from "~/infra/db.server";
import { deleteOwnAddress, findOwnAddress, insertAddress, listAddresses, setDefaultAddress, updateOwnAddress } from "~/models/address.server";
import type { AddressInput } from "~/schemas/buying";

/** The address book: every call is scoped to the signed-in buyer. The first address becomes the default. */
export function myAddresses(userId: string) {
  return listAddresses(userId);
}

export async function myAddress(userId: string, id: string) {
  const address = await findOwnAddress(userId, id);
  if (!address) throw new DomainError("not_found", "address_not_found");
  return address;
}

export function addAddress(userId: string, input: AddressInput) {
  return db().$transaction((tx) => insertAddress(tx, userId, input));
}

export async function editAddress(userId: string, id: string, input: AddressInput) {
  if (!(await db().$transaction((tx) => updateOwnAddress(tx, userId, id, input)))) throw new DomainError("not_found", "address_not_found");
}

export async function makeDefaultAddress(userId: string, id: string) {
  if (!(await db().$transaction((tx) => setDefaultAddress(tx, userId, id)))) throw new DomainError("not_found", "address_not_found");
}

export async function removeAddress(userId: string, id: string) {
  if (!(await db().$transaction((tx) => deleteOwnAddress(tx, userId, id)))) throw new DomainError("not_found", "address_not_found");
}
