import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { FormError, SelectField, TextAreaField } from "~/components/forms/fields";
import { useZodForm } from "~/components/forms/use-zod-form";
import { useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { PhotoManager } from "~/components/products/photo-manager";
import { DomainError } from "~/domain/errors";
import { COMPLAINT_REASONS } from "~/domain/orders/complaints";
import { requireUser } from "~/infra/auth.server";
import { redirectWithFlash } from "~/infra/flash.server";
import { formError, parseForm } from "~/infra/forms.server";
import { notFound, routeParams, statusOf } from "~/infra/http.server";
import { ComplaintOpenSchema } from "~/schemas/complaints";
import { OrderNumberParams } from "~/schemas/params";
import { complaintForm, openComplaint } from "~/services/complaints.server";
import complaintStyles from "~/styles/complaints.css";
import sellerProductStyles from "~/styles/seller-products.css";

export const meta = titleMeta("complaint.title");
// The photo uploader's styles are the product form's.
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: sellerProductStyles },
  { rel: "stylesheet", href: complaintStyles },
];

/** An order that cannot get a complaint (any more) sends the buyer back to it with the reason. */
async function formOr(request: Request, buyerId: string, orderNumber: string) {
  try {
    return await complaintForm(buyerId, orderNumber);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === "not_found") notFound();
    throw await redirectWithFlash(request, `/pesanan/${orderNumber}`, { kind: "error", key: error.messageKey });
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { orderNumber } = routeParams(params, OrderNumberParams);
  return formOr(request, user.id, orderNumber);
}

const FIELD_OF: Record<string, string> = { "complaint.photosInvalid": "photoIds", "complaint.photosMax": "photoIds", "complaint.reasonInvalid": "reason" };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { orderNumber } = routeParams(params, OrderNumberParams);
  await formOr(request, user.id, orderNumber);
  const parsed = await parseForm(request, ComplaintOpenSchema);
  if (!parsed.ok) return parsed.response;
  try {
    await openComplaint(user.id, orderNumber, parsed.data);
  } catch (error) {
    if (error instanceof DomainError) return formError(error.messageKey, statusOf(error), FIELD_OF[error.messageKey] ?? "_form", parsed.values);
    throw error;
  }
  return redirectWithFlash(request, `/pesanan/${orderNumber}`, { kind: "success", key: "complaint.opened" });
}

export default function ComplaintFormPage() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [photosBusy, setPhotosBusy] = useState(false);
  const [busyNotice, setBusyNotice] = useState(false);
  const form = useZodForm(ComplaintOpenSchema, actionData, { reason: "", description: "", photoIds: "" }, {
    beforeValidate: () => setBusyNotice(photosBusy),
    canSubmit: () => !photosBusy,
  });
  const here = `/pesanan/${page.orderNumber}`;
  return (
    <section className="complaint-form">
      <p>
        <Link to={here}>← {t("complaint.cancelLink")}</Link>
      </p>
      <h1>{t("complaint.title")}</h1>
      <p>
        {t("orders.number", { number: page.orderNumber })} · <strong>{page.shopName}</strong>
      </p>
      <p className="muted">{t("complaint.lead")}</p>
      <FormError error={(actionData as { errors?: Record<string, string> } | undefined)?.errors?._form} />
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <SelectField label={t("complaint.reason")} error={form.errorOf("reason")} {...form.register("reason")}>
          <option value="">{t("complaint.reasonInvalid")}</option>
          {COMPLAINT_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`complaint.reason.${r}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField label={t("complaint.description")} hint={t("complaint.descriptionHint")} rows={4} maxLength={1000} error={form.errorOf("description")} {...form.register("description")} />
        <h2>{t("complaint.photos")}</h2>
        <PhotoManager
          initial={[]}
          maxBytes={page.photoMaxBytes}
          disabled={false}
          error={form.errorOf("photoIds")}
          onChange={(ids) => form.setValue("photoIds", ids.join(","), { shouldValidate: form.formState.isSubmitted })}
          onBusyChange={setPhotosBusy}
          uploadUrl={`/komplain/foto?pesanan=${encodeURIComponent(page.orderNumber)}`}
          max={page.photosMax}
          ordered={false}
          texts={{ hint: "complaint.photosHint", full: "complaint.photosFull", alt: "complaint.photoAlt" }}
        />
        <input type="hidden" {...form.registerHidden("photoIds")} />
        {busyNotice && photosBusy ? (
          <p className="alert alert--info" role="status">
            {t("complaint.photosBusy")}
          </p>
        ) : null}
        <button type="submit" disabled={form.submitting}>
          {t("complaint.submit")}
        </button>
      </Form>
    </section>
  );
}
