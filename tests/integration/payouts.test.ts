import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { irisSignature } from "../../app/domain/payouts/iris";
import { db } from "../../app/infra/db.server";
import { irisConfig, payoutProvider, setPayoutProviderForTests } from "../../app/infra/payouts/iris.server";
import { accountBalances, balancesOfShop } from "../../app/models/ledger.server";
import { approveBatch, batchPage, createBatch, handleIrisNotification, payoutQueuePage, resumePayoutWork } from "../../app/services/payouts.server";
import { notificationBody } from "../../app/services/sandbox-iris.server";
import { requestWithdrawal, withdrawalPage } from "../../app/services/withdrawals.server";
import { aSellerWithBalance } from "../factories/balances";
import { aNewBankBook } from "../factories/bank-change";
import { aUser, TEST_PASSWORD } from "../factories/users";
import { jakartaYesterday, reconcileReport, reconciliationDifferences, resolveDifference } from "../../app/services/reconciliation.server";
import { irisSettlementCsv } from "../../app/services/settlement-reports.server";
import { requestBankAccountChange, reviewBankAccountChange } from "../../app/services/bank-account-change.server";
import { checkLedgerAfterEach, until } from "../setup/buying";
import { startPayoutStack } from "../setup/payouts";

// Money out: withdrawals (minimum, never more than available, one open at a time) and their payouts through the
// embedded Iris sandbox over HTTP, in batches under maker-checker, with notifications applied exactly once.

let stack: Awaited<ReturnType<typeof startPayoutStack>>;
let maker: Awaited<ReturnType<typeof aUser>>;
let checker: Awaited<ReturnType<typeof aUser>>;

beforeAll(async () => {
  stack = await startPayoutStack({ worker: true, duplicateRate: 0.5 });
  maker = await aUser({ admin: true, name: "Admin Pembuat" });
  checker = await aUser({ admin: true, name: "Admin Penyetuju" });
});
afterAll(async () => {
  await stack?.stop();
});
checkLedgerAfterEach();
/** No seller balance is ever negative (a seller_available account's lines sum to ≤ 0). */
async function noNegativeSellerBalance() {
  const balances = await accountBalances();
  for (const [code, balance] of Object.entries(balances)) if (code.startsWith("seller_available:")) expect(-balance).toBeGreaterThanOrEqual(0);
}

async function clearQueue() {
  // Batches take every requested withdrawal: finish earlier tests' leftovers so each test sees its own.
  await db().withdrawal.updateMany({ where: { status: "requested" }, data: { status: "failed", openShopId: null } }).catch(() => undefined);
}

describe("withdrawal", () => {
  it("refuses less than the minimum and more than available, then takes the money out of the available balance", async () => {
    const { seller, available } = await aSellerWithBalance({ available: 120_000 });
    expect(available).toBe(120_000);
    await expect(requestWithdrawal(seller.owner, 49_999)).rejects.toMatchObject({ messageKey: "withdrawal.errors.minimum" });
    await expect(requestWithdrawal(seller.owner, 120_001)).rejects.toMatchObject({ messageKey: "withdrawal.errors.overAvailable" });
    const w = await requestWithdrawal(seller.owner, 100_000);
    expect(w.status).toBe("requested");
    expect((await balancesOfShop(seller.shop.id)).available).toBe(20_000);
    await expect(requestWithdrawal(seller.owner, 50_000)).rejects.toMatchObject({ messageKey: "withdrawal.errors.open" });
    const page = await withdrawalPage(seller.owner);
    expect(page).toMatchObject({ available: 20_000, pending: 100_000, paidOut: 0, hasOpen: true });
    await noNegativeSellerBalance();
  });

  it("lets exactly one of 20 concurrent withdrawals through", async () => {
    const { seller, available } = await aSellerWithBalance();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => requestWithdrawal(seller.owner, available)));
    const ok = results.filter((r) => r.status === "fulfilled").length;
    console.log(`[payout] 20 concurrent withdrawals of the whole balance (Rp${available}) → ${ok} accepted`);
    expect(ok).toBe(1);
    expect((await balancesOfShop(seller.shop.id)).available).toBe(0);
    expect(await db().withdrawal.count({ where: { shopId: seller.shop.id } })).toBe(1);
    await noNegativeSellerBalance();
  });

  it("a seller sees only their own shop's balance; only admins see the payout queue", async () => {
    const a = await aSellerWithBalance({ available: 70_000 });
    const b = await aSellerWithBalance({ available: 90_000 });
    expect((await withdrawalPage(a.seller.owner)).available).toBe(70_000);
    expect((await withdrawalPage(b.seller.owner)).available).toBe(90_000);
    const buyer = await aUser();
    await expect(withdrawalPage(buyer)).rejects.toMatchObject({ code: "forbidden" });
    await expect(payoutQueuePage(a.seller.owner)).rejects.toMatchObject({ code: "forbidden" });
    await expect(createBatch(a.seller.owner)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("changing the payout bank account", () => {
  it("asks for the password again, holds withdrawals until an admin approves, then pays into the new account", async () => {
    const { seller } = await aSellerWithBalance({ available: 100_000 });
    const change = { bankCode: "009", accountNumber: "0987654321", holderName: seller.owner.name, documentId: (await aNewBankBook(seller.owner)).id };
    await expect(requestBankAccountChange(seller.owner, { ...change, password: "salah-sekali-123" })).rejects.toMatchObject({ messageKey: "bankChange.errors.password" });
    const pending = await requestBankAccountChange(seller.owner, { ...change, password: TEST_PASSWORD });
    await expect(requestBankAccountChange(seller.owner, { ...change, password: TEST_PASSWORD })).rejects.toMatchObject({ messageKey: "bankChange.errors.pending" });
    await expect(requestWithdrawal(seller.owner, 60_000)).rejects.toMatchObject({ messageKey: "withdrawal.errors.onHold" });
    expect(await withdrawalPage(seller.owner)).toMatchObject({ onHold: true, bank: { bankCode: "014" } });
    await expect(reviewBankAccountChange(seller.owner as never, pending.id, "approve")).rejects.toMatchObject({ code: "forbidden" });
    await reviewBankAccountChange(checker, pending.id, "approve");
    await expect(reviewBankAccountChange(maker, pending.id, "reject")).rejects.toMatchObject({ messageKey: "bankChange.errors.decided" });
    expect(await withdrawalPage(seller.owner)).toMatchObject({ onHold: false, bank: { bankCode: "009", accountLast4: "4321" } });
    const w = await requestWithdrawal(seller.owner, 60_000);
    expect(w).toMatchObject({ bankCode: "009", accountLast4: "4321" });
  });
});

describe("payout batches through the Iris sandbox", () => {
  it("the maker cannot approve; another admin approves; the payout completes with the provider's reference", async () => {
    await clearQueue();
    const { seller } = await aSellerWithBalance({ available: 140_000 });
    const before = await accountBalances();
    const w = await requestWithdrawal(seller.owner, 100_000);
    const batch = await createBatch(maker);
    const made = await batchPage(maker, batch.id);
    expect(made.withdrawals).toHaveLength(1);
    expect(made.withdrawals[0]).toMatchObject({ id: w.id, status: "batched" });
    expect(made.withdrawals[0].providerReference).toMatch(/^[0-9a-f]{20}$/);
    expect(made.canApprove).toBe(false);
    await expect(approveBatch(maker, batch.id)).rejects.toMatchObject({ messageKey: "payout.errors.makerCannotApprove" });
    // The database refuses it too, whatever the code says.
    await expect(db().payoutBatch.update({ where: { id: batch.id }, data: { approvedBy: maker.id } })).rejects.toThrow();

    await approveBatch(checker, batch.id);
    const done = await until("payout completed", async () => {
      const row = await db().withdrawal.findUniqueOrThrow({ where: { id: w.id } });
      return row.status === "completed" && row;
    });
    expect(done.providerReference).toBe(made.withdrawals[0].providerReference);
    expect(done.openShopId).toBeNull();
    const after = await accountBalances();
    expect(-after[`seller_available:${seller.shop.id}`]).toBe(40_000);
    expect((after.payout_clearing ?? 0) - (before.payout_clearing ?? 0)).toBe(0);
    expect(after.provider_clearing - before.provider_clearing).toBe(-100_000);
    expect(await withdrawalPage(seller.owner)).toMatchObject({ available: 40_000, paidOut: 100_000, pending: 0, hasOpen: false });
    await expect(approveBatch(checker, batch.id)).rejects.toMatchObject({ messageKey: "payout.errors.batchNotOpen" });
  });

  it("a wrong account or a bank that is down fails the payout and gives the money back with the reason", async () => {
    await clearQueue();
    const wrong = await aSellerWithBalance({ available: 80_000, account: "0000123456" });
    const down = await aSellerWithBalance({ available: 90_000, account: "5551234567" });
    stack.set("IRIS_SANDBOX_BANKS_DOWN", "bca");
    try {
      // Both accounts are at BCA in the factories, so make only the second one's bank be down: fail the first by account.
      const w1 = await requestWithdrawal(wrong.seller.owner, 80_000);
      const w2 = await requestWithdrawal(down.seller.owner, 90_000);
      const batch = await createBatch(maker);
      await approveBatch(checker, batch.id);
      const [f1, f2] = await until("both failed", async () => {
        const rows = await db().withdrawal.findMany({ where: { id: { in: [w1.id, w2.id] } } });
        return rows.every((r) => r.status === "failed") && [rows.find((r) => r.id === w1.id)!, rows.find((r) => r.id === w2.id)!];
      });
      expect(f1.failureReason).toBe("Rekening tujuan tidak ditemukan");
      expect(f2.failureReason).toBe("Bank tujuan sedang gangguan");
      expect((await balancesOfShop(wrong.seller.shop.id)).available).toBe(80_000);
      expect((await balancesOfShop(down.seller.shop.id)).available).toBe(90_000);
      // The seller may try again once it failed.
      stack.set("IRIS_SANDBOX_BANKS_DOWN", "");
      const again = await requestWithdrawal(down.seller.owner, 90_000);
      expect(again.status).toBe("requested");
    } finally {
      stack.set("IRIS_SANDBOX_BANKS_DOWN", "");
    }
  });

  it("1,000 notifications with duplicates and bad signatures apply each outcome once; bad ones change nothing", async () => {
    await clearQueue();
    await stack.pauseDelivery();
    try {
      const sellers = await Promise.all(Array.from({ length: 5 }, () => aSellerWithBalance({ available: 100_000 })));
      const ws = [];
      for (const s of sellers) ws.push(await requestWithdrawal(s.seller.owner, 60_000 + ws.length * 1000));
      const batch = await createBatch(maker);
      await approveBatch(checker, batch.id);
      const rows = await db().withdrawal.findMany({ where: { id: { in: ws.map((w) => w.id) } } });
      expect(rows.every((r) => r.status === "sent")).toBe(true);
      const before = await accountBalances();
      const key = irisConfig().merchantKey;
      // Outcome per payout: even ones complete, odd ones fail.
      const bodies = rows.map((r, i) =>
        notificationBody({ referenceNo: r.providerReference!, amount: r.amount, status: i % 2 ? "failed" : "completed", updatedAt: new Date(), errorCode: i % 2 ? "invalid_account" : null, errorMessage: i % 2 ? "Rekening tujuan tidak ditemukan" : null }),
      );
      let bad = 0;
      const sends: { body: string; sig: string }[] = [];
      for (let n = 0; n < 1000; n++) {
        const body = bodies[n % bodies.length];
        const kind = Math.floor(n / bodies.length) % 5; // every payout gets good, bad and tampered copies
        if (kind === 3) {
          bad++;
          sends.push({ body, sig: irisSignature(body, "wrong-key") });
        } else if (kind === 4) {
          bad++;
          // Tampered: says completed with the original signature of a failed one.
          sends.push({ body: body.replace('"failed"', '"completed"').replace('"amount":"', '"amount":"9'), sig: irisSignature(body, key) });
        } else sends.push({ body, sig: irisSignature(body, key) });
      }
      const notificationsBefore = await db().payoutNotification.count();
      const started = Date.now();
      const statuses: number[] = [];
      for (let i = 0; i < sends.length; i += 50) {
        const chunk = sends.slice(i, i + 50);
        statuses.push(
          ...(await Promise.all(
            chunk.map((s) => fetch(`${stack.url}/payouts/iris/notification`, { method: "POST", headers: { "Content-Type": "application/json", "Iris-Signature": s.sig }, body: s.body }).then((r) => r.status)),
          )),
        );
      }
      const ms = Date.now() - started;
      const applied = await db().payoutNotification.count({ where: { referenceNo: { in: rows.map((r) => r.providerReference!) }, outcome: "applied" } });
      const refused = statuses.filter((s) => s === 401).length;
      console.log(`[payout] 1000 notifications (${bad} with bad signatures) in ${ms} ms → ${applied} applied, ${statuses.filter((s) => s === 200).length} acknowledged, ${refused} refused`);
      expect(applied).toBe(rows.length);
      expect(refused).toBe(bad);
      // A bad signature is only logged: a flood of forged notifications writes nothing to the database.
      expect(await db().payoutNotification.count()).toBe(notificationsBefore + sends.length - bad);
      const after = await accountBalances();
      const completed = rows.filter((_, i) => i % 2 === 0).reduce((s, r) => s + r.amount, 0);
      const failed = rows.filter((_, i) => i % 2 === 1).reduce((s, r) => s + r.amount, 0);
      expect(after.provider_clearing - before.provider_clearing).toBe(-completed);
      expect(after.payout_clearing - before.payout_clearing).toBe(completed + failed);
      expect(await db().journalEntry.count({ where: { referenceId: { in: rows.map((r) => r.id) } } })).toBe(rows.length * 2);
      await noNegativeSellerBalance();
    } finally {
      stack.resumeDelivery();
    }
  }, 120_000);

  it("a lost notification is recovered from the provider's details API", async () => {
    await clearQueue();
    await stack.pauseDelivery();
    try {
      const { seller } = await aSellerWithBalance({ available: 70_000 });
      const w = await requestWithdrawal(seller.owner, 70_000);
      const batch = await createBatch(maker);
      await approveBatch(checker, batch.id);
      expect((await db().withdrawal.findUniqueOrThrow({ where: { id: w.id } })).status).toBe("sent");
      const { settled } = await resumePayoutWork();
      expect(settled).toBeGreaterThanOrEqual(1);
      expect((await db().withdrawal.findUniqueOrThrow({ where: { id: w.id } })).status).toBe("completed");
      expect(await handleIrisNotification("{}", "00")).toMatchObject({ status: 401, outcome: "refused" });
    } finally {
      stack.resumeDelivery();
    }
  });
});

describe("payout work done twice at once", () => {
  it("a payout created while another run of the batch already recorded and approved one never replaces its reference", async () => {
    await clearQueue();
    await stack.pauseDelivery();
    const real = payoutProvider();
    let calls = 0;
    // The maker's run is slow at the provider; meanwhile the checker approves (its own run creates, records and
    // approves a payout). Then the maker's run gets its answer: a second payout, only "queued" at the provider.
    setPayoutProviderForTests({
      ...real,
      async createPayouts(requests) {
        if (++calls === 1) {
          const number = requests[0].notes.replace("Lapak ", "");
          await approveBatch(checker, (await db().withdrawal.findUniqueOrThrow({ where: { number } })).batchId!);
        }
        return real.createPayouts(requests);
      },
    });
    try {
      const { seller } = await aSellerWithBalance({ available: 80_000 });
      const w = await requestWithdrawal(seller.owner, 80_000);
      await createBatch(maker);
      expect(calls).toBe(2);
      const approved = await db().sandboxIrisPayout.findMany({ where: { notes: `Lapak ${w.number}`, status: { notIn: ["queued", "rejected"] } } });
      expect(approved).toHaveLength(1);
      // The maker's run's own payout, which no withdrawal holds, is rejected at the provider, not left "queued".
      const duplicate = await db().sandboxIrisPayout.findMany({ where: { notes: `Lapak ${w.number}`, referenceNo: { not: approved[0].referenceNo } } });
      expect(duplicate.map((p) => p.status)).toEqual(["rejected"]);
      // The reference on the withdrawal is the approved payout's, so its outcome reaches the withdrawal.
      expect((await db().withdrawal.findUniqueOrThrow({ where: { id: w.id } })).providerReference).toBe(approved[0].referenceNo);
      await resumePayoutWork();
      expect((await db().withdrawal.findUniqueOrThrow({ where: { id: w.id } })).status).toBe("completed");
      // Its "rejected" notification is acknowledged (no retries) and changes nothing: no withdrawal knows it.
      const rejected = notificationBody(duplicate[0]);
      expect(await handleIrisNotification(rejected, irisSignature(rejected, irisConfig().merchantKey))).toMatchObject({ status: 200, outcome: "ignored" });
      expect((await db().withdrawal.findUniqueOrThrow({ where: { id: w.id } })).status).toBe("completed");
      // The provider rejects only what waits for approval: the approved payout stays paid.
      await expect(real.rejectPayouts([approved[0].referenceNo], "coba")).rejects.toMatchObject({ httpStatus: 400 });
      expect((await db().sandboxIrisPayout.findUniqueOrThrow({ where: { referenceNo: approved[0].referenceNo } })).status).toBe("completed");
    } finally {
      setPayoutProviderForTests(undefined);
      stack.resumeDelivery();
    }
  });
});

describe("reconciliation", () => {
  it("matches the day's completed payouts with the Iris report and lists what only the provider has", async () => {
    await clearQueue();
    const { seller } = await aSellerWithBalance({ available: 90_000 });
    const w = await requestWithdrawal(seller.owner, 90_000);
    await approveBatch(checker, (await createBatch(maker)).id);
    const done = await until("completed", async () => {
      const row = await db().withdrawal.findUniqueOrThrow({ where: { id: w.id } });
      return row.status === "completed" && row;
    });
    // A payout the provider paid that the ledger never heard of (made outside the portal).
    await db().sandboxIrisPayout.create({ data: { referenceNo: "stray0000000000000001", beneficiaryName: "X", beneficiaryAccount: "1234567", beneficiaryBank: "bca", amount: 12_345, status: "completed" } });
    const today = jakartaYesterday(new Date(Date.now() + 86_400_000));
    const csv = await irisSettlementCsv(today);
    expect(csv.split("\r\n")[0]).toBe("reference_no,beneficiary_bank,amount,status,updated_at");
    expect(csv).toContain(`${done.providerReference},bca,90000.00,completed,`);
    const iris = await reconcileReport("iris", today, await (await fetch(`${stack.url}/sandbox/iris/reports/settlement.csv?date=${today}`, { headers: { Authorization: `Basic ${Buffer.from(`${irisConfig().creatorKey}:`).toString("base64")}` } })).text());
    const mine = iris!.differences.filter((d) => d.reference === done.providerReference || d.reference.startsWith("stray"));
    console.log(`[payout] reconciliation ${today}: ${iris!.ledgerRows} ledger payouts, ${iris!.reportRows} report rows, ${iris!.differences.length} differences`);
    expect(mine).toEqual([{ reference: "stray0000000000000001", kind: "missing_in_ledger", ledgerAmount: null, providerAmount: 12_345 }]);
    const listed = await reconciliationDifferences(maker, { open: true });
    const stray = listed.find((d) => d.reference === "stray0000000000000001")!;
    expect(stray).toMatchObject({ provider: "iris", kind: "missing_in_ledger", providerAmount: 12_345 });
    await expect(reconciliationDifferences(seller.owner as never)).rejects.toMatchObject({ code: "forbidden" });
    await resolveDifference(maker, stray.id, "Transfer manual dari dasbor");
    await expect(resolveDifference(maker, stray.id, "lagi")).rejects.toMatchObject({ messageKey: "reconciliation.errors.resolved" });
  });

  it("finds a settlement whose amount differs from the Midtrans report", async () => {
    const { order, paymentNumber } = await aSellerWithBalance({ available: 50_000 }).then(async (r) => ({ ...r, paymentNumber: (await db().payment.findFirstOrThrow({ where: { orders: { some: { id: r.order.id } } } })).paymentNumber }));
    const today = jakartaYesterday(new Date(Date.now() + 86_400_000));
    const csv = `order_id,transaction_id,payment_type,gross_amount,transaction_status,settlement_time\r\n${paymentNumber},t1,bank_transfer,${order.total - 1000}.00,settlement,x\r\n`;
    const result = await reconcileReport("midtrans", today, csv);
    expect(result.differences.find((d) => d.reference === paymentNumber)).toEqual({ reference: paymentNumber, kind: "amount_mismatch", ledgerAmount: order.total, providerAmount: order.total - 1000 });
  });
});
