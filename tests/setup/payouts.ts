import { resetEnvCache } from "../../app/infra/env.server";
import * as notificationRoute from "../../app/routes/payouts.iris.notification";
import * as createRoute from "../../app/routes/sandbox.iris.api.v1.payouts";
import * as detailsRoute from "../../app/routes/sandbox.iris.api.v1.payouts.$referenceNo";
import * as approveRoute from "../../app/routes/sandbox.iris.api.v1.payouts.approve";
import * as rejectRoute from "../../app/routes/sandbox.iris.api.v1.payouts.reject";
import * as reportRoute from "../../app/routes/sandbox.iris.reports.settlement[.]csv";
import { IRIS_DELIVERY, startIrisSandboxWorker } from "../../app/services/sandbox-iris.server";
import { serveRoutes } from "./route-server";

const SETTINGS = ["IRIS_ENV", "IRIS_BASE_URL", "IRIS_NOTIFICATION_URL", "IRIS_SANDBOX_DUPLICATE_RATE", "IRIS_SANDBOX_BANKS_DOWN"];

/**
 * The payout notification route and the embedded Iris sandbox served over real HTTP, with the Iris settings pointed
 * at them: the services reach the sandbox only through the HTTP adapter, as in production.
 */
export async function startPayoutStack(opts: { worker?: boolean; duplicateRate?: number; banksDown?: string } = {}) {
  const app = await serveRoutes([
    ["/sandbox/iris/api/v1/payouts/approve", approveRoute],
    ["/sandbox/iris/api/v1/payouts/reject", rejectRoute],
    ["/sandbox/iris/api/v1/payouts/:referenceNo", detailsRoute],
    ["/sandbox/iris/api/v1/payouts", createRoute],
    ["/sandbox/iris/reports/settlement.csv", reportRoute],
    ["/payouts/iris/notification", notificationRoute],
  ]);
  const saved = Object.fromEntries(SETTINGS.map((k) => [k, process.env[k]]));
  delete process.env.IRIS_ENV;
  process.env.IRIS_BASE_URL = `${app.url}/sandbox/iris`;
  process.env.IRIS_NOTIFICATION_URL = `${app.url}/payouts/iris/notification`;
  process.env.IRIS_SANDBOX_DUPLICATE_RATE = String(opts.duplicateRate ?? 0);
  process.env.IRIS_SANDBOX_BANKS_DOWN = opts.banksDown ?? "";
  resetEnvCache();
  const savedDelay = IRIS_DELIVERY.baseDelayMs;
  IRIS_DELIVERY.baseDelayMs = 30;
  let worker = opts.worker === false ? null : startIrisSandboxWorker({ pollMs: 30 });

  return {
    url: app.url,
    /** Changes a sandbox setting (e.g. IRIS_SANDBOX_BANKS_DOWN) for the rest of the file. */
    set(name: string, value: string) {
      process.env[name] = value;
      resetEnvCache();
    },
    async pauseDelivery() {
      await worker?.stop();
      worker = null;
    },
    resumeDelivery() {
      worker ??= startIrisSandboxWorker({ pollMs: 30 });
    },
    async stop() {
      await worker?.stop();
      await app.close();
      IRIS_DELIVERY.baseDelayMs = savedDelay;
      for (const k of SETTINGS) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
      resetEnvCache();
    },
  };
}
