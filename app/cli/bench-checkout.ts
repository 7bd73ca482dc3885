/**
 * Checkout bench: checkouts per second from cart to settled payment, notification included, at N connections.
 *
 * Each connection is one buyer in a loop: add two products from two shops to the cart (service) → place the
 * order (service: one payment, two orders, stock reserved) → open the payment (HTTP to the embedded Midtrans
 * sandbox served by the built app) → choose BCA VA and press "Bayar" on the sandbox page (HTTP) → wait until the
 * sandbox's signed notification has reached the app's notification route, which confirms with the status API
 * (HTTP) and settles the payment with its ledger entry. Latency is that whole round trip.
 */
import http from "node:http";
import { pathToFileURL } from "node:url";

interface Options {
  buildFile: string;
  connections: number;
  seconds: number;
  say: (line?: string) => void;
  /** Listening already, answering nothing yet; APP_URL points to it (bench.ts sets it before the app's modules load). */
  server: http.Server;
}

function percentile(sorted: number[], q: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export async function benchCheckout({ buildFile, connections, seconds, say, server }: Options) {
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const build = await import(pathToFileURL(buildFile).href);
  const { createApp } = await import("./server");
  const app = createApp(build);
  server.on("request", app);
  const { startSandboxWorker } = await import("~/services/sandbox-midtrans.server");
  const worker = startSandboxWorker({ pollMs: 20 });

  const { db } = await import("~/infra/db.server");
  const { hashPassword } = await import("~/infra/password.server");
  const { addAddress } = await import("~/services/addresses.server");
  const { addToCart } = await import("~/services/cart.server");
  const { checkoutAll } = await import("./bench-checkout-flow");
  const { startPayment } = await import("~/services/payments.server");

  try {
    // Products of many approved shops, so checkouts do not all queue on one product row (a flash sale would).
    const products = await db().$queryRaw<{ id: string; shop_id: string }[]>`
      SELECT DISTINCT ON (p.shop_id) p.id, p.shop_id FROM products p JOIN shops s ON s.id = p.shop_id
      WHERE p.status = 'active' AND s.status = 'approved' AND p.variant_type1 IS NULL AND p.min_order = 1 ORDER BY p.shop_id, p.id LIMIT 200`;
    if (products.length < 2) {
      say("Checkout: skipped (needs two approved shops with a simple product)");
      return;
    }
    await db().product.updateMany({ where: { id: { in: products.map((p) => p.id) } }, data: { stock: 10_000_000 } });
    let turn = 0;
    /** Two products of two different shops, a different pair each time. */
    const nextPair = () => {
      const a = products[turn++ % products.length];
      const b = products[(turn * 7 + 3) % products.length];
      return b.shop_id === a.shop_id ? [a] : [a, b];
    };
    const passwordHash = await hashPassword("bench-password-123");
    const buyers: { user: { id: string }; address: { id: string } }[] = [];
    for (let i = 0; i < connections; i++) {
      const user = await db().user.create({ data: { email: `bench-buyer-${Date.now()}-${i}@lapak.test`, name: `Pembeli Bench ${i}`, passwordHash } });
      const address = await addAddress(user.id, { label: "Rumah", recipient: user.name, phone: "+6281234567000", provinceCode: "35", regencyCode: "3578", district: "Gubeng", postalCode: "60281", street: "Jl. Kertajaya No. 10", isDefault: true });
      buyers.push({ user, address });
    }

    async function oneCheckout(buyer: (typeof buyers)[number]) {
      const t0 = performance.now();
      for (const p of nextPair()) await addToCart({ userId: buyer.user.id }, buyer.user.id, { productId: p.id, variantId: null, quantity: 1 });
      const placed = await checkoutAll(buyer.user, buyer.address.id);
      const t1 = performance.now();
      const redirectUrl = await startPayment(buyer.user.id, placed.paymentNumber);
      const t2 = performance.now();
      const pagePath = new URL(redirectUrl).pathname;
      const steps: Record<string, string>[] = [{ intent: "choose", method: "bca" }, { intent: "pay" }];
      for (const body of steps) {
        const res = await fetch(`${base}${pagePath}`, { method: "POST", body: new URLSearchParams(body), redirect: "manual" });
        await res.arrayBuffer();
        if (res.status !== 302) throw new Error(`sandbox page answered ${res.status}`);
      }
      const t3 = performance.now();
      for (let i = 0; ; i++) {
        const p = await db().payment.findUnique({ where: { id: placed.paymentId }, select: { status: true } });
        if (p?.status === "settled") break;
        if (i > 3000) throw new Error(`payment ${placed.paymentNumber} not settled after 30 s`);
        await new Promise((r) => setTimeout(r, 10));
      }
      const t4 = performance.now();
      return { total: t4 - t0, checkout: t1 - t0, snap: t2 - t1, pay: t3 - t2, settle: t4 - t3 };
    }

    // One warm-up checkout per buyer, not counted.
    await Promise.all(buyers.map((b) => oneCheckout(b)));
    const results: Awaited<ReturnType<typeof oneCheckout>>[] = [];
    let errors = 0;
    const firstError: string[] = [];
    const end = Date.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      buyers.map(async (b) => {
        while (Date.now() < end) {
          try {
            results.push(await oneCheckout(b));
          } catch (error) {
            errors++;
            if (firstError.length < 3) firstError.push((error as Error).message);
          }
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const col = (k: keyof (typeof results)[number]) => results.map((r) => r[k]).sort((a, b) => a - b);
    const f = (n: number) => (Number.isNaN(n) ? "-" : n.toFixed(0));
    const total = col("total");
    say();
    say(`Checkout: cart → order → Snap → sandbox "Bayar" → notification → status check → settled (2 shops of up to 200, 2 orders per payment), ${connections} connections, ${seconds}s`);
    say(`  ${results.length} checkouts in ${elapsed.toFixed(1)}s = ${(results.length / elapsed).toFixed(1)} checkouts/s (${((2 * results.length) / elapsed).toFixed(1)} orders/s); ${errors} errors${firstError.length ? ` (${firstError.join("; ")})` : ""}`);
    say(`  latency ms: p50 ${f(percentile(total, 0.5))}  p95 ${f(percentile(total, 0.95))}  p99 ${f(percentile(total, 0.99))}`);
    say(
      `  p95 by step ms: cart+checkout ${f(percentile(col("checkout"), 0.95))}  Snap create ${f(percentile(col("snap"), 0.95))}  sandbox page ${f(percentile(col("pay"), 0.95))}  until settled ${f(percentile(col("settle"), 0.95))}`,
    );
    const ledger = await db().$queryRaw<{ total: bigint }[]>`SELECT COALESCE(SUM(amount), 0)::bigint AS total FROM journal_lines`;
    say(`  ledger: sum of all lines ${String(ledger[0].total)} (must be 0)`);
  } finally {
    await worker.stop();
    server.off("request", app);
  }
}
