import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { ComplainLink } from "~/components/orders/complaint-panel";
import { DomainError } from "~/domain/errors";
import { formatRupiah } from "~/i18n/format";
import { requireUser } from "~/infra/auth.server";
import { redirectWithFlash } from "~/infra/flash.server";
import { notFound, orHttpError, routeParams } from "~/infra/http.server";
import { OrderNumberParams } from "~/schemas/params";
import { confirmReceipt, receiptConfirmation } from "~/services/order-completion.server";

export const meta = titleMeta("orders.confirmTitle");

// "Pesanan Diterima" asks once more on its own page (plain links and a form: it works without JavaScript): it
// says that the money goes to the seller and that no complaint is possible afterwards, with "Ajukan Komplain"
// beside it.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { orderNumber } = routeParams(params, OrderNumberParams);
  const page = await orHttpError(() => receiptConfirmation(user.id, orderNumber));
  if (!page.canConfirm) throw redirect(`/pesanan/${orderNumber}`);
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { orderNumber } = routeParams(params, OrderNumberParams);
  const here = `/pesanan/${orderNumber}`;
  try {
    await confirmReceipt(user.id, orderNumber);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === "not_found") notFound();
    // Held by a complaint or a refund on its way: back to the order, which shows why.
    return redirectWithFlash(request, here, { kind: "error", key: error.messageKey });
  }
  return redirectWithFlash(request, here, { kind: "success", key: "orders.confirmed" });
}

export default function ConfirmReceipt() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  const here = `/pesanan/${page.orderNumber}`;
  return (
    <>
      <p>
        <Link to={here}>← {t("orders.confirmBack")}</Link>
      </p>
      <h1>{t("orders.confirmTitle")}</h1>
      <p>
        {t("orders.number", { number: page.orderNumber })} · <strong>{page.shopName}</strong>
      </p>
      <section className="card" aria-labelledby="confirm-consequences">
        <p id="confirm-consequences">{t("orders.confirmLead")}</p>
        {page.delivered ? null : <p className="alert alert--warn">{t("orders.confirmNotTracked")}</p>}
        <ul>
          <li>{t("orders.confirmMoney", { amount: formatRupiah(page.sellerAmount), shop: page.shopName })}</li>
          <li>
            <strong>{t("orders.confirmFinal")}</strong>
          </li>
        </ul>
        {page.canComplain ? <p className="muted">{t("orders.confirmProblem")}</p> : null}
        <div className="row">
          <Form noValidate method="post">
            <button type="submit" disabled={busy}>
              {t("orders.confirmYes")}
            </button>
          </Form>
          {page.canComplain ? <ComplainLink orderNumber={page.orderNumber} /> : null}
        </div>
      </section>
    </>
  );
}
