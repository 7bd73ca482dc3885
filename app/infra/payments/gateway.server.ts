/**
 * The one door to the payment gateway: a small fetch adapter for the documented Midtrans HTTP API (Snap create,
 * status, refund). The embedded sandbox (/sandbox/midtrans) implements the same API, so switching to a real
 * Midtrans account is a matter of settings (MIDTRANS_ENV, MIDTRANS_SERVER_KEY). Why not `midtrans-client`:
 * docs/decisions/0009-midtrans-adapter.md.
 */
import { appOrigin, env } from "~/infra/env.server";
import { logger } from "~/infra/logger.server";
import { formatGrossAmount, formatMidtransTime, isTransactionStatus, parseGrossAmount, type MidtransStatus } from "~/domain/payments/midtrans";

export interface CreateTransactionInput {
  orderId: string;
  grossAmount: number;
  customer: { name: string; email: string; phone?: string };
  items: { id: string; name: string; price: number; quantity: number }[];
  expiryMinutes: number;
  /** When the payment window starts (Snap `expiry.start_time`); the gateway's own clock when absent. */
  expiryStart?: Date;
  finishUrl: string;
}

export interface PaymentGateway {
  createTransaction(input: CreateTransactionInput): Promise<{ token: string; redirectUrl: string }>;
  /** null when the gateway does not know the order (404). */
  getStatus(orderId: string): Promise<MidtransStatus | null>;
  refund(orderId: string, input: { refundKey: string; amount: number; reason: string }): Promise<{ refundKey: string; amount: number }>;
}

export class PaymentGatewayError extends Error {
  constructor(
    message: string,
    public readonly httpStatus: number,
    public readonly statusCode?: string,
  ) {
    super(message);
    this.name = "PaymentGatewayError";
  }
}

export const EMBEDDED_SERVER_KEY = "SB-Mid-server-lapak-embedded";
const REAL_URLS = {
  sandbox: { snap: "https://app.sandbox.midtrans.com", api: "https://api.sandbox.midtrans.com" },
  production: { snap: "https://app.midtrans.com", api: "https://api.midtrans.com" },
} as const;

export interface MidtransConfig {
  serverKey: string;
  /** Base under which `/snap/v1/transactions` lives. */
  snapUrl: string;
  /** Base under which `/v2/{order_id}/status` lives. */
  apiUrl: string;
  /** Sent as X-Override-Notification so the gateway posts notifications here. */
  notificationUrl?: string;
  timeoutMs?: number;
}

export function midtransServerKey(): string {
  const e = env();
  if (e.MIDTRANS_SERVER_KEY) return e.MIDTRANS_SERVER_KEY;
  if (e.MIDTRANS_ENV !== "embedded") throw new Error(`MIDTRANS_SERVER_KEY is required when MIDTRANS_ENV=${e.MIDTRANS_ENV}`);
  return EMBEDDED_SERVER_KEY;
}

export function midtransConfig(): MidtransConfig {
  const e = env();
  const embedded = `${appOrigin()}/sandbox/midtrans`;
  const real = e.MIDTRANS_ENV === "embedded" ? null : REAL_URLS[e.MIDTRANS_ENV];
  return {
    serverKey: midtransServerKey(),
    snapUrl: trimSlash(e.MIDTRANS_SNAP_URL ?? real?.snap ?? embedded),
    apiUrl: trimSlash(e.MIDTRANS_API_URL ?? real?.api ?? embedded),
    notificationUrl: e.MIDTRANS_NOTIFICATION_URL ?? `${appOrigin()}/payments/midtrans/notification`,
  };
}

let override: PaymentGateway | undefined;

/** The gateway built from the environment (or the one a test installed). */
export function paymentGateway(): PaymentGateway {
  return override ?? createMidtransGateway(midtransConfig());
}

/** Tests only: route calls to another gateway (e.g. one that fails) and restore with `undefined`. */
export function setPaymentGatewayForTests(gateway: PaymentGateway | undefined) {
  override = gateway;
}

export function createMidtransGateway(config: MidtransConfig): PaymentGateway {
  const authorization = `Basic ${Buffer.from(`${config.serverKey}:`).toString("base64")}`;

  async function call(method: "GET" | "POST", url: string, body?: unknown, extraHeaders: Record<string, string> = {}) {
    const started = Date.now();
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { Accept: "application/json", "Content-Type": "application/json", Authorization: authorization, ...extraHeaders },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(config.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw new PaymentGatewayError(`gateway unreachable: ${(error as Error).message}`, 0);
    }
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      // a proxy's HTML error page: keep the HTTP status
    }
    logger.debug({ method, url: url.replace(/\/v2\/[^/]+/, "/v2/:order"), status: response.status, ms: Date.now() - started }, "midtrans call");
    return { status: response.status, json };
  }

  return {
    async createTransaction(input) {
      const body = {
        transaction_details: { order_id: input.orderId, gross_amount: input.grossAmount },
        customer_details: { first_name: input.customer.name, email: input.customer.email, phone: input.customer.phone },
        item_details: input.items.map((i) => ({ id: i.id, name: i.name.slice(0, 50), price: i.price, quantity: i.quantity })),
        expiry: { ...(input.expiryStart ? { start_time: formatMidtransTime(input.expiryStart) } : {}), unit: "minutes", duration: input.expiryMinutes },
        callbacks: { finish: input.finishUrl },
      };
      const headers: Record<string, string> = config.notificationUrl ? { "X-Override-Notification": config.notificationUrl } : {};
      const { status, json } = await call("POST", `${config.snapUrl}/snap/v1/transactions`, body, headers);
      if (status !== 201 && status !== 200) throw new PaymentGatewayError(errorText(json, "snap create failed"), status);
      if (typeof json.token !== "string" || typeof json.redirect_url !== "string") {
        throw new PaymentGatewayError("snap create: token or redirect_url missing", status);
      }
      return { token: json.token, redirectUrl: json.redirect_url };
    },

    async getStatus(orderId) {
      const { status, json } = await call("GET", `${config.apiUrl}/v2/${encodeURIComponent(orderId)}/status`);
      // Midtrans answers an unknown order with status_code "404" (in the body, sometimes with HTTP 200).
      if (status === 404 || json.status_code === "404") return null;
      if (status !== 200 || !isTransactionStatus(json.transaction_status)) {
        throw new PaymentGatewayError(errorText(json, "status failed"), status, str(json.status_code));
      }
      return json as unknown as MidtransStatus;
    },

    async refund(orderId, input) {
      const body = { refund_key: input.refundKey, amount: input.amount, reason: input.reason.slice(0, 255) };
      const { status, json } = await call("POST", `${config.apiUrl}/v2/${encodeURIComponent(orderId)}/refund`, body);
      if (status !== 200 || (json.status_code !== "200" && json.status_code !== "201")) {
        throw new PaymentGatewayError(errorText(json, "refund failed"), status, str(json.status_code));
      }
      const amount = parseGrossAmount(json.refund_amount) ?? input.amount;
      return { refundKey: str(json.refund_key) ?? input.refundKey, amount };
    },
  };
}

function trimSlash(url: string) {
  return url.replace(/\/+$/, "");
}

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

function errorText(json: Record<string, unknown>, fallback: string): string {
  if (Array.isArray(json.error_messages)) return json.error_messages.join("; ");
  return str(json.status_message) ?? fallback;
}

export { formatGrossAmount };
