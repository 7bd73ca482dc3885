import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DropshipPageHead } from "~/components/dropship/page-head";
import { TextAreaField, TextField } from "~/components/forms/fields";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { OrderTimeline, timelineEvents } from "~/components/orders/order-timeline";
import { OrderItems } from "~/components/orders/order-view";
import { DetailRow, EscalateForm, ReturnAddress } from "~/components/orders/complaint-parts";
import { ComplaintPhotos } from "~/components/orders/complaint-panel";
import { DomainError } from "~/domain/errors";
import { formatDateTime, formatRupiah } from "~/i18n/format";
import { requireShopOwner } from "~/infra/auth.server";
import { formError, parseForm } from "~/infra/forms.server";
import { orHttpError, routeParams, statusOf } from "~/infra/http.server";
import { ShopChainSchema, COMPLAINT_ERROR_FIELDS } from "~/schemas/after-sales";
import { OrderNumberParams } from "~/schemas/params";
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

type ActionData = { ok: string } | { errors: Record<string, string>; values?: Record<string, string> };

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
  const parsed = await parseForm(request, ShopChainSchema);
  if (!parsed.ok) return parsed.response;
  const { intent, ...fields } = parsed.data;
  try {
    await chainStep("shop", user.id, orderNumber, { action: intent, ...fields });
    return { ok: DONE[intent] } satisfies ActionData;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return formError(error.messageKey, statusOf(error), COMPLAINT_ERROR_FIELDS[error.messageKey] ?? "_form", parsed.values);
  }
}

export default function ShopComplaint() {
  const t = useT();
  const locale = useLocale();
  const { actor, order, complaint, returnAddress, events } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const errors = result && "errors" in result ? result.errors : {};
  const values = result && "values" in result ? (result.values ?? {}) : {};
  const busy = useNavigation().state !== "idle";
  const can = (a: string) => Boolean(complaint?.actions.includes(a as never));
  return (
    <section>
      <DropshipPageHead title={t("dropship.afterSales.title", { number: order.orderNumber })} error={errors._form ?? null} success={result && "ok" in result ? t(result.ok) : null} />
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
        <Form method="post" noValidate className="card">
          <h2>{t("dropship.afterSales.forwardTitle")}</h2>
          <input type="hidden" name="intent" value="forward" />
          <TextAreaField name="note" label={t("dropship.afterSales.note")} hint={t("dropship.afterSales.noteHint")} required minLength={3} maxLength={1000} defaultValue={values.note ?? complaint?.description ?? ""} error={errors.note} />
          <TextAreaField name="answer" label={t("dropship.afterSales.answer")} hint={t("dropship.afterSales.answerHint")} maxLength={250} defaultValue={values.answer} error={errors.answer} />
          <button type="submit" disabled={busy}>
            {t("dropship.afterSales.forward")}
          </button>
        </Form>
      ) : null}

      {can("accept_refund") ? (
        <section className="card" aria-labelledby="ds-decide">
          <h2 id="ds-decide">{t("dropship.afterSales.decideTitle")}</h2>
          <p className="muted">{t("dropship.afterSales.decideHelp")}</p>
          <Form method="post" noValidate>
            <button type="submit" name="intent" value="accept_refund" disabled={busy}>
              {t("dropship.afterSales.acceptRefund")}
            </button>
          </Form>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="accept_partial" />
            <TextField name="percent" label={t("dropship.afterSales.percent")} hint={t("dropship.afterSales.percentHint")} inputMode="numeric" required defaultValue={values.percent} error={errors.percent} />
            <button type="submit" disabled={busy}>
              {t("dropship.afterSales.acceptPartial")}
            </button>
          </Form>
          <Form method="post" noValidate>
            <button type="submit" name="intent" value="accept_return" className="button-secondary" disabled={busy}>
              {t("dropship.afterSales.acceptReturn")}
            </button>
          </Form>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="reject" />
            <TextAreaField name="reason" label={t("dropship.afterSales.rejectReason")} required minLength={3} maxLength={250} defaultValue={values.reason} error={errors.reason} />
            <button type="submit" className="button-danger" disabled={busy}>
              {t("dropship.afterSales.reject")}
            </button>
          </Form>
        </section>
      ) : null}

      {can("return_arrived") ? (
        <Form method="post" noValidate className="card">
          <button type="submit" name="intent" value="return_arrived" disabled={busy}>
            {t("dropship.afterSales.returnArrived")}
          </button>
        </Form>
      ) : null}

      {can("escalate") ? <EscalateForm busy={busy} /> : null}

      <OrderTimeline events={events} tracking={[]} />
    </section>
  );
}
