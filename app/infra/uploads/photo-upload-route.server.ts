import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { DomainError } from "~/domain/errors";
import { requireMultipart, statusOf } from "~/infra/http.server";
import { PHOTO_FILE_MAX_BYTES } from "~/infra/request-limits.server";

export const jsonNoStore = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });

/**
 * The answer of a photo upload route (XHR with progress, components/products/photo-manager.tsx): multipart
 * `file` → `{ ok: true, photo: { id, url } }` or `{ ok: false, error, vars }` with the status of the refusal.
 */
export async function photoUploadResponse(request: Request, upload: (bytes: Buffer) => Promise<{ id: string; url: string }>): Promise<Response> {
  let form: FormData;
  try {
    // The part limit stops an oversized body while it streams, before it is all in memory.
    requireMultipart(request);
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: PHOTO_FILE_MAX_BYTES + 1 }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return jsonNoStore({ ok: false, error: "upload_too_large", vars: { maxMb: PHOTO_FILE_MAX_BYTES / 1024 / 1024 } }, 413);
    throw error;
  }
  const file = form.get("file");
  if (!file || typeof file === "string" || file.size === 0) return jsonNoStore({ ok: false, error: "upload_empty" }, 400);
  try {
    return jsonNoStore({ ok: true, photo: await upload(Buffer.from(await file.arrayBuffer())) });
  } catch (error) {
    if (error instanceof DomainError) return jsonNoStore({ ok: false, error: error.messageKey, vars: error.vars }, statusOf(error));
    throw error;
  }
}
