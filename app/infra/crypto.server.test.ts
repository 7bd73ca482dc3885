import { afterEach, describe, expect, it } from "vitest";
import { decryptField, encryptField } from "./crypto.server";

const key = (n: number) => Buffer.alloc(32, n).toString("base64");
const saved = process.env.KYC_ENCRYPTION_KEYS;
afterEach(() => {
  if (saved === undefined) delete process.env.KYC_ENCRYPTION_KEYS;
  else process.env.KYC_ENCRYPTION_KEYS = saved;
});

describe("the KYC keyring", () => {
  it("follows KYC_ENCRYPTION_KEYS when it changes in a running process: the first key seals, every key opens", () => {
    process.env.KYC_ENCRYPTION_KEYS = `old:${key(1)}`;
    const sealed = encryptField("3273014909930005");
    expect(sealed.keyId).toBe("old");

    process.env.KYC_ENCRYPTION_KEYS = `new:${key(2)},old:${key(1)}`;
    expect(encryptField("3273014909930005").keyId).toBe("new");
    expect(decryptField(sealed.value)).toBe("3273014909930005");

    process.env.KYC_ENCRYPTION_KEYS = `new:${key(2)}`;
    expect(() => decryptField(sealed.value)).toThrow();
  });
});
