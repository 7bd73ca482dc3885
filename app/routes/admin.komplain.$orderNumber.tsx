import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FormError } from "~/components/forms/fields";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { ComplaintPhotos } from "~/components/orders/complaint-panel";
import { ComplaintStepForm, useComplaintFormResult } from "~/components/orders/complaint-step-form";
import { formatDateTime, formatRupiah } from "~/i18n/format";
import { requireAdmin } from "~/infra/auth.server";
import { orHttpError, routeParams } from "~/infra/http.server";
import { AdminComplaintSchema } from "~/schemas/after-sales";
import { OrderNumberParams } from "~/schemas/params";
import { complaintFormAction } from "~/services/complaint-step-action.server";
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

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const { orderNumber } = routeParams(params, OrderNumberParams);
  const refused = await complaintFormAction(request, AdminComplaintSchema, ({ intent, ...fields }) => complaintStep("admin", admin.id, orderNumber, { action: intent, ...fields }));
  return refused ?? { ok: "dropship.afterSales.decided" };
}

export default function AdminComplaint() {
  const t = useT();
  const locale = useLocale();
  const { order, complaint, photos, program, maxPartial, actions } = useLoaderData<typeof loader>();
  const { ok, formError } = useComplaintFormResult();
  return (
    <>
      <p>
        <Link to="/admin/komplain">{t("dropship.afterSales.adminTitle")}</Link> · <Link to={`/admin/pesanan/${order.orderNumber}`}>{order.orderNumber}</Link>
      </p>
      <h1>{t("dropship.afterSales.title", { number: order.orderNumber })}</h1>
      {ok ? (
        <p className="alert alert--success" role="status">
          {t(ok)}
        </p>
      ) : null}
      <FormError error={formError ?? undefined} />
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
        <ComplaintPhotos photos={photos} />
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
        <ComplaintStepForm intent="decide_refund" label={t("dropship.afterSales.acceptRefund")} fields={[{ name: "reason", kind: "textarea", label: t("dropship.afterSales.decisionReason"), maxLength: 250 }]} />
      ) : null}
      {actions.includes("decide_partial") ? (
        <ComplaintStepForm
          intent="decide_partial"
          label={t("dropship.afterSales.acceptPartial")}
          fields={[
            { name: "amount", kind: "numeric", label: t("dropship.afterSales.amount"), hint: t("dropship.afterSales.amountHint", { max: formatRupiah(maxPartial) }), required: true },
            { name: "reason", kind: "textarea", label: t("dropship.afterSales.decisionReason"), maxLength: 250 },
          ]}
        />
      ) : null}
      {actions.includes("decide_reject") ? (
        <ComplaintStepForm intent="decide_reject" tone="danger" label={t("dropship.afterSales.reject")} fields={[{ name: "reason", kind: "textarea", label: t("dropship.afterSales.rejectReason"), required: true, minLength: 3, maxLength: 250 }]} />
      ) : null}
      {actions.includes("return_arrived") ? <ComplaintStepForm intent="return_arrived" label={t("dropship.afterSales.returnArrived")} /> : null}
    </>
  );
}
