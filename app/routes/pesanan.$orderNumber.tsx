import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { ComplainLink, ComplaintPanel, type ComplaintStepResult } from "~/components/orders/complaint-panel";
import { ReturnAddress } from "~/components/orders/complaint-parts";
import { OrderTimeline, timelineTracking } from "~/components/orders/order-timeline";
import { OrderItems, OrderStatusBadge, serializeOrder } from "~/components/orders/order-view";
import { findProvince, findRegency } from "~/domain/regions/data";
import { formatDateTime, formatRupiah } from "~/i18n/format";
import { requireUser } from "~/infra/auth.server";
import { redirectWithFlash } from "~/infra/flash.server";
import { badRequest, orHttpError, routeParams } from "~/infra/http.server";
import { isCleanText, OrderNumberParams } from "~/schemas/params";
import { complaintStepAction } from "~/services/complaint-step-action.server";
import { complaintView } from "~/services/complaints.server";
import { returnAddressForBuyer } from "~/services/dropship-after-sales.server";
import { receiptChoices } from "~/services/order-completion.server";
import { buyerOrder, cancelUnpaidOrder } from "~/services/orders.server";
import { startPayment } from "~/services/payments.server";
import { trackOrder } from "~/services/seller-orders.server";
import complaintStyles from "~/styles/complaints.css";

export const meta = titleMeta("orders.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: complaintStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { orderNumber } = routeParams(params, OrderNumberParams);
  let order = await orHttpError(() => buyerOrder(user.id, orderNumber));
  // Asking the courier on view also moves a delivered parcel's order to "delivered": show that state at once.
  const steps = await trackOrder(order);
  if (order.status === "shipped" && steps.at(-1)?.status === "delivered") order = await buyerOrder(user.id, order.orderNumber);
  const tracking = timelineTracking(steps);
  const complaint = await complaintView(order, "buyer");
  if (complaint?.status === "resolved") order = await buyerOrder(user.id, order.orderNumber); // a return the tracker just completed
  return {
    tracking,
    complaint,
    receipt: receiptChoices(order, complaint),
    courierCode: order.shipment?.courierCode ?? "",
    // A program order's return address is on its complaint status page.
    returnAddress: order.fulfilmentShopId ? null : await returnAddressForBuyer(order.id, complaint?.status),
    // A dropship program order's complaint is followed (return resi, asking an admin) on its own page.
    complaintStatusLink: complaint && order.fulfilmentShopId ? `/pesanan/${order.orderNumber}/komplain/status` : null,
    order: { ...serializeOrder(order), regency: findRegency(order.regencyCode)?.name ?? "", province: findProvince(order.provinceCode)?.name ?? "" },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { orderNumber: number } = routeParams(params, OrderNumberParams);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const here = `/pesanan/${number}`;
  if (intent === "pay") {
    const order = await orHttpError(() => buyerOrder(user.id, number));
    try {
      return redirect(await startPayment(user.id, order.payment.paymentNumber));
    } catch {
      return redirectWithFlash(request, here, { kind: "error", key: "checkout.error.payment" });
    }
  }
  // "Pesanan Diterima" has its own confirmation page (pesanan_.$orderNumber.diterima.tsx).
  if (intent === "complaint") return complaintStepAction(request, form, "buyer", user.id, number, here);
  if (intent === "cancel") {
    const reason = String(form.get("reason") ?? "").trim().slice(0, 250);
    if (!isCleanText(reason)) badRequest();
    await orHttpError(() => cancelUnpaidOrder(user.id, number, reason || "Dibatalkan pembeli"));
    return redirectWithFlash(request, here, { kind: "success", key: "orders.cancelled" });
  }
  badRequest();
}

export default function OrderDetail() {
  const t = useT();
  const locale = useLocale();
  const { order, tracking, complaint, receipt, courierCode, complaintStatusLink, returnAddress } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ComplaintStepResult | undefined;
  const refund = order.refunds[0];
  const here = `/pesanan/${order.orderNumber}`;
  return (
    <>
      <p>
        <Link to="/pesanan">{t("orders.back")}</Link>
      </p>
      <h1>{t("orders.number", { number: order.orderNumber })}</h1>
      <p>
        <strong>{order.shop.name}</strong> <OrderStatusBadge status={order.status} />
      </p>
      {refund ? <p role="status">{t(refund.status === "done" ? "orders.refunded" : "orders.refundPending", { amount: formatRupiah(refund.amount) })}</p> : null}

      <section className="card" aria-labelledby="order-items">
        <h2 id="order-items">{t("orders.items")}</h2>
        <OrderItems items={order.items} />
        <dl className="summary">
          <div>
            <dt>{t("checkout.goods")}</dt>
            <dd>{formatRupiah(order.goodsTotal)}</dd>
          </div>
          <div>
            <dt>{t("checkout.shipping")}</dt>
            <dd>{formatRupiah(order.shippingCost)}</dd>
          </div>
          <div>
            <dt>{t("checkout.fee")}</dt>
            <dd>{formatRupiah(order.feeTotal)}</dd>
          </div>
          <div>
            <dt>{t("orders.total")}</dt>
            <dd>
              <strong>{formatRupiah(order.total)}</strong>
            </dd>
          </div>
        </dl>
        {order.note ? <p className="muted">{t("orders.note", { note: order.note })}</p> : null}
      </section>

      <section className="card" aria-labelledby="order-shipping">
        <h2 id="order-shipping">{t("orders.shipping")}</h2>
        {order.shipment ? <p>{t("orders.courier", { courier: order.shipment.courierName, service: order.shipment.serviceName })}</p> : null}
        {order.shipment?.resi ? <p>{t("orders.resi", { resi: order.shipment.resi })}</p> : null}
        {order.shipment?.shipBy && (order.status === "paid" || order.status === "processing") ? <p className="muted">{t("orders.shipBy", { date: formatDateTime(order.shipment.shipBy, locale) })}</p> : null}
        <p>
          {t("orders.recipient")}: {order.recipient} · {order.phone}
        </p>
        <p className="muted">
          {order.street}, {order.district}, {order.regency}, {order.province} {order.postalCode}
        </p>
        {order.dropshipSenderName ? <p>{t("orders.sentAs", { name: order.dropshipSenderName, phone: order.dropshipSenderPhone ?? "" })}</p> : null}
      </section>

      {order.status === "awaiting_payment" ? (
        <section className="card">
          <p className="muted">{t("orders.payBefore", { date: formatDateTime(order.payment.expiresAt, locale) })}</p>
          <Form noValidate method="post">
            <button type="submit" name="intent" value="pay">
              {t("orders.pay")}
            </button>
          </Form>
          <Form noValidate method="post">
            <div className="field">
              <label htmlFor="reason">{t("orders.cancelReason")}</label>
              <input id="reason" name="reason" maxLength={200} />
            </div>
            <button type="submit" name="intent" value="cancel" className="button-secondary">
              {t("orders.cancel")}
            </button>
          </Form>
        </section>
      ) : null}
      {complaint ? (
        <ComplaintPanel complaint={complaint} result={result} courierCode={courierCode}>
          {complaintStatusLink ? (
            <p>
              <Link to={complaintStatusLink}>{t("dropship.afterSales.link", { number: order.orderNumber })}</Link>
            </p>
          ) : null}
          {complaint.status === "rejected" ? <p>{t("complaint.acceptRejection", { date: formatDateTime(complaint.answerDueAt, locale) })}</p> : null}
          {returnAddress ? <ReturnAddress address={returnAddress} orderNumber={order.orderNumber} /> : null}
        </ComplaintPanel>
      ) : null}
      {receipt.canConfirm || receipt.canComplain ? (
        <section className="card receipt" aria-labelledby="receipt-title">
          <h2 id="receipt-title">{t("orders.receivedAsk")}</h2>
          <p className="muted">{t("orders.receivedHint")}</p>
          {receipt.autoCompletesAt ? <p className="muted">{t("orders.autoCompletes", { date: formatDateTime(receipt.autoCompletesAt, locale) })}</p> : null}
          <div className="receipt__actions">
            {/* Both are links to their own page: the confirmation asks once more and works without JavaScript. */}
            {receipt.canConfirm ? (
              <Link className="button" to={`${here}/diterima`}>
                {t("orders.confirm")}
              </Link>
            ) : null}
            {receipt.canComplain ? <ComplainLink orderNumber={order.orderNumber} /> : null}
          </div>
        </section>
      ) : null}

      <OrderTimeline events={order.events} tracking={tracking} />
    </>
  );
}
