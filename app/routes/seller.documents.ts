import type { ActionFunctionArgs } from "@remix-run/node";
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { DomainError } from "~/domain/errors";
import { BANK_CHANGE_DOCUMENT_KIND } from "~/domain/kyc/bank-change";
import { DOCUMENT_KINDS, type DocumentKind } from "~/domain/kyc/verification";
import { requireUser } from "~/infra/auth.server";
import { statusOf, requireMultipart } from "~/infra/http.server";
import { jsonNoStore as json } from "~/infra/uploads/photo-upload-route.server";
import { uploadBankChangeDocument } from "~/services/bank-account-change.server";
import { UPLOAD_LIMITS, uploadDocument } from "~/services/onboarding.server";

/**
 * Document upload (XHR with progress) for the wizard and for the new bank book of a payout account change
 * (`kind=bank_book_change`): multipart `kind` + `file`, answers JSON.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  let form: FormData;
  try {
    // The part limit stops an oversized body while it streams, before it is all in memory.
    requireMultipart(request);
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: UPLOAD_LIMITS.maxBytes + 1 }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return json({ ok: false, error: "upload_too_large", vars: { maxMb: UPLOAD_LIMITS.maxBytes / 1024 / 1024 } }, 413);
    throw error;
  }
  const kind = form.get("kind");
  const file = form.get("file");
  const forBankChange = kind === BANK_CHANGE_DOCUMENT_KIND;
  if (typeof kind !== "string" || (!forBankChange && !(DOCUMENT_KINDS as readonly string[]).includes(kind))) return json({ ok: false, error: "upload_kind" }, 400);
  if (!file || typeof file === "string") return json({ ok: false, error: "upload_empty" }, 400);
  try {
    const bytes = Buffer.from(await file.arrayBuffer());
    const doc = forBankChange ? await uploadBankChangeDocument(user, bytes) : await uploadDocument(user, kind as DocumentKind, bytes);
    return json({ ok: true, document: { id: doc.id, kind: doc.kind, version: doc.version, url: `/documents/${doc.id}`, contentType: doc.contentType } });
  } catch (error) {
    if (error instanceof DomainError) return json({ ok: false, error: error.messageKey, vars: error.vars }, statusOf(error));
    throw error;
  }
}

export async function loader() {
  return json({ ok: false, error: "method" }, 405);
}
