import { data } from "@remix-run/node";
import type { z } from "zod";
import { DomainError } from "~/domain/errors";
import { formatRupiah } from "~/i18n/format";
import { redirectWithFlash } from "~/infra/flash.server";
import { parseForm } from "~/infra/forms.server";
import { statusOf } from "~/infra/http.server";
import { COMPLAINT_ERROR_FIELDS } from "~/schemas/after-sales";
import { ComplaintStepSchema } from "~/schemas/complaints";
import { complaintStep } from "./complaints.server";

/** A refusal's message values as the page shows them (the partial refund's maximum in rupiah). */
function messageVars(error: DomainError): Record<string, string> {
  return Object.fromEntries(Object.entries(error.vars ?? {}).map(([k, v]) => [k, k === "max" && typeof v === "number" ? formatRupiah(v) : String(v)]));
}

/** Which field a refusal belongs next to; anything else is about the whole step. */
function fieldOf(key: string): string {
  if (key === "complaint.amountInvalid") return "amount";
  if (key === "complaint.reasonRequired") return "reason";
  if (key === "complaint.courierInvalid") return "courierCode";
  if (key.startsWith("resi.") || key === "complaint.resiRequired") return "resi";
  return "_form";
}

/**
 * The complaint half of an order page's action (buyer, seller or admin): one step through ComplaintStepSchema and
 * complaintStep, then back to the page with a flash; a refusal comes back with the step it belongs to, so the page
 * shows it in that step's form.
 */
export async function complaintStepAction(request: Request, form: FormData, actor: "buyer" | "seller" | "admin", userId: string, orderNumber: string, here: string) {
  const parsed = await parseForm(request, ComplaintStepSchema, form);
  const step = String(form.get("step") ?? "");
  if (!parsed.ok) {
    const body = parsed.response.data as { errors: Record<string, string>; values: Record<string, string> };
    return data({ ...body, step }, { status: 400 });
  }
  const input = parsed.data;
  try {
    await complaintStep(actor, userId, orderNumber, {
      action: input.step,
      amount: "amount" in input ? input.amount : undefined,
      reason: "reason" in input ? input.reason : undefined,
      resi: "resi" in input ? input.resi : undefined,
      courierCode: "courierCode" in input ? input.courierCode || undefined : undefined,
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return data({ errors: { [fieldOf(error.messageKey)]: error.messageKey }, vars: messageVars(error), values: parsed.values, step }, { status: statusOf(error) });
  }
  return redirectWithFlash(request, here, { kind: "success", key: `complaint.done.${input.step}` });
}

/**
 * The action of a complaint's own page (the admin's, the shops' of a dropship order, the buyer's status page): the
 * page's schema, then `run`; a refusal comes back as a 4xx with its field, message values and what was typed
 * (ComplaintStepForm puts them back into the form that was sent). Null when the step went through.
 */
export async function complaintFormAction<S extends z.ZodType>(request: Request, schema: S, run: (input: z.infer<S>) => Promise<unknown>) {
  const parsed = await parseForm(request, schema);
  if (!parsed.ok) return parsed.response;
  try {
    await run(parsed.data);
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return data({ errors: { [COMPLAINT_ERROR_FIELDS[error.messageKey] ?? "_form"]: error.messageKey }, vars: messageVars(error), values: parsed.values }, { status: statusOf(error) });
  }
}
