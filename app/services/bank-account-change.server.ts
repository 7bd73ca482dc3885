/**
 * Changing the payout bank account of a verified shop: the seller types the password again, the new account waits
 * for an admin's review, and withdrawals are on hold meanwhile (requestWithdrawal checks for a pending change).
 * Only on approval does the KYC profile's account change, so payouts never go to an unreviewed account.
 */
import { DomainError } from "~/domain/errors";
import { checkBankAccount } from "~/domain/kyc/bank-account";
import { blindIndex, encryptField } from "~/infra/crypto.server";
import { db } from "~/infra/db.server";
import { verifyPassword } from "~/infra/password.server";
import { upsertKycProfile } from "~/models/kyc.server";
import {
  findPasswordHash,
  findShopOfOwner,
  hasPendingBankChange,
  insertBankAccountChange,
  listPendingBankAccountChanges,
  lockBankAccountChange,
  lockShop,
  updateBankAccountChange,
} from "~/models/withdrawal.server";

export async function requestBankAccountChange(user: { id: string }, input: { password: string; bankCode: string; accountNumber: string; holderName: string }, now = new Date()) {
  const hash = await findPasswordHash(user.id);
  if (!hash || !(await verifyPassword(hash, input.password))) throw new DomainError("validation", "bankChange.errors.password");
  const shop = await findShopOfOwner(user.id);
  if (!shop || shop.status !== "approved") throw new DomainError("forbidden", "withdrawal.errors.noShop");
  const check = checkBankAccount(input.bankCode, input.accountNumber);
  if (!check.ok) throw new DomainError("validation", check.error);
  const sealed = encryptField(input.accountNumber);
  return db().$transaction(async (tx) => {
    await lockShop(tx, shop.id);
    if (await hasPendingBankChange(tx, shop.id)) throw new DomainError("conflict", "bankChange.errors.pending");
    return insertBankAccountChange(tx, {
      shopId: shop.id,
      bankCode: input.bankCode,
      accountEncrypted: sealed.value,
      accountHash: blindIndex("account", `${input.bankCode}:${input.accountNumber}`),
      accountLast4: input.accountNumber.slice(-4),
      holderName: input.holderName.trim(),
      createdAt: now,
    });
  });
}

export async function pendingBankAccountChanges(admin: { isAdmin: boolean }) {
  if (!admin.isAdmin) throw new DomainError("forbidden", "payout.errors.adminOnly");
  return listPendingBankAccountChanges();
}

/** An admin decides; approval moves the new account into the shop's KYC profile and lifts the hold. */
export async function reviewBankAccountChange(admin: { id: string; isAdmin: boolean }, changeId: string, decision: "approve" | "reject", note = "", now = new Date()) {
  if (!admin.isAdmin) throw new DomainError("forbidden", "payout.errors.adminOnly");
  await db().$transaction(async (tx) => {
    const change = await lockBankAccountChange(tx, changeId);
    if (!change) throw new DomainError("not_found", "bankChange.errors.notFound");
    if (change.status !== "pending") throw new DomainError("conflict", "bankChange.errors.decided");
    if (decision === "approve") {
      await upsertKycProfile(tx, change.shopId, {
        bankCode: change.bankCode,
        accountEncrypted: change.accountEncrypted,
        accountHash: change.accountHash,
        accountLast4: change.accountLast4,
        holderName: change.holderName,
      });
    }
    await updateBankAccountChange(tx, changeId, { status: decision === "approve" ? "approved" : "rejected", reviewedBy: admin.id, reviewedAt: now, reviewNote: note.slice(0, 500) || null });
  });
}
