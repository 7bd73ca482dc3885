import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/infra/auth.server";
import { z } from "zod";
import { forbidden, notFound, routeParams } from "~/infra/http.server";
import { uuidParam } from "~/schemas/params";
import { storage } from "~/infra/storage/storage.server";
import { findDocument, logDocumentAccess } from "~/models/kyc.server";

/**
 * The only way a KYC document reaches a browser: the owner or an admin, every view logged (UU PDP).
 * Never cached by the browser or a proxy.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const doc = await findDocument(routeParams(params, z.object({ documentId: uuidParam })).documentId);
  if (!doc) notFound();
  const isOwner = doc.shop.ownerId === user.id;
  const isReviewer = user.permissions.includes("read:kyc-document:any");
  if (!isOwner && !isReviewer) forbidden();
  if (doc.deletedAt) notFound();
  const object = await storage().get(doc.storageKey);
  if (!object) notFound();
  await logDocumentAccess(doc.id, user.id, isOwner ? "owner" : "admin");
  return new Response(new Uint8Array(object.body), {
    headers: {
      "Content-Type": object.contentType,
      "Content-Length": String(object.body.length),
      "Cache-Control": "private, no-store",
      "Content-Disposition": `inline; filename="${doc.kind}-v${doc.version}.${doc.contentType === "application/pdf" ? "pdf" : "jpg"}"`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
