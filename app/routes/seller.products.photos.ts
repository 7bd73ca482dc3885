import type { ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/infra/auth.server";
import { jsonNoStore, photoUploadResponse } from "~/infra/uploads/photo-upload-route.server";
import { photoUrl, uploadProductPhoto } from "~/services/catalog.server";

/**
 * Product photo upload for the product form (XHR with progress): multipart `file`, answers JSON
 * `{ ok: true, photo: { id, url } }` or `{ ok: false, error, vars }`. The photo belongs to the shop
 * until a saved product lists its id in `photoIds`.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return photoUploadResponse(request, async (bytes) => {
    const photo = await uploadProductPhoto(user, bytes);
    return { id: photo.id, url: photoUrl(photo.keySmall) };
  });
}

export async function loader() {
  return jsonNoStore({ ok: false, error: "method" }, 405);
}
