import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireUser } from "~/infra/auth.server";
import { notFound, routeParams } from "~/infra/http.server";
import { storedImageResponse } from "~/infra/storage/storage.server";
import { uuidParam } from "~/schemas/params";
import { complaintPhotoKeyFor } from "~/services/complaints.server";

const Params = z.object({ photoId: uuidParam, size: z.enum(["small", "large"]) });

/**
 * The only way a complaint photo reaches a browser: its buyer, the order's seller (and supplier), or an admin
 * (complaintPhotoKeyFor); anyone else gets the same 404 as for a photo that does not exist. Never cached by a proxy.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { photoId, size } = routeParams(params, Params);
  const key = await complaintPhotoKeyFor(user, photoId, size);
  if (!key) notFound();
  return storedImageResponse(key, "private, no-store");
}
