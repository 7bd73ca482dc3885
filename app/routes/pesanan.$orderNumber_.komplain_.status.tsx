import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ComplaintPhotos } from "~/components/orders/complaint-panel";
import { FormError, TextField } from "~/components/forms/fields";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { DetailRow, EscalateForm, ReturnAddress } from "~/components/orders/complaint-parts";
import { formatDateTime, formatRupiah } from "~/i18n/format";
import { requireUser } from "~/infra/auth.server";
import { redirectWithFlash } from "~/infra/flash.server";
import { orHttpError, routeParams } from "~/infra/http.server";
import { BuyerComplaintSchema } from "~/schemas/after-sales";
import { OrderNumberParams } from "~/schemas/params";
import { complaintFormAction } from "~/services/complaint-step-action.server";
import { complaintStep } from "~/services/complaints.server";
import { buyerComplaintView } from "~/services/dropship-after-sales.server";

// The buyer's view of a dropship program order's complaint (opened on /pesanan/:n/komplain): follow the shop's
// answers, send a return's resi to the address given, ask an admin when the shop is late or rejected it. The buyer
// sees one shop answering; the chain behind it (dropshipper → supplier) stays out of sight.

export const meta = titleMeta("complaint.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { orderNumber } = routeParams(params, OrderNumberParams);
  const view = await orHttpError(() => buyerComplaintView(user.id, orderNumber));
  if (!view.complaint) throw redirect(`/pesanan/${orderNumber}/komplain`);
  return { ...view, complaint: view.complaint ? { ...view.complaint, answerDueAt: view.complaint.answerDueAt.toISOString() } : null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { orderNumber } = routeParams(params, OrderNumberParams);
  let done = "";
  const refused = await complaintFormAction(request, BuyerComplaintSchema, (input) => {
    if (input.intent === "open") throw redirect(`/pesanan/${orderNumber}/komplain`);
    done = input.intent === "return_shipped" ? "dropship.afterSales.returnSent" : "dropship.afterSales.escalated";
    return complaintStep("buyer", user.id, orderNumber, input.intent === "return_shipped" ? { action: "return_shipped", resi: input.resi } : { action: "escalate" });
  });
  return refused ?? redirectWithFlash(request, `/pesanan/${orderNumber}/komplain/status`, { kind: "success", key: done });
}

type ActionData = { errors: Record<string, string>; values?: Record<string, string> };

export default function BuyerComplaint() {
  const t = useT();
  const locale = useLocale();
  const { order, complaint, canEscalate, canShipReturn, returnAddress } = useLoaderData<typeof loader>();
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
          <ComplaintPhotos photos={complaint.photos} />
          {complaint.status === "open" || complaint.status === "return_shipped" ? <p className="muted">{t("dropship.afterSales.shopDue", { date: formatDateTime(complaint.answerDueAt, locale) })}</p> : null}
          {complaint.status === "return_requested" ? <p className="muted">{t("dropship.afterSales.returnDue", { date: formatDateTime(complaint.answerDueAt, locale) })}</p> : null}
          {complaint.status === "rejected" && canEscalate ? <p className="muted">{t("dropship.afterSales.escalateUntil", { date: formatDateTime(complaint.answerDueAt, locale) })}</p> : null}
        </section>
      ) : null}

      {returnAddress ? <ReturnAddress address={returnAddress} orderNumber={order.orderNumber} /> : null}

      {canShipReturn ? (
        <Form method="post" noValidate className="card">
          <input type="hidden" name="intent" value="return_shipped" />
          <TextField name="resi" label={t("dropship.afterSales.returnResi")} autoComplete="off" autoCapitalize="characters" required minLength={6} maxLength={60} defaultValue={values.resi} error={errors.resi} />
          <button type="submit" disabled={busy}>
            {t("dropship.afterSales.sendResi")}
          </button>
        </Form>
      ) : null}

      {canEscalate ? <EscalateForm busy={busy} /> : null}

    </section>
  );
}
