import { uploadBankChangeDocument } from "../../app/services/bank-account-change.server";
import { aPhoto } from "./shops";

/** A photo of a new bank book, uploaded by the shop's owner as the bank account change page does. */
export async function aNewBankBook(owner: { id: string }) {
  return uploadBankChangeDocument(owner, await aPhoto());
}
