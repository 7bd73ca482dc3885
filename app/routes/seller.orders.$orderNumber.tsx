import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { TextAreaField, TextField } from "~/components/forms/fields";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { ComplaintPanel, type ComplaintStepResult } from "~/components/orders/complaint-panel";
import { OrderTimeline, timelineEvents, timelineTracking } from "~/components/orders/order-timeline";
import { DomainError } from "~/domain/errors";
import { normalizeResi, RESI_FORMATS } from "~/domain/shipping/resi-formats";
import { formatDateTime, formatRupiah, formatWeight } from "~/i18n/format";
import { requireShopOwner } from "~/infra/auth.server";
import { formError, parseForm } from "~/infra/forms.server";
import { orHttpError, routeParams, statusOf } from "~/infra/http.server";
import { OrderNumberParams } from "~/schemas/params";
import { SellerOrderActionSchema } from "~/schemas/seller-orders";
import { complaintStepAction } from "~/services/complaint-step-action.server";
import { complaintView } from "~/services/complaints.server";
import { acceptOrder, cancelOrderBySeller, sellerOrder, shipOrder } from "~/services/seller-orders.server";
import complaintStyles from "~/styles/complaints.css";

export const meta = titleMeta("sellerOrders.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: complaintStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireShopOwner(request);
  const { orderNumber } = routeParams(params, OrderNumberParams);
  const { order, tracking, region } = await orHttpError(() => sellerOrder(user.id, orderNumber));
  const s = order.shipment;
  return {
    complaint: await complaintView(order, "seller"),
    order: {
      orderNumber: order.orderNumber,
      status: order.status,
      total: order.total,
      goodsTotal: order.goodsTotal,
      shippingCost: order.shippingCost,
      note: order.note,
      buyer: order.buyer.name,
      recipient: { name: order.recipient, phone: order.phone, street: order.street, district: order.district, city: region.city, province: region.province, postalCode: order.postalCode },
      // "Kirim sebagai dropshipper", or a program order forwarded to its supplier: the parcel goes out in this name.
      sendAs: order.dropshipSenderName ? { name: order.dropshipSenderName, phone: order.dropshipSenderPhone ?? "" } : null,
      items: order.items.map((i) => ({ id: i.id, title: i.title, variant: i.variantLabel, quantity: i.quantity, unitPrice: i.unitPrice })),
      shipment: s
        ? { courier: `${s.courierName} ${s.serviceName}`, courierCode: s.courierCode, weightGrams: s.weightGrams, resi: s.resi, shipBy: s.shipBy?.toISOString() ?? null, shippedAt: s.shippedAt?.toISOString() ?? null }
        : null,
      refund: order.refunds[0] ? { status: order.refunds[0].status, amount: order.refunds[0].amount } : null,
    },
    resiExample: s ? (RESI_FORMATS[s.courierCode]?.example ?? "") : "",
    // A dropship order's complaint reaches its supplier once the dropshipper forwards it (the chain's own page).
    complaintLink: order.fulfilmentShopId && order.events.some((e) => e.event === "complaint_forward") ? `/seller/dropship/komplain/${order.orderNumber}` : null,
    events: timelineEvents(order.events),
    tracking: timelineTracking(tracking),
  };
}

type ActionData = { ok: string } | { confirm: { resi: string; warning: string; example?: string } } | { errors: Record<string, string>; values?: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireShopOwner(request);
  const { orderNumber } = routeParams(params, OrderNumberParams);
  const form = await request.formData();
  if (form.get("intent") === "complaint") return complaintStepAction(request, form, "seller", user.id, orderNumber, `/seller/orders/${orderNumber}`);
  const parsed = await parseForm(request, SellerOrderActionSchema, form);
  if (!parsed.ok) return parsed.response;
  const input = parsed.data;
  try {
    if (input.intent === "accept") {
      await acceptOrder(user.id, orderNumber);
      return { ok: "sellerOrders.accepted" };
    }
    if (input.intent === "cancel") {
      await cancelOrderBySeller(user.id, orderNumber, input.reason);
      return { ok: "sellerOrders.cancelled" };
    }
    const result = await shipOrder(user.id, orderNumber, { resi: input.resi, confirmed: input.confirmedResi !== "" && normalizeResi(input.confirmedResi) === normalizeResi(input.resi) });
    if (result.status === "confirm") return { confirm: { resi: result.resi, warning: result.warning, example: result.example } };
    return { ok: "sellerOrders.shipped" };
  } catch (error) {
    if (error instanceof DomainError) return formError(error.messageKey, statusOf(error), input.intent === "ship" && error.messageKey.startsWith("resi.") ? "resi" : input.intent === "cancel" && error.code === "validation" ? "reason" : "_form");
    throw error;
  }
}

export default function SellerOrderPage() {
  const t = useT();
  const locale = useLocale();
  const { order, events, tracking, resiExample, complaint, complaintLink } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as (ActionData & ComplaintStepResult) | undefined;
  const busy = useNavigation().state !== "idle";
  const errors: Record<string, string> = (result && "errors" in result && !result.step ? result.errors : undefined) ?? {};
  const confirm = result && "confirm" in result ? result.confirm : null;
  const open = order.status === "paid" || order.status === "processing";
  const qs = `order=${encodeURIComponent(order.orderNumber)}`;
  return (
    <section>
      <p>
        <Link to="/seller/orders">← {t("sellerOrders.back")}</Link>
      </p>
      <h1>{order.orderNumber}</h1>
      <p>
        <span className={`badge badge--order-${order.status}`}>{t(`orders.status.${order.status}`)}</span> · {t("sellerOrders.buyer", { name: order.buyer })}
      </p>
      {result && "ok" in result ? (
        <p className="alert alert--success" role="status">
          {t(result.ok)}
        </p>
      ) : null}
      {errors._form ? (
        <p className="alert alert--error" role="alert">
          {t(errors._form)}
        </p>
      ) : null}
      {complaintLink ? (
        <p className="alert alert--warn">
          <Link to={complaintLink}>{t("dropship.afterSales.link", { number: order.orderNumber })}</Link>
        </p>
      ) : null}
      {open && order.shipment?.shipBy ? (
        <p className={new Date(order.shipment.shipBy).getTime() < Date.now() ? "alert alert--error" : "alert alert--warn"}>
          {t("sellerOrders.shipBy", { date: formatDateTime(order.shipment.shipBy, locale) })}
        </p>
      ) : null}

      <div className="card">
        <h2>{t("sellerOrders.recipient")}</h2>
        <p>
          <strong>{order.recipient.name}</strong> · {order.recipient.phone}
          <br />
          {order.recipient.street}, {order.recipient.district}, {order.recipient.city}, {order.recipient.province} {order.recipient.postalCode}
        </p>
        {order.sendAs ? <p className="alert alert--warn">{t("sellerOrders.sendAs", order.sendAs)}</p> : null}
        {order.shipment ? (
          <p>
            {t("sellerOrders.courier")}: {order.shipment.courier} · {t("sellerOrders.weight")}: {formatWeight(order.shipment.weightGrams)}
            {order.shipment.resi ? (
              <>
                <br />
                {t("orders.resi", { resi: order.shipment.resi })}
              </>
            ) : null}
          </p>
        ) : null}
        {order.note ? (
          <p>
            {t("sellerOrders.note")}: {order.note}
          </p>
        ) : null}
      </div>

      <div className="card">
        <ul>
          {order.items.map((i) => (
            <li key={i.id}>
              {i.title}
              {i.variant ? ` (${i.variant})` : ""} × {i.quantity} · {formatRupiah(i.unitPrice)}
            </li>
          ))}
        </ul>
        <p>
          {t("sellerOrders.total")}: <strong>{formatRupiah(order.total)}</strong>
        </p>
        {order.refund ? <p>{t("sellerOrders.refund", { status: t(`sellerOrders.refundStatus.${order.refund.status}`) })}</p> : null}
      </div>

      {open ? (
        <div className="card">
          <h2>{t("sellerOrders.documents")}</h2>
          <div className="row">
            <a className="button-secondary" href={`/seller/orders/labels?${qs}&layout=a6`} download>
              {t("sellerOrders.labelA6")}
            </a>
            <a className="button-secondary" href={`/seller/orders/labels?${qs}&layout=a4`} download>
              {t("sellerOrders.labelA4")}
            </a>
            <a className="button-secondary" href={`/seller/orders/slips?${qs}`} download>
              {t("sellerOrders.packingSlip")}
            </a>
          </div>
        </div>
      ) : null}

      {order.status === "paid" ? (
        <Form noValidate method="post">
          <input type="hidden" name="intent" value="accept" />
          <button type="submit" disabled={busy}>
            {t("sellerOrders.accept")}
          </button>
        </Form>
      ) : null}

      {open ? <ShipForm key={confirm?.resi ?? ""} confirm={confirm} error={errors.resi} example={resiExample} busy={busy} /> : null}

      {open ? (
        <details className="card">
          <summary>{t("sellerOrders.cancel")}</summary>
          <Form noValidate method="post">
            <input type="hidden" name="intent" value="cancel" />
            <TextAreaField name="reason" label={t("sellerOrders.cancelReason")} error={errors.reason} required minLength={3} maxLength={250} />
            <button type="submit" className="button-danger" disabled={busy}>
              {t("sellerOrders.cancel")}
            </button>
          </Form>
        </details>
      ) : null}

      {complaint ? <ComplaintPanel complaint={complaint} result={result} /> : null}

      <OrderTimeline events={events} tracking={tracking} />
    </section>
  );
}

/**
 * The resi and "Kirim Pesanan". After a format warning it asks "Ya, resi sudah benar" for that number only: once
 * the seller changes the number, the warning and the confirmation go, and the new number is checked afresh.
 */
function ShipForm({ confirm, error, example, busy }: { confirm: { resi: string; warning: string; example?: string } | null; error?: string; example: string; busy: boolean }) {
  const t = useT();
  const [typed, setTyped] = useState(confirm?.resi ?? "");
  const pending = confirm && normalizeResi(typed) === normalizeResi(confirm.resi) ? confirm : null;
  return (
    <Form noValidate method="post" className="card">
      <input type="hidden" name="intent" value="ship" />
      <TextField
        name="resi"
        label={t("sellerOrders.resi")}
        autoComplete="off"
        autoCapitalize="characters"
        defaultValue={confirm?.resi ?? ""}
        onChange={(e) => setTyped(e.currentTarget.value)}
        error={error}
        hint={example ? t("sellerOrders.resiHelp", { example }) : undefined}
        warning={pending ? t(pending.warning, { example: pending.example ?? "" }) : undefined}
      />
      {pending ? <input type="hidden" name="confirmedResi" value={pending.resi} /> : null}
      <button type="submit" disabled={busy}>
        {pending ? t("sellerOrders.shipAnyway") : t("sellerOrders.ship")}
      </button>
    </Form>
  );
}
