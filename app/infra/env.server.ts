import { z } from "zod";

// Every setting the server reads, checked once. Missing values fall back to the embedded defaults.
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().positive().default(3000),
  DATABASE_URL: z.string().min(1).optional(),
  DATA_DIR: z.string().default(".data"),
  /** Hours an order may stay unpaid before it expires and its stock goes back. */
  PAYMENT_EXPIRY_HOURS: z.coerce.number().positive().max(24 * 7).default(24),
  /** Buyer's service fee per order, integer rupiah (held in escrow with the order; the platform's at release). */
  BUYER_SERVICE_FEE: z.coerce.number().int().min(0).max(100_000).default(1000),
  APP_URL: z.string().url().optional(),
  SESSION_SECRET: z.string().min(16).default("lapak-development-secret-change-me"),
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
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    }
    cached = parsed.data;
  }
  return cached;
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

/**
 * The portal's own public origin (no trailing slash). Same name and signature as on branch wt-auth, so the merge
 * keeps one of the two.
 */
export function appOrigin(): string {
  return (process.env.APP_URL ?? `http://localhost:${env().PORT}`).replace(/\/+$/, "");
}

/** Tests reset the cache after changing process.env. */
export function resetEnvCache() {
  cached = undefined;
}
