/**
 * The one door to the payout provider: a small fetch adapter for the documented Midtrans Iris (Payouts) HTTP API:
 * create payouts (creator key), approve or reject them (approver key), get a payout's details. Authentication is
 * HTTP Basic with the API key as user and an empty password. The embedded sandbox (/sandbox/iris) implements the same API,
 * so a real Iris account is a matter of settings (IRIS_ENV, IRIS_API_KEY, IRIS_APPROVER_KEY, IRIS_MERCHANT_KEY).
 */
import { appOrigin, env } from "~/infra/env.server";
import { logger } from "~/infra/logger.server";
import { formatIrisAmount, isIrisStatus, parseIrisAmount, type IrisStatus } from "~/domain/payouts/iris";

export interface PayoutRequest {
  beneficiaryName: string;
  beneficiaryAccount: string;
  beneficiaryBank: string;
  amount: number;
  notes: string;
}

export interface PayoutDetails {
  referenceNo: string;
  amount: number;
  status: IrisStatus;
  errorCode?: string;
  errorMessage?: string;
}

export interface PayoutProvider {
  /** One reference_no per payout, in the order given. */
  createPayouts(payouts: PayoutRequest[]): Promise<{ referenceNo: string; status: IrisStatus }[]>;
  approvePayouts(referenceNos: string[]): Promise<void>;
  /** Only payouts still waiting for approval ("queued"); the provider refuses the request otherwise. */
  rejectPayouts(referenceNos: string[], reason: string): Promise<void>;
  /** null when the provider does not know the reference. */
  getPayout(referenceNo: string): Promise<PayoutDetails | null>;
}

export class PayoutProviderError extends Error {
  constructor(
    message: string,
    public readonly httpStatus: number,
    /** Per-payout errors of a refused create, by index. */
    public readonly errors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "PayoutProviderError";
  }
}

export const EMBEDDED_IRIS_KEYS = { creator: "IRIS-creator-lapak-embedded", approver: "IRIS-approver-lapak-embedded", merchant: "IRIS-merchant-lapak-embedded" } as const;
const REAL_URLS = { sandbox: "https://app.sandbox.midtrans.com/iris", production: "https://app.midtrans.com/iris" } as const;

export interface IrisConfig {
  baseUrl: string;
  creatorKey: string;
  approverKey: string;
  merchantKey: string;
  timeoutMs?: number;
}

function key(name: "IRIS_API_KEY" | "IRIS_APPROVER_KEY" | "IRIS_MERCHANT_KEY", embedded: string): string {
  const e = env();
  const value = e[name];
  if (value) return value;
  if (e.IRIS_ENV !== "embedded") throw new Error(`${name} is required when IRIS_ENV=${e.IRIS_ENV}`);
  return embedded;
}

export function irisConfig(): IrisConfig {
  const e = env();
  const base = e.IRIS_BASE_URL ?? (e.IRIS_ENV === "embedded" ? `${appOrigin()}/sandbox/iris` : REAL_URLS[e.IRIS_ENV]);
  return {
    baseUrl: base.replace(/\/+$/, ""),
    creatorKey: key("IRIS_API_KEY", EMBEDDED_IRIS_KEYS.creator),
    approverKey: key("IRIS_APPROVER_KEY", EMBEDDED_IRIS_KEYS.approver),
    merchantKey: key("IRIS_MERCHANT_KEY", EMBEDDED_IRIS_KEYS.merchant),
  };
}

export function irisNotificationUrl(): string {
  return env().IRIS_NOTIFICATION_URL ?? `${appOrigin()}/payouts/iris/notification`;
}

let override: PayoutProvider | undefined;

export function payoutProvider(): PayoutProvider {
  return override ?? createIrisProvider(irisConfig());
}

/** Tests only: route calls to another provider and restore with `undefined`. */
export function setPayoutProviderForTests(provider: PayoutProvider | undefined) {
  override = provider;
}

function basic(k: string) {
  return `Basic ${Buffer.from(`${k}:`).toString("base64")}`;
}

export function createIrisProvider(config: IrisConfig): PayoutProvider {
  async function call(method: "GET" | "POST", path: string, apiKey: string, body?: unknown) {
    const started = Date.now();
    let response: Response;
    try {
      response = await fetch(`${config.baseUrl}${path}`, {
        method,
        headers: { Accept: "application/json", "Content-Type": "application/json", Authorization: basic(apiKey) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(config.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw new PayoutProviderError(`payout provider unreachable: ${(error as Error).message}`, 0);
    }
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      // a proxy's HTML error page: keep the HTTP status
    }
    logger.debug({ method, path: path.replace(/payouts\/[^/]+$/, "payouts/:ref"), status: response.status, ms: Date.now() - started }, "iris call");
    return { status: response.status, json };
  }

  return {
    async createPayouts(payouts) {
      const body = {
        payouts: payouts.map((p) => ({
          beneficiary_name: p.beneficiaryName,
          beneficiary_account: p.beneficiaryAccount,
          beneficiary_bank: p.beneficiaryBank,
          amount: formatIrisAmount(p.amount),
          notes: p.notes.slice(0, 100),
        })),
      };
      const { status, json } = await call("POST", "/api/v1/payouts", config.creatorKey, body);
      const list = Array.isArray(json.payouts) ? (json.payouts as Record<string, unknown>[]) : null;
      if (status !== 201 || !list || list.length !== payouts.length) {
        throw new PayoutProviderError(str(json.error_message) ?? "create payouts failed", status, (json.errors as Record<string, string[]>) ?? {});
      }
      return list.map((p) => {
        if (typeof p.reference_no !== "string" || !isIrisStatus(p.status)) throw new PayoutProviderError("create payouts: reference_no or status missing", status);
        return { referenceNo: p.reference_no, status: p.status };
      });
    },

    async approvePayouts(referenceNos) {
      // Iris asks for an OTP when the approver has 2FA; API approvers without it send none.
      const { status, json } = await call("POST", "/api/v1/payouts/approve", config.approverKey, { reference_nos: referenceNos });
      if (status !== 202 && status !== 200) throw new PayoutProviderError(str(json.error_message) ?? "approve payouts failed", status, (json.errors as Record<string, string[]>) ?? {});
    },

    async rejectPayouts(referenceNos, reason) {
      const { status, json } = await call("POST", "/api/v1/payouts/reject", config.approverKey, { reference_nos: referenceNos, reject_reason: reason.slice(0, 100) });
      if (status !== 202 && status !== 200) throw new PayoutProviderError(str(json.error_message) ?? "reject payouts failed", status, (json.errors as Record<string, string[]>) ?? {});
    },

    async getPayout(referenceNo) {
      const { status, json } = await call("GET", `/api/v1/payouts/${encodeURIComponent(referenceNo)}`, config.creatorKey);
      if (status === 404) return null;
      const amount = parseIrisAmount(json.amount);
      if (status !== 200 || !isIrisStatus(json.status) || amount === null) throw new PayoutProviderError(str(json.error_message) ?? "payout details failed", status);
      return { referenceNo, amount, status: json.status, errorCode: str(json.error_code), errorMessage: str(json.error_message) };
    },
  };
}

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}
