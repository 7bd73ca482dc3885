import type { ActionFunctionArgs } from "@remix-run/node";
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { DomainError } from "~/domain/errors";
import { requireUser } from "~/infra/auth.server";
import { statusOf, requireMultipart } from "~/infra/http.server";
import { PHOTO_MAX_BYTES, photoUrl, uploadProductPhoto } from "~/services/catalog.server";

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });

/**
 * Product photo upload for the product form (XHR with progress): multipart `file`, answers JSON
 * `{ ok: true, photo: { id, url } }` or `{ ok: false, error, vars }`. The photo belongs to the shop
 * until a saved product lists its id in `photoIds`.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  let form: FormData;
  try {
    // The part limit stops an oversized body while it streams, before it is all in memory.
    requireMultipart(request);
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: PHOTO_MAX_BYTES + 1 }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return json({ ok: false, error: "upload_too_large", vars: { maxMb: PHOTO_MAX_BYTES / 1024 / 1024 } }, 413);
    throw error;
  }
  const file = form.get("file");
  if (!file || typeof file === "string" || file.size === 0) return json({ ok: false, error: "upload_empty" }, 400);
  try {
    const photo = await uploadProductPhoto(user, Buffer.from(await file.arrayBuffer()));
    return json({ ok: true, photo: { id: photo.id, url: photoUrl(photo.keySmall) } });
  } catch (error) {
    if (error instanceof DomainError) return json({ ok: false, error: error.messageKey, vars: error.vars }, statusOf(error));
    throw error;
  }
}

export async function loader() {
  return json({ ok: false, error: "method" }, 405);
}
