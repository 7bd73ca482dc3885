import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

const KEY = `k1:${Buffer.alloc(32, 1).toString("base64")}`;
const PRODUCTION = { NODE_ENV: "production", SESSION_SECRET: "a-long-production-secret", KYC_ENCRYPTION_KEYS: KEY, APP_URL: "https://lapak.example.id" };

describe("settings checked at boot", () => {
  it("refuses a production start without SESSION_SECRET, KYC_ENCRYPTION_KEYS and APP_URL, naming each", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET: required in production.*KYC_ENCRYPTION_KEYS: required in production.*APP_URL: required in production/);
    expect(() => parseEnv({ ...PRODUCTION, APP_URL: undefined })).toThrow(/^Invalid environment: APP_URL: required in production$/);
    expect(parseEnv(PRODUCTION).APP_URL).toBe("https://lapak.example.id");
  });

  it("refuses the development session secret, a malformed key ring and demo data in production", () => {
    expect(() => parseEnv({ ...PRODUCTION, SESSION_SECRET: "lapak-development-secret-change-me" })).toThrow(/SESSION_SECRET/);
    expect(() => parseEnv({ ...PRODUCTION, KYC_ENCRYPTION_KEYS: "k1:dG9vLXNob3J0" })).toThrow(/KYC_ENCRYPTION_KEYS/);
    expect(() => parseEnv({ ...PRODUCTION, SEED_DEMO: "true" })).toThrow(/SEED_DEMO/);
    expect(() => parseEnv({ ...PRODUCTION, APP_URL: "javascript:alert(1)" })).toThrow(/APP_URL/);
  });

  it("needs none of them in development", () => {
    const e = parseEnv({});
    expect(e.NODE_ENV).toBe("development");
    expect(e.APP_URL).toBeUndefined();
    expect(e.SESSION_SECRET.length).toBeGreaterThanOrEqual(16);
  });
});

describe("appOrigin", () => {
  it("comes from APP_URL, else http://localhost:$PORT, and never from a request", async () => {
    const { appOrigin, resetEnvCache } = await import("./env.server");
    const saved = { APP_URL: process.env.APP_URL, PORT: process.env.PORT };
    try {
      process.env.APP_URL = "https://lapak.example.id/sub/";
      resetEnvCache();
      expect(appOrigin()).toBe("https://lapak.example.id");
      delete process.env.APP_URL;
      process.env.PORT = "3100";
      resetEnvCache();
      expect(appOrigin()).toBe("http://localhost:3100");
    } finally {
      for (const [k, v] of Object.entries(saved)) v === undefined ? delete process.env[k] : (process.env[k] = v);
      resetEnvCache();
    }
  });
});
