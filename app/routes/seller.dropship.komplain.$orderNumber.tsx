import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ComplaintPhotos } from "~/components/orders/complaint-panel";
import { DropshipPageHead } from "~/components/dropship/page-head";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { OrderTimeline, timelineEvents } from "~/components/orders/order-timeline";
import { OrderItems } from "~/components/orders/order-view";
import { DetailRow, EscalateForm, ReturnAddress } from "~/components/orders/complaint-parts";
import { ComplaintStepForm, useComplaintFormResult } from "~/components/orders/complaint-step-form";
import { formatDateTime, formatRupiah } from "~/i18n/format";
import { requireShopOwner } from "~/infra/auth.server";
import { orHttpError, routeParams } from "~/infra/http.server";
import { ShopChainSchema } from "~/schemas/after-sales";
import { OrderNumberParams } from "~/schemas/params";
import { complaintFormAction } from "~/services/complaint-step-action.server";
import { chainStep, shopChainView } from "~/services/dropship-after-sales.server";
import complaintStyles from "~/styles/complaints.css";
import dropshipStyles from "~/styles/dropship.css";

// A complaint on a dropship program order, for the two shops on it: the dropshipper forwards it to the supplier
// with a note (and may answer the buyer); the supplier decides. Each reads only what is its own (shopChainView).

export const meta = titleMeta("dropship.afterSales.shopTitle");
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: dropshipStyles },
  { rel: "stylesheet", href: complaintStyles },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireShopOwner(request);
  const { orderNumber } = routeParams(params, OrderNumberParams);
  const view = await orHttpError(() => shopChainView(user.id, orderNumber));
  return {
    actor: view.actor,
    order: { ...view.order, shipment: view.order.shipment ? { resi: view.order.shipment.resi, courier: `${view.order.shipment.courierName} ${view.order.shipment.serviceName}` } : null },
    complaint: view.complaint ? { ...view.complaint, answerDueAt: view.complaint.answerDueAt.toISOString() } : null,
    returnAddress: view.returnAddress,
    events: timelineEvents(view.events),
  };
}

const DONE: Record<string, string> = {
  forward: "dropship.afterSales.forwarded",
  accept_refund: "dropship.afterSales.decided",
  accept_partial: "dropship.afterSales.decided",
  accept_return: "dropship.afterSales.decided",
  reject: "dropship.afterSales.decided",
  return_arrived: "dropship.afterSales.decided",
  escalate: "dropship.afterSales.escalated",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireShopOwner(request);
  const { orderNumber } = routeParams(params, OrderNumberParams);
  let done = "";
  const refused = await complaintFormAction(request, ShopChainSchema, ({ intent, ...fields }) => {
    done = DONE[intent];
    return chainStep("shop", user.id, orderNumber, { action: intent, ...fields });
  });
  return refused ?? { ok: done };
}

export default function ShopComplaint() {
  const t = useT();
  const locale = useLocale();
  const { actor, order, complaint, returnAddress, events } = useLoaderData<typeof loader>();
  const { ok, formError, busy } = useComplaintFormResult();
  const can = (a: string) => Boolean(complaint?.actions.includes(a as never));
  return (
    <section>
      <DropshipPageHead title={t("dropship.afterSales.title", { number: order.orderNumber })} error={formError} success={ok ? t(ok) : null} />
      <p className="muted">{actor === "dropshipper" ? t("dropship.afterSales.asDropshipper", { supplier: order.supplier }) : t("dropship.afterSales.asSupplier", { dropshipper: order.dropshipper })}</p>

      <section className="card" aria-labelledby="ds-order">
        <h2 id="ds-order">{t("orders.items")}</h2>
        <OrderItems items={order.items} />
        <p>{t(actor === "supplier" ? "dropship.afterSales.ownGrossSupplier" : "dropship.afterSales.ownGrossDropshipper", { amount: formatRupiah(order.ownGross) })}</p>
        <p className="muted">
          {t(`orders.status.${order.status}`)} · {t("sellerOrders.recipient")}: {order.recipient}
          {order.shipment?.resi ? ` · ${t("orders.resi", { resi: order.shipment.resi })}` : ""}
        </p>
      </section>

      {!complaint ? <p className="muted">{t("dropship.afterSales.none")}</p> : null}
      {complaint ? (
        <section className="card" aria-labelledby="ds-complaint">
          <h2 id="ds-complaint">{t(`complaint.state.${complaint.status}`)}</h2>
          <dl className="summary">
            <DetailRow label={t("complaint.reason")}>{t(`complaint.reason.${complaint.reason}`)}</DetailRow>
            <DetailRow label={t("dropship.afterSales.buyerWords")}>{complaint.description}</DetailRow>
            <DetailRow label={t("dropship.afterSales.note")}>{complaint.forwardNote}</DetailRow>
            <DetailRow label={t("dropship.afterSales.answer")}>{complaint.shopAnswer}</DetailRow>
            <DetailRow label={t("dropship.afterSales.rejectReason")}>{complaint.sellerReason}</DetailRow>
            <DetailRow label={t("dropship.afterSales.refund")}>{complaint.refundAmount ? formatRupiah(complaint.refundAmount) : null}</DetailRow>
            <DetailRow label={t("dropship.afterSales.ownPart")}>{complaint.ownRefundPart !== null ? formatRupiah(complaint.ownRefundPart) : null}</DetailRow>
            <DetailRow label={t("dropship.afterSales.returnResi")}>{complaint.returnResi}</DetailRow>
          </dl>
          <ComplaintPhotos photos={complaint.photos} />
          {complaint.status !== "resolved" && complaint.status !== "rejected_final" && complaint.status !== "escalated" ? (
            <p className="muted">{t(`dropship.afterSales.turn.${complaint.status}`, { date: formatDateTime(complaint.answerDueAt, locale) })}</p>
          ) : null}
        </section>
      ) : null}

      {complaint && returnAddress && (complaint.status === "return_requested" || complaint.status === "return_shipped") ? <ReturnAddress address={returnAddress} orderNumber={order.orderNumber} /> : null}

      {can("forward") ? (
        <ComplaintStepForm
          intent="forward"
          label={t("dropship.afterSales.forward")}
          fields={[
            { name: "note", kind: "textarea", label: t("dropship.afterSales.note"), hint: t("dropship.afterSales.noteHint"), required: true, minLength: 3, maxLength: 1000, defaultValue: complaint?.description ?? "" },
            { name: "answer", kind: "textarea", label: t("dropship.afterSales.answer"), hint: t("dropship.afterSales.answerHint"), maxLength: 250 },
          ]}
        >
          <h2>{t("dropship.afterSales.forwardTitle")}</h2>
        </ComplaintStepForm>
      ) : null}

      {can("accept_refund") ? (
        <section className="card" aria-labelledby="ds-decide">
          <h2 id="ds-decide">{t("dropship.afterSales.decideTitle")}</h2>
          <p className="muted">{t("dropship.afterSales.decideHelp")}</p>
          <ComplaintStepForm className="" intent="accept_refund" label={t("dropship.afterSales.acceptRefund")} confirm={t("complaint.confirmFullRefund")} />
          <ComplaintStepForm className="" intent="accept_partial" label={t("dropship.afterSales.acceptPartial")} fields={[{ name: "percent", kind: "numeric", label: t("dropship.afterSales.percent"), hint: t("dropship.afterSales.percentHint"), required: true }]} />
          <ComplaintStepForm className="" intent="accept_return" tone="secondary" label={t("dropship.afterSales.acceptReturn")} />
          <ComplaintStepForm className="" intent="reject" tone="danger" label={t("dropship.afterSales.reject")} fields={[{ name: "reason", kind: "textarea", label: t("dropship.afterSales.rejectReason"), required: true, minLength: 3, maxLength: 250 }]} />
        </section>
      ) : null}

      {can("return_arrived") ? <ComplaintStepForm intent="return_arrived" label={t("dropship.afterSales.returnArrived")} /> : null}

      {can("escalate") ? <EscalateForm busy={busy} /> : null}

      <OrderTimeline events={events} tracking={[]} />
    </section>
  );
}
