import { createHmac, timingSafeEqual } from "node:crypto";
import path from "node:path";
import { env } from "../env.server";
import { notFound } from "../http.server";
import { DiskStorage } from "./disk.server";
import { S3Storage } from "./s3.server";

/** Private object storage: nothing here is served statically. */
export interface ObjectStorage {
  readonly driver: "disk" | "s3";
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<{ body: Buffer; contentType: string } | null>;
  delete(key: string): Promise<void>;
  /** A short-lived URL a browser can fetch directly (S3), or null when objects go through our own route. */
  signedUrl(key: string, ttlSeconds: number): Promise<string | null>;
}


let instance: ObjectStorage | undefined;

export function storage(): ObjectStorage {
  if (!instance) {
    const e = env();
    const driver = e.STORAGE_DRIVER ?? (e.S3_BUCKET ? "s3" : "disk");
    instance =
      driver === "s3"
        ? new S3Storage({
            bucket: e.S3_BUCKET ?? "lapak",
            endpoint: e.S3_ENDPOINT,
            region: e.S3_REGION,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
          })
        : new DiskStorage(path.resolve(e.DATA_DIR, "objects"));
  }
  return instance;
}

export function setStorageForTests(s: ObjectStorage | undefined) {
  instance = s;
}

/** HMAC for links to our own file route, so a link can be shared with the browser for a few minutes only. */
export function signFileLink(key: string, expiresAt: number): string {
  return createHmac("sha256", env().SESSION_SECRET).update(`${key}\n${expiresAt}`).digest("base64url");
}

export function verifyFileLink(key: string, expiresAt: number, signature: string, now = Date.now()): boolean {
  if (!Number.isFinite(expiresAt) || expiresAt < now) return false;
  const expected = Buffer.from(signFileLink(key, expiresAt));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * A stored image as a response: its own type and length, never sniffed or run (nosniff, a sandboxing CSP), cached
 * as told. Anything stored that is not an image is a 404 here.
 */
export async function storedImageResponse(key: string, cacheControl: string): Promise<Response> {
  const object = await storage().get(key);
  if (!object || !object.contentType.startsWith("image/")) notFound();
  return new Response(new Uint8Array(object.body), {
    headers: {
      "Content-Type": object.contentType,
      "Content-Length": String(object.body.length),
      "Cache-Control": cacheControl,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
