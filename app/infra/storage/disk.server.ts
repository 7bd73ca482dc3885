import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { assertValidKey } from "./keys.server";
import type { ObjectStorage } from "./storage.server";

/** Files under .data/objects (outside public/), each with a small JSON sidecar for its content type. */
export class DiskStorage implements ObjectStorage {
  readonly driver = "disk" as const;
  private readonly root: string;
  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private file(key: string) {
    assertValidKey(key);
    const full = path.resolve(this.root, key);
    if (!full.startsWith(this.root + path.sep)) throw new Error(`Key escapes storage root: ${key}`);
    return full;
  }

  async put(key: string, body: Buffer, contentType: string) {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a crash never leaves a half-written object under a real key.
    const tmp = `${file}.${randomUUID()}.tmp`;
    const metaTmp = `${tmp}.meta`;
    try {
      await writeFile(tmp, body);
      await writeFile(metaTmp, JSON.stringify({ contentType }));
      await rename(metaTmp, `${file}.meta.json`);
      await rename(tmp, file);
    } catch (error) {
      await Promise.all([rm(tmp, { force: true }), rm(metaTmp, { force: true })]);
      throw error;
    }
  }

  async get(key: string) {
    const file = this.file(key);
    try {
      const [body, meta] = await Promise.all([readFile(file), readFile(`${file}.meta.json`, "utf8")]);
      return { body, contentType: (JSON.parse(meta) as { contentType: string }).contentType };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string) {
    const file = this.file(key);
    await rm(file, { force: true });
    await rm(`${file}.meta.json`, { force: true });
  }

  async signedUrl(key: string) {
    assertValidKey(key);
    return null;
  }
}
