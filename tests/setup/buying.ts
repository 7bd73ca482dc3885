import { afterEach, expect } from "vitest";
import { resetEnvCache } from "../../app/infra/env.server";
import { ledgerTotal } from "../../app/models/ledger.server";
import * as notificationRoute from "../../app/routes/payments.midtrans.notification";
import * as payRoute from "../../app/routes/sandbox.midtrans.pay.$token";
import * as snapRoute from "../../app/routes/sandbox.midtrans.snap.v1.transactions";
import * as hookRoute from "../../app/routes/sandbox.midtrans.test.$hook";
import * as refundRoute from "../../app/routes/sandbox.midtrans.v2.$orderId.refund";
import * as statusRoute from "../../app/routes/sandbox.midtrans.v2.$orderId.status";
import { midtransServerKey } from "../../app/infra/payments/gateway.server";
import { DELIVERY, startSandboxWorker } from "../../app/services/sandbox-midtrans.server";
import { serveRoutes } from "./route-server";

/** After every order test: the ledger's lines sum to zero (each entry does, so all of them must). */
export function checkLedgerAfterEach() {
  afterEach(async () => {
    expect(await ledgerTotal()).toBe(0);
  });
}

/**
 * The portal's payment routes and the embedded Midtrans sandbox served over real HTTP, with the gateway settings
 * pointed at them: the services reach the sandbox only through the HTTP adapter, as in production.
 */
export async function startPaymentStack(opts: { worker?: boolean; duplicateRate?: number } = {}) {
  const app = await serveRoutes([
    ["/sandbox/midtrans/snap/v1/transactions", snapRoute],
    ["/sandbox/midtrans/v2/:orderId/status", statusRoute],
    ["/sandbox/midtrans/v2/:orderId/refund", refundRoute],
    ["/sandbox/midtrans/test/:hook", hookRoute],
    ["/sandbox/midtrans/pay/:token", payRoute],
    ["/payments/midtrans/notification", notificationRoute],
  ]);
  const saved = { ...process.env };
  delete process.env.MIDTRANS_ENV;
  process.env.MIDTRANS_SNAP_URL = `${app.url}/sandbox/midtrans`;
  process.env.MIDTRANS_API_URL = `${app.url}/sandbox/midtrans`;
  process.env.MIDTRANS_NOTIFICATION_URL = `${app.url}/payments/midtrans/notification`;
  process.env.MIDTRANS_SANDBOX_DUPLICATE_RATE = String(opts.duplicateRate ?? 0);
  resetEnvCache();
  const savedDelay = DELIVERY.baseDelayMs;
  DELIVERY.baseDelayMs = 30;
  let worker = opts.worker === false ? null : startSandboxWorker({ pollMs: 30 });

  async function hook(name: string, body: object) {
    const res = await fetch(`${app.url}/sandbox/midtrans/test/${name}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Basic ${Buffer.from(`${midtransServerKey()}:`).toString("base64")}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  /** Posts a notification body to the portal over HTTP, as the gateway does. */
  async function notify(body: object) {
    const res = await fetch(`${app.url}/payments/midtrans/notification`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  /** The payer picks a bank VA on the sandbox page and presses "Bayar". */
  async function payVa(redirectUrl: string, bank = "bca") {
    const path = new URL(redirectUrl).pathname;
    const choose = await fetch(`${app.url}${path}`, { method: "POST", body: new URLSearchParams({ intent: "choose", method: bank }), redirect: "manual" });
    const pay = await fetch(`${app.url}${path}`, { method: "POST", body: new URLSearchParams({ intent: "pay" }), redirect: "manual" });
    return { choose: choose.status, pay: pay.status };
  }

  return {
    url: app.url,
    hook,
    notify,
    payVa,
    /** Holds the sandbox's own notifications back (they stay queued), so a test can send its own. */
    async pauseDelivery() {
      await worker?.stop();
      worker = null;
    },
    resumeDelivery() {
      worker ??= startSandboxWorker({ pollMs: 30 });
    },
    async stop() {
      await worker?.stop();
      await app.close();
      DELIVERY.baseDelayMs = savedDelay;
      for (const k of ["MIDTRANS_SNAP_URL", "MIDTRANS_API_URL", "MIDTRANS_NOTIFICATION_URL", "MIDTRANS_SANDBOX_DUPLICATE_RATE", "MIDTRANS_ENV"]) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
      resetEnvCache();
    },
  };
}

export async function until<T>(what: string, fn: () => Promise<T | undefined | null | false> | T | undefined | null | false, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 30));
  }
}
