// Child process of tests/integration/release-crash.test.ts: completes the given orders both ways at once (two loops
// of buyers pressing "Pesanan Diterima" in random order, and the auto-complete job), over and over, until the parent
// kills it with SIGKILL at a random moment.
import { db } from "../../app/infra/db.server";
import { autoCompleteOrders, confirmReceipt } from "../../app/services/order-completion.server";

const orders = JSON.parse(process.argv[2]) as { buyerId: string; orderNumber: string }[];
const complain = (what: string) => (e: unknown) => void process.stderr.write(`${what}: ${(e as Error).message}\n`);

async function buyers() {
  for (;;) {
    for (const o of [...orders].sort(() => Math.random() - 0.5)) await confirmReceipt(o.buyerId, o.orderNumber).catch(complain("confirm"));
  }
}
async function job() {
  for (;;) await autoCompleteOrders().catch(complain("job"));
}

await db().$queryRaw`SELECT 1`;
process.stdout.write("ready\n");
await Promise.all([buyers(), buyers(), job()]);
