/**
 * A seller withdraws their available balance. Decided under the shop row's lock: the balance read, the "one open
 * withdrawal" check and the posting happen one shop-request at a time, so two requests can never both pass.
 */
import { randomBytes } from "node:crypto";
import { DomainError } from "~/domain/errors";
import { withdrawalRequestedPosting } from "~/domain/ledger/postings";
import { withdrawalNumber } from "~/domain/orders/numbers";
import { checkWithdrawal } from "~/domain/payouts/withdrawal";
import { db } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { balancesOfShop, postEntry } from "~/models/ledger.server";
import {
  findOpenWithdrawal,
  findPayoutAccount,
  findShopOfOwner,
  hasPendingBankChange,
  insertWithdrawal,
  listWithdrawalsOfShop,
  lockShop,
} from "~/models/withdrawal.server";

async function shopOf(user: { id: string }) {
  const shop = await findShopOfOwner(user.id);
  if (!shop || shop.status !== "approved") throw new DomainError("forbidden", "withdrawal.errors.noShop");
  return shop;
}

/** What the withdrawal page shows: only the asking seller's own shop. */
export async function withdrawalPage(user: { id: string }) {
  const shop = await shopOf(user);
  const [balances, withdrawals, onHold, open] = await Promise.all([
    balancesOfShop(shop.id),
    listWithdrawalsOfShop(shop.id),
    hasPendingBankChange(undefined, shop.id),
    findOpenWithdrawal(undefined, shop.id),
  ]);
  return {
    shop: { id: shop.id, name: shop.name },
    bank: shop.kyc?.bankCode ? { bankCode: shop.kyc.bankCode, accountLast4: shop.kyc.accountLast4 ?? "", holderName: shop.kyc.holderName ?? "" } : null,
    available: balances.available,
    paidOut: balances.paidOut,
    pending: balances.pendingPayout,
    minimum: env().WITHDRAWAL_MIN_RUPIAH,
    onHold,
    hasOpen: Boolean(open),
    withdrawals: withdrawals.map((w) => ({
      id: w.id,
      number: w.number,
      amount: w.amount,
      status: w.status,
      providerReference: w.providerReference,
      failureReason: w.failureReason,
      createdAt: w.createdAt.toISOString(),
      finishedAt: w.finishedAt?.toISOString() ?? null,
    })),
  };
}

export async function requestWithdrawal(user: { id: string }, amount: number, now = new Date()) {
  const shop = await shopOf(user);
  return db().$transaction(async (tx) => {
    await lockShop(tx, shop.id);
    // One after another: the queries share the transaction's connection.
    const { available } = await balancesOfShop(shop.id, tx);
    const open = await findOpenWithdrawal(tx, shop.id);
    const onHold = await hasPendingBankChange(tx, shop.id);
    const account = await findPayoutAccount(tx, shop.id);
    checkWithdrawal({
      amount,
      available,
      minimum: env().WITHDRAWAL_MIN_RUPIAH,
      hasOpenWithdrawal: Boolean(open),
      bankChangePending: onHold,
      hasBankAccount: Boolean(account?.bankCode && account.accountEncrypted && account.holderName),
    });
    const withdrawal = await insertWithdrawal(tx, {
      number: withdrawalNumber(now, randomBytes(8)),
      shopId: shop.id,
      requestedBy: user.id,
      amount,
      status: "requested",
      openShopId: shop.id,
      bankCode: account!.bankCode!,
      accountLast4: account!.accountLast4 ?? "",
      holderName: account!.holderName!,
      createdAt: now,
    });
    await postEntry(tx, withdrawalRequestedPosting({ id: withdrawal.id, number: withdrawal.number, shopId: shop.id, amount }));
    return withdrawal;
  });
}
