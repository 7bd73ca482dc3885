import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, TextAreaField, TextField } from "~/components/forms/fields";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { DomainError } from "~/domain/errors";
import { formatDateTime, formatRupiah } from "~/i18n/format";
import { requireAdmin } from "~/infra/auth.server";
import { formError, parseForm } from "~/infra/forms.server";
import { orHttpError, routeParams, statusOf } from "~/infra/http.server";
import { AdminComplaintSchema, COMPLAINT_ERROR_FIELDS } from "~/schemas/after-sales";
import { OrderNumberParams } from "~/schemas/params";
import { complaintStep } from "~/services/complaints.server";
import { adminComplaintView } from "~/services/dropship-after-sales.server";

// One complaint for an admin, the last resort: refund all, refund part, reject (the order completes), or confirm
// a return arrived. For a dropship order both shops show, with what each would receive and its part of a refund.

export const meta = titleMeta("dropship.afterSales.adminTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { orderNumber } = routeParams(params, OrderNumberParams);
  const v = await orHttpError(() => adminComplaintView(orderNumber));
  const c = v.complaint;
  return {
    ...v,
    complaint: { status: c.status, reason: c.reason, description: c.description, forwardNote: c.forwardNote, shopAnswer: c.shopAnswer, sellerReason: c.sellerReason, refundAmount: c.refundAmount, returnResi: c.returnResi, answerDueAt: c.answerDueAt.toISOString() },
  };
}

type ActionData = { ok: true } | { errors: Record<string, string>; values?: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const { orderNumber } = routeParams(params, OrderNumberParams);
  const parsed = await parseForm(request, AdminComplaintSchema);
  if (!parsed.ok) return parsed.response;
  const { intent, ...fields } = parsed.data;
  try {
    await complaintStep("admin", admin.id, orderNumber, { action: intent, ...fields });
    return { ok: true } satisfies ActionData;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return formError(error.messageKey, statusOf(error), COMPLAINT_ERROR_FIELDS[error.messageKey] ?? "_form", parsed.values);
  }
}

export default function AdminComplaint() {
  const t = useT();
  const locale = useLocale();
  const { order, complaint, program, maxPartial, actions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const errors = result && "errors" in result ? result.errors : {};
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <p>
        <Link to="/admin/komplain">{t("dropship.afterSales.adminTitle")}</Link> · <Link to={`/admin/pesanan/${order.orderNumber}`}>{order.orderNumber}</Link>
      </p>
      <h1>{t("dropship.afterSales.title", { number: order.orderNumber })}</h1>
      {result && "ok" in result ? (
        <p className="alert alert--success" role="status">
          {t("dropship.afterSales.decided")}
        </p>
      ) : null}
      <FormError error={errors._form} />
      <section className="card">
        <p>
          {t(`complaint.state.${complaint.status}`)} · {t(`orders.status.${order.status}`)} · {formatRupiah(order.total)}
        </p>
        <p>
          {order.shop}
          {order.supplier ? ` · ${t("dropship.afterSales.supplierIs", { supplier: order.supplier })}` : ""} · {t("adminOrders.buyer")}: {order.buyer}
        </p>
        <p>
          <strong>{t(`complaint.reason.${complaint.reason}`)}</strong>: {complaint.description}
        </p>
        {complaint.forwardNote ? <p>{t("dropship.afterSales.note")}: {complaint.forwardNote}</p> : null}
        {complaint.shopAnswer ? <p>{t("dropship.afterSales.answer")}: {complaint.shopAnswer}</p> : null}
        {complaint.sellerReason ? <p>{t("dropship.afterSales.rejectReason")}: {complaint.sellerReason}</p> : null}
        {complaint.returnResi ? <p>{t("dropship.afterSales.returnResi")}: {complaint.returnResi}</p> : null}
        {complaint.refundAmount ? <p>{t("dropship.afterSales.refund")}: {formatRupiah(complaint.refundAmount)}</p> : null}
        {program ? (
          <p className="muted">
            {t("dropship.afterSales.grosses", { supplier: formatRupiah(program.gross.supplier), dropshipper: formatRupiah(program.gross.dropshipper) })}
            {program.shares ? ` · ${t("dropship.afterSales.shares", { supplier: formatRupiah(program.shares.supplier), dropshipper: formatRupiah(program.shares.dropshipper) })}` : ""}
          </p>
        ) : null}
        <p className="muted">{formatDateTime(complaint.answerDueAt, locale)}</p>
      </section>
      {actions.includes("decide_refund") ? (
        <Form method="post" noValidate className="card">
          <input type="hidden" name="intent" value="decide_refund" />
          <TextAreaField name="reason" id="refund-reason" label={t("dropship.afterSales.decisionReason")} maxLength={250} />
          <button type="submit" disabled={busy}>
            {t("dropship.afterSales.acceptRefund")}
          </button>
        </Form>
      ) : null}
      {actions.includes("decide_partial") ? (
        <Form method="post" noValidate className="card">
          <input type="hidden" name="intent" value="decide_partial" />
          <TextField name="amount" label={t("dropship.afterSales.amount")} hint={t("dropship.afterSales.amountHint", { max: formatRupiah(maxPartial) })} inputMode="numeric" required error={errors.amount} />
          <TextAreaField name="reason" id="partial-reason" label={t("dropship.afterSales.decisionReason")} maxLength={250} />
          <button type="submit" disabled={busy}>
            {t("dropship.afterSales.acceptPartial")}
          </button>
        </Form>
      ) : null}
      {actions.includes("decide_reject") ? (
        <Form method="post" noValidate className="card">
          <input type="hidden" name="intent" value="decide_reject" />
          <TextAreaField name="reason" id="reject-reason" label={t("dropship.afterSales.rejectReason")} required minLength={3} maxLength={250} error={errors.reason} />
          <button type="submit" className="button-danger" disabled={busy}>
            {t("dropship.afterSales.reject")}
          </button>
        </Form>
      ) : null}
      {actions.includes("return_arrived") ? (
        <Form method="post" noValidate className="card">
          <button type="submit" name="intent" value="return_arrived" disabled={busy}>
            {t("dropship.afterSales.returnArrived")}
          </button>
        </Form>
      ) : null}
    </>
  );
}
