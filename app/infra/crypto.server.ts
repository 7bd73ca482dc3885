import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import { env } from "./env.server";

// Personal numbers (NIK, NPWP, bank account) are encrypted at rest with AES-256-GCM (UU PDP).
// KYC_ENCRYPTION_KEYS="2026a:<base64 32 bytes>,2025b:<...>": the first key encrypts, all keys decrypt,
// so keys can be rotated by putting a new one first. Each value stores the id of the key that sealed it.
interface Keyring {
  active: { id: string; key: Buffer };
  byId: Map<string, Buffer>;
  indexKey: Buffer;
}

// Built once per set of keys: a process whose settings change (a test pointing it at another app's keys) gets the new ring.
let keyring: { spec: string; ring: Keyring } | undefined;

function loadKeyring(): Keyring {
  const spec = process.env.KYC_ENCRYPTION_KEYS;
  const entries: [string, Buffer][] = [];
  if (spec) {
    for (const part of spec.split(",")) {
      const [id, b64] = part.trim().split(":");
      const key = Buffer.from(b64 ?? "", "base64");
      if (!id || key.length !== 32) throw new Error("KYC_ENCRYPTION_KEYS must be id:base64(32 bytes) pairs");
      entries.push([id, key]);
    }
  } else {
    if (env().NODE_ENV === "production") throw new Error("KYC_ENCRYPTION_KEYS must be set in production");
    entries.push(["dev", createHash("sha256").update(`lapak-dev-kyc:${env().SESSION_SECRET}`).digest()]);
  }
  // The blind index key is separate from the encryption keys and must not rotate (it would break lookups).
  const indexSecret = process.env.KYC_INDEX_KEY ?? `lapak-dev-index:${env().SESSION_SECRET}`;
  return { active: { id: entries[0][0], key: entries[0][1] }, byId: new Map(entries), indexKey: createHash("sha256").update(indexSecret).digest() };
}

function ring(): Keyring {
  const spec = `${process.env.KYC_ENCRYPTION_KEYS ?? ""}|${process.env.KYC_INDEX_KEY ?? ""}|${env().SESSION_SECRET}`;
  if (keyring?.spec !== spec) keyring = { spec, ring: loadKeyring() };
  return keyring.ring;
}

export function encryptField(plaintext: string): { value: string; keyId: string } {
  const { active } = ring();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", active.key, iv);
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return { value: ["v1", active.id, iv.toString("base64"), tag.toString("base64"), ct.toString("base64")].join(":"), keyId: active.id };
}

export function decryptField(sealed: string): string {
  const [version, keyId, iv, tag, ct] = sealed.split(":");
  if (version !== "v1") throw new Error("Unknown encryption format");
  const key = ring().byId.get(keyId);
  if (!key) throw new Error(`Encryption key ${keyId} is not configured`);
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64")), decipher.final()]).toString("utf8");
}

/** Keyed hash for exact search and duplicate detection without decrypting every row. */
export function blindIndex(kind: "nik" | "npwp" | "account", value: string): string {
  return createHmac("sha256", ring().indexKey).update(`${kind}:${value}`).digest("hex");
}
