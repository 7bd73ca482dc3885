import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, SelectField, TextAreaField, TextField } from "~/components/forms/fields";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { DetailRow, EscalateForm, ReturnAddress } from "~/components/orders/complaint-parts";
import { DomainError } from "~/domain/errors";
import { COMPLAINT_REASONS } from "~/domain/orders/complaints";
import { formatDateTime, formatRupiah } from "~/i18n/format";
import { requireUser } from "~/infra/auth.server";
import { redirectWithFlash } from "~/infra/flash.server";
import { formError, parseForm } from "~/infra/forms.server";
import { orHttpError, routeParams, statusOf } from "~/infra/http.server";
import { BuyerComplaintSchema, COMPLAINT_ERROR_FIELDS } from "~/schemas/after-sales";
import { OrderNumberParams } from "~/schemas/params";
import { complaintStep, openComplaint } from "~/services/complaints.server";
import { buyerComplaintView } from "~/services/dropship-after-sales.server";

// The buyer's complaint about one order ("Ajukan Komplain"): open it, follow the shop's answers, send a return's
// resi, ask an admin when the shop is late or rejected it. A dropship order looks like any other: one shop answers.

export const meta = titleMeta("complaint.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { orderNumber } = routeParams(params, OrderNumberParams);
  const view = await orHttpError(() => buyerComplaintView(user.id, orderNumber));
  return { ...view, complaint: view.complaint ? { ...view.complaint, answerDueAt: view.complaint.answerDueAt.toISOString() } : null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { orderNumber } = routeParams(params, OrderNumberParams);
  const parsed = await parseForm(request, BuyerComplaintSchema);
  if (!parsed.ok) return parsed.response;
  const input = parsed.data;
  try {
    if (input.intent === "open") await openComplaint(user.id, orderNumber, { reason: input.reason, description: input.description });
    else await complaintStep("buyer", user.id, orderNumber, input.intent === "return_shipped" ? { action: "return_shipped", resi: input.resi } : { action: "escalate" });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return formError(error.messageKey, statusOf(error), COMPLAINT_ERROR_FIELDS[error.messageKey] ?? "_form", parsed.values);
  }
  const done = { open: "complaint.opened", return_shipped: "dropship.afterSales.returnSent", escalate: "dropship.afterSales.escalated" }[input.intent];
  return redirectWithFlash(request, `/pesanan/${orderNumber}/komplain`, { kind: "success", key: done });
}

type ActionData = { errors: Record<string, string>; values?: Record<string, string> };

export default function BuyerComplaint() {
  const t = useT();
  const locale = useLocale();
  const { order, complaint, canOpen, canEscalate, canShipReturn, returnAddress } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const errors = result?.errors ?? {};
  const values = result?.values ?? {};
  const busy = useNavigation().state !== "idle";
  return (
    <section>
      <p>
        <Link to={`/pesanan/${order.orderNumber}`}>{t("orders.back")}</Link>
      </p>
      <h1>{t("dropship.afterSales.title", { number: order.orderNumber })}</h1>
      <p className="muted">{order.shop}</p>
      <FormError error={errors._form} />

      {complaint ? (
        <section className="card" aria-labelledby="complaint-state">
          <h2 id="complaint-state">{t(`complaint.state.${complaint.status}`)}</h2>
          <dl className="summary">
            <DetailRow label={t("complaint.reason")}>{t(`complaint.reason.${complaint.reason}`)}</DetailRow>
            <DetailRow label={t("complaint.description")}>{complaint.description}</DetailRow>
            <DetailRow label={t("dropship.afterSales.shopAnswer")}>{complaint.shopAnswer}</DetailRow>
            <DetailRow label={t("dropship.afterSales.rejectReason")}>{complaint.sellerReason}</DetailRow>
            <DetailRow label={t("dropship.afterSales.refund")}>{complaint.refundAmount ? formatRupiah(complaint.refundAmount) : null}</DetailRow>
            <DetailRow label={t("dropship.afterSales.returnResi")}>{complaint.returnResi}</DetailRow>
          </dl>
          {complaint.status === "open" || complaint.status === "return_shipped" ? <p className="muted">{t("dropship.afterSales.shopDue", { date: formatDateTime(complaint.answerDueAt, locale) })}</p> : null}
          {complaint.status === "return_requested" ? <p className="muted">{t("dropship.afterSales.returnDue", { date: formatDateTime(complaint.answerDueAt, locale) })}</p> : null}
          {complaint.status === "rejected" && canEscalate ? <p className="muted">{t("dropship.afterSales.escalateUntil", { date: formatDateTime(complaint.answerDueAt, locale) })}</p> : null}
        </section>
      ) : null}

      {returnAddress ? <ReturnAddress address={returnAddress} orderNumber={order.orderNumber} /> : null}

      {canShipReturn ? (
        <Form method="post" className="card">
          <input type="hidden" name="intent" value="return_shipped" />
          <TextField name="resi" label={t("dropship.afterSales.returnResi")} autoComplete="off" autoCapitalize="characters" required minLength={6} maxLength={60} defaultValue={values.resi} error={errors.resi} />
          <button type="submit" disabled={busy}>
            {t("dropship.afterSales.sendResi")}
          </button>
        </Form>
      ) : null}

      {canEscalate ? <EscalateForm busy={busy} /> : null}

      {canOpen ? (
        <Form method="post" className="card">
          <input type="hidden" name="intent" value="open" />
          <SelectField name="reason" label={t("complaint.reason")} required defaultValue={values.reason ?? ""} error={errors.reason}>
            <option value="" disabled>
              {t("dropship.afterSales.chooseReason")}
            </option>
            {COMPLAINT_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`complaint.reason.${r}`)}
              </option>
            ))}
          </SelectField>
          <TextAreaField name="description" label={t("complaint.description")} required minLength={5} maxLength={1000} defaultValue={values.description} error={errors.description} />
          <button type="submit" disabled={busy}>
            {t("complaint.submit")}
          </button>
        </Form>
      ) : null}
      {!complaint && !canOpen ? <p className="muted">{t("complaint.notNow")}</p> : null}
    </section>
  );
}
