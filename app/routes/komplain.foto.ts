import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireUser } from "~/infra/auth.server";
import { queryParams } from "~/infra/http.server";
import { jsonNoStore, photoUploadResponse } from "~/infra/uploads/photo-upload-route.server";
import { orderNumberParam } from "~/schemas/params";
import { uploadComplaintPhoto } from "~/services/complaints.server";

const UploadQuery = z.object({
  pesanan: z.string().pipe(orderNumberParam),
});

/**
 * Complaint photo upload for "Ajukan Komplain" (XHR with progress): `?pesanan=<order number>`, multipart `file`,
 * the same JSON answer as product photos. Only the order's buyer, while a complaint may still be sent; the photo
 * is private to them until the complaint is sent with its id.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { pesanan } = queryParams(request, UploadQuery);
  return photoUploadResponse(request, (bytes) => uploadComplaintPhoto(user, pesanan, bytes));
}

export async function loader() {
  return jsonNoStore({ ok: false, error: "method" }, 405);
}
