import { z } from "zod";

// Every setting the server reads, checked once. Missing values fall back to the embedded defaults.
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().positive().default(3000),
  DATABASE_URL: z.string().min(1).optional(),
  DATA_DIR: z.string().default(".data"),
  // Without it the embedded PostgreSQL takes 54329, or the next free port, remembered in DATA_DIR/pg-port.
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).optional(),
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

/** Tests reset the cache after changing process.env. */
export function resetEnvCache() {
  cached = undefined;
}
