import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/infra/db.server";
import { ledgerTotal, lowestSellerBalance } from "../../app/models/ledger.server";
import { approveBatch, resumePayoutWork } from "../../app/services/payouts.server";
import { aSellerWithBalance } from "../factories/balances";
import { aUser } from "../factories/users";
import { until } from "../setup/buying";
import { runChildUntilKilled } from "../setup/crash";
import { startPayoutStack } from "../setup/payouts";

// A process doing withdrawals, batches and approvals is killed with SIGKILL at a random point, many times; after
// each restart (the resume job, the checker approving what was left) every payout is paid once and the ledger holds.

const RUNS = Number(process.env.PAYOUT_CRASH_RUNS ?? 8);
let stack: Awaited<ReturnType<typeof startPayoutStack>>;

beforeAll(async () => {
  stack = await startPayoutStack({ worker: true, duplicateRate: 0.3 });
});
afterAll(async () => {
  await stack?.stop();
});

describe("SIGKILL during payouts", () => {
  it(`after ${RUNS} random kills every withdrawal is paid at most once and the ledger balances`, async () => {
    const maker = await aUser({ admin: true, name: "Admin Pembuat" });
    const checker = await aUser({ admin: true, name: "Admin Penyetuju" });
    const sellers = [];
    for (let i = 0; i < 4; i++) sellers.push(await aSellerWithBalance());
    const killPoints: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Killed once the child has done some work (k new withdrawals), a random moment later: a fixed time after
      // start could end before the child did anything on a loaded machine, and then the run would prove nothing.
      const before = await db().withdrawal.count();
      const k = 1 + Math.floor(Math.random() * 3); // 4 sellers × ~160,000 hold 64 withdrawals of 10,000; 8 runs take about 30
      const ms = Math.floor(Math.random() * 300);
      killPoints.push(`+${k}w+${ms}ms`);
      await runChildUntilKilled(
        "tests/setup/payout-crash-child.ts",
        [maker.id, checker.id, ...sellers.map((s) => s.seller.owner.id)],
        async () => {
          await until("withdrawals under way", async () => (await db().withdrawal.count()) >= before + k, 60_000);
          await new Promise((r) => setTimeout(r, ms));
        },
        { WITHDRAWAL_MIN_RUPIAH: "10000" },
      );
      // Restart: approve batches the killed checker left, resume provider work, wait for the outcomes.
      for (const b of await db().payoutBatch.findMany({ where: { status: "created" } })) await approveBatch(checker, b.id).catch(() => undefined);
      await until("every open withdrawal finished", async () => {
        await resumePayoutWork();
        return (await db().withdrawal.count({ where: { status: { in: ["batched", "sent"] } } })) === 0;
      }, 30_000);
    }
    // Requested withdrawals never batched are fine (the next batch takes them); all others are final.
    const withdrawals = await db().withdrawal.findMany({ where: { status: { notIn: ["requested"] } } });
    const entries = await db().journalEntry.findMany({ where: { referenceType: "payout" }, select: { idempotencyKey: true } });
    const keys = new Set(entries.map((e) => e.idempotencyKey));
    let doubles = 0;
    for (const w of withdrawals) {
      const done = keys.has(`payout-done:${w.id}`);
      const failed = keys.has(`payout-failed:${w.id}`);
      if (done && failed) doubles++;
      expect(done).toBe(w.status === "completed");
    }
    // Paid once at the provider: completed sandbox payouts per withdrawal number.
    const paid = await db().sandboxIrisPayout.groupBy({ by: ["notes"], where: { status: "completed" }, _count: true });
    const paidTwice = paid.filter((p) => p._count > 1).length;
    const orphans = await db().sandboxIrisPayout.count({ where: { status: "queued" } });
    console.log(
      `[payout] SIGKILL ×${RUNS} at ${killPoints.join(",")} → ${withdrawals.length} withdrawals finished (${withdrawals.filter((w) => w.status === "completed").length} completed), ${paidTwice} paid twice, ${doubles} both paid and returned, ${orphans} unapproved orphan payouts at the provider, ledger total ${await ledgerTotal()}`,
    );
    expect(withdrawals.length).toBeGreaterThanOrEqual(RUNS);
    expect(paidTwice).toBe(0);
    expect(doubles).toBe(0);
    expect(paid.length).toBe(withdrawals.filter((w) => w.status === "completed").length);
    expect(await ledgerTotal()).toBe(0);
    expect(await lowestSellerBalance()).toBe(0);
  }, 240_000);
});
