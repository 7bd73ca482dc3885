import { z } from "zod";

const DEV_SESSION_SECRET = "lapak-development-secret-change-me";

// Without these a production start would sign cookies with the development secret, fail on every KYC page,
// or build mail links from nothing: boot refuses and names each one (see README, production settings).
export const REQUIRED_IN_PRODUCTION = ["SESSION_SECRET", "KYC_ENCRYPTION_KEYS", "APP_URL"] as const;

function isKeySpec(part: string): boolean {
  const [id, b64, ...rest] = part.trim().split(":");
  return Boolean(id) && rest.length === 0 && Buffer.from(b64 ?? "", "base64").length === 32;
}

// Every setting the server reads, checked once. Missing values fall back to the embedded defaults.
const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().positive().default(3000),
    DATABASE_URL: z.string().min(1).optional(),
    DATA_DIR: z.string().default(".data"),
    // Without it the embedded PostgreSQL takes 54329, or the next free port, remembered in DATA_DIR/pg-port.
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    APP_URL: z.url({ protocol: /^https?$/ }).optional(),
    SESSION_SECRET: z.string().min(16).optional(),
    KYC_ENCRYPTION_KEYS: z.string().min(1).optional(),
    STORAGE_DRIVER: z.enum(["disk", "s3"]).optional(),
    S3_BUCKET: z.string().optional(),
    S3_ENDPOINT: z.string().optional(),
    S3_REGION: z.string().default("ap-southeast-3"),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default("Lapak <no-reply@lapak.local>"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    SECURE_COOKIES: z.enum(["true", "false"]).optional(),
    TRUST_PROXY: z.enum(["true", "false"]).default("false"),
    SEED_DEMO: z.enum(["true", "false"]).optional(),
    /** Product photo uploads one shop may make per clock hour. */
    PHOTO_UPLOADS_PER_HOUR: z.coerce.number().int().positive().default(60),
    /** Complaint photo uploads one buyer may make per hour (each order also takes at most 3× the photos a complaint holds a day). */
    COMPLAINT_PHOTO_UPLOADS_PER_HOUR: z.coerce.number().int().positive().default(20),
    /** Visitors' browse pages served from memory (app/infra/page-cache.server.ts). */
    PAGE_CACHE: z.enum(["true", "false"]).default("true"),
    /** Its bound, in MB of compressed pages (least recently used pages go first). */
    PAGE_CACHE_MB: z.coerce.number().positive().max(4096).default(64),
    /** Hours an order may stay unpaid before it expires and its stock goes back. */
    PAYMENT_EXPIRY_HOURS: z.coerce.number().positive().max(24 * 7).default(24),
    /** Buyer's service fee per order, integer rupiah (held in escrow with the order; the platform's at release). */
    BUYER_SERVICE_FEE: z.coerce.number().int().min(0).max(100_000).default(1000),
    /** Dropship: which side the platform's commission comes off at release (supplier or dropshipper). */
    DROPSHIP_COMMISSION_SIDE: z.enum(["supplier", "dropshipper"]).default("supplier"),
    // Payments (Midtrans-shaped). embedded = the sandbox served by this app under /sandbox/midtrans.
    MIDTRANS_ENV: z.enum(["embedded", "sandbox", "production"]).default("embedded"),
    MIDTRANS_SERVER_KEY: z.string().min(1).optional(),
    MIDTRANS_SNAP_URL: z.string().url().optional(),
    MIDTRANS_API_URL: z.string().url().optional(),
    MIDTRANS_NOTIFICATION_URL: z.string().url().optional(),
    /** Embedded sandbox: probability (0..1) that a notification is delivered twice. */
    MIDTRANS_SANDBOX_DUPLICATE_RATE: z.coerce.number().min(0).max(1).default(0.1),
    /** Embedded tracking sandbox: hours from pick-up to delivery. */
    TRACKING_SANDBOX_HOURS: z.coerce.number().positive().default(48),
    /** Working days (WIB, no weekends or holidays) a seller has to ship a paid order. */
    SHIP_BY_WORKING_DAYS: z.coerce.number().int().min(1).max(10).default(2),
    // Payouts (Midtrans Iris-shaped). embedded = the sandbox served by this app under /sandbox/iris.
    IRIS_ENV: z.enum(["embedded", "sandbox", "production"]).default("embedded"),
    /** API key of the Iris "creator" user (creates payouts). */
    IRIS_API_KEY: z.string().min(1).optional(),
    /** API key of the Iris "approver" user (approves payouts). */
    IRIS_APPROVER_KEY: z.string().min(1).optional(),
    /** Merchant key: checks the Iris-Signature of payout notifications. */
    IRIS_MERCHANT_KEY: z.string().min(1).optional(),
    /** Base under which /api/v1/payouts lives (default: the embedded sandbox, or Midtrans' URL for IRIS_ENV). */
    IRIS_BASE_URL: z.string().url().optional(),
    /** Embedded sandbox: where it posts payout notifications (default APP_URL/payouts/iris/notification). */
    IRIS_NOTIFICATION_URL: z.string().url().optional(),
    /** Embedded sandbox: probability (0..1) that a payout notification is delivered twice. */
    IRIS_SANDBOX_DUPLICATE_RATE: z.coerce.number().min(0).max(1).default(0.1),
    /** Embedded sandbox: Iris bank codes (e.g. "bni,bri") whose transfers fail as "bank down". */
    IRIS_SANDBOX_BANKS_DOWN: z.string().default(""),
    /** Smallest withdrawal a seller may ask for, integer rupiah. */
    WITHDRAWAL_MIN_RUPIAH: z.coerce.number().int().min(1).default(50_000),
    /** Days after the tracker said delivered before an order nobody complained about completes by itself. */
    AUTO_COMPLETE_DAYS_AFTER_DELIVERY: z.coerce.number().positive().max(60).default(2),
    /** Days after shipping before an order with no delivery reported completes by itself. */
    AUTO_COMPLETE_DAYS_AFTER_SHIPPING: z.coerce.number().positive().max(60).default(7),
    /** Days each side has to answer a complaint step before the other may ask an admin. */
    COMPLAINT_ANSWER_DAYS: z.coerce.number().positive().max(30).default(2),
    /** Dropship program complaints: days the dropshipper has to forward a complaint to its supplier. */
    DROPSHIP_COMPLAINT_FORWARD_DAYS: z.coerce.number().positive().max(30).default(1),
    /** Dropship program complaints: days the supplier has to decide (and to confirm a return arrived). */
    DROPSHIP_COMPLAINT_SUPPLIER_DAYS: z.coerce.number().positive().max(30).default(2),
    /** PPh 22 withholding on seller income (PMK 37/2025), for sellers who declared they are over the yearly threshold. */
    PPH22_ENABLED: z.enum(["true", "false"]).default("false"),
    /** PPh 22 rate in basis points of the goods value (50 = 0.5 %). */
    PPH22_RATE_BPS: z.coerce.number().int().min(0).max(1000).default(50),
    /** `test`: cheap argon2 parameters for the test suite's thousands of sign-ups and log-ins; refused in production. */
    PASSWORD_HASH_COST: z.enum(["standard", "test"]).default("standard"),
  })
  .superRefine((e, ctx) => {
    if (e.KYC_ENCRYPTION_KEYS && !e.KYC_ENCRYPTION_KEYS.split(",").every(isKeySpec)) {
      ctx.addIssue({ code: "custom", path: ["KYC_ENCRYPTION_KEYS"], message: "must be id:base64(32 bytes) pairs, comma-separated" });
    }
    if (e.NODE_ENV !== "production") return;
    for (const name of REQUIRED_IN_PRODUCTION) {
      if (!e[name]) ctx.addIssue({ code: "custom", path: [name], message: "required in production" });
    }
    if (e.SESSION_SECRET === DEV_SESSION_SECRET) ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "the development value is refused in production" });
    // Demo accounts share a password printed in the README: never in production.
    if (e.SEED_DEMO === "true") ctx.addIssue({ code: "custom", path: ["SEED_DEMO"], message: "demo data (accounts with a published password) is refused in production" });
    if (e.PASSWORD_HASH_COST !== "standard") ctx.addIssue({ code: "custom", path: ["PASSWORD_HASH_COST"], message: "weak password hashing is for tests only, refused in production" });
  })
  .transform((e) => ({ ...e, SESSION_SECRET: e.SESSION_SECRET ?? DEV_SESSION_SECRET }));

export type Env = z.infer<typeof EnvSchema>;

/** Checks a set of variables; the error names every bad or missing setting. */
export function parseEnv(vars: Record<string, string | undefined>): Env {
  const parsed = EnvSchema.safeParse(vars);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}

// Kept on globalThis, not in the module: the server build carries its own copy of this module, and a test that
// changes process.env must reset the copy the routes read as well as its own.
const ENV_CACHE = Symbol.for("lapak.env");
const cache = globalThis as unknown as { [ENV_CACHE]?: Env };

export function env(): Env {
  cache[ENV_CACHE] ??= parseEnv(process.env);
  return cache[ENV_CACHE];
}

/**
 * The origin (scheme://host[:port]) of every absolute link the app writes: mail links, canonical and og URLs,
 * payment callbacks. From configuration only, never from a request header: APP_URL (required in production),
 * else http://localhost:$PORT in development and tests.
 */
export function appOrigin(): string {
  const e = env();
  return e.APP_URL ? new URL(e.APP_URL).origin : `http://localhost:${e.PORT}`;
}

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides an embedded PostgreSQL");
  return url;
}

export function secureCookies(): boolean {
  const e = env();
  if (e.SECURE_COOKIES) return e.SECURE_COOKIES === "true";
  return e.NODE_ENV === "production";
}

/** Demo data (accounts with the README's password) only outside production, and only unless SEED_DEMO=false. */
export function seedDemoWanted(): boolean {
  const e = env();
  return e.NODE_ENV !== "production" && e.SEED_DEMO !== "false";
}

/** Tests reset the cache after changing process.env. */
export function resetEnvCache() {
  delete cache[ENV_CACHE];
}
