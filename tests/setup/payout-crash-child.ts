// Child process of tests/integration/payout-crash.test.ts: withdraws for every seller, makes a batch and approves
// it, over and over, until the parent kills it with SIGKILL at a random moment.
import { approveBatch, createBatch } from "../../app/services/payouts.server";
import { requestWithdrawal } from "../../app/services/withdrawals.server";
import { db } from "../../app/infra/db.server";

const [makerId, checkerId, ...sellerIds] = process.argv.slice(2);
const maker = { id: makerId, isAdmin: true };
const checker = { id: checkerId, isAdmin: true };
await db().$queryRaw`SELECT 1`;
process.stdout.write("ready\n");
for (;;) {
  for (const id of sellerIds) await requestWithdrawal({ id }, 10_000).catch((e) => process.stderr.write(`withdraw: ${(e as Error).message}\n`));
  const batch = await createBatch(maker).catch((e) => (process.stderr.write(`batch: ${(e as Error).message}\n`), null));
  if (batch) await approveBatch(checker, batch.id).catch(() => undefined);
}
