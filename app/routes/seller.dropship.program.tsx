import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ComplaintList } from "~/components/dropship/complaint-list";
import { DropshipPageHead } from "~/components/dropship/page-head";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { DomainError } from "~/domain/errors";
import { formatDateTime, formatRupiah } from "~/i18n/format";
import { requireShopOwner } from "~/infra/auth.server";
import { orHttpError, statusOf } from "~/infra/http.server";
import { parseProgramForm, PartnerDecisionSchema } from "~/schemas/dropship";
import { decidePartner, openProducts, supplierProgram } from "~/services/dropship.server";
import dropshipStyles from "~/styles/dropship.css";

export const meta = titleMeta("dropship.supplier.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: dropshipStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireShopOwner(request);
  const program = await orHttpError(() => supplierProgram(user.id));
  return {
    requiresApproval: program.requiresApproval,
    products: program.products.map((p) => ({ id: p.id, title: p.title, price: p.priceRupiah, stock: p.stock, open: Boolean(p.dropshipOffer), dropshipPrice: p.dropshipOffer?.dropshipPrice ?? null, minSellingPrice: p.dropshipOffer?.minSellingPrice ?? null })),
    partners: program.partners.map((p) => ({ shopId: p.dropshipperShopId, name: p.dropshipperShop.name, status: p.status, orders: p.sales.orders, volume: p.sales.dropshipCost })),
    toFulfil: program.toFulfil.map((o) => ({ orderNumber: o.orderNumber, status: o.status, dropshipper: o.shop.name, items: o.items.map((i) => `${i.title} × ${i.quantity}`).join(", "), shipBy: o.shipment?.shipBy?.toISOString() ?? null })),
    complaints: program.complaints.map((c) => ({ ...c, answerDueAt: c.answerDueAt.toISOString() })),
    variantProducts: program.variantProducts,
  };
}

type ActionResult = { error: string } | { saved: number; unlisted: number } | { decided: true };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireShopOwner(request);
  const form = await request.formData();
  try {
    if (form.get("intent") === "approve" || form.get("intent") === "stop") {
      const parsed = PartnerDecisionSchema.safeParse(Object.fromEntries(form));
      if (!parsed.success) return data({ error: "dropship.error.partnerNotFound" } satisfies ActionResult, { status: 400 });
      await decidePartner(user.id, parsed.data.dropshipperShopId, parsed.data.intent);
      return { decided: true } satisfies ActionResult;
    }
    const input = parseProgramForm(form);
    if (input.issues.length) return data({ error: "dropship.error.price" } satisfies ActionResult, { status: 400 });
    const { opened, notices } = await openProducts(user.id, input);
    return { saved: opened, unlisted: notices.filter((n) => n.action === "unlist").length } satisfies ActionResult;
  } catch (error) {
    if (error instanceof DomainError) return data({ error: error.messageKey } satisfies ActionResult, { status: statusOf(error) });
    throw error;
  }
}

export default function SupplierProgram() {
  const t = useT();
  const locale = useLocale();
  const { requiresApproval, products, partners, toFulfil, complaints, variantProducts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  return (
    <section>
      <DropshipPageHead
        title={t("dropship.supplier.title")}
        error={result && "error" in result ? result.error : null}
        success={result && "saved" in result ? t(result.unlisted ? "dropship.supplier.saved" : "dropship.supplier.savedOnly", { count: result.saved, unlisted: result.unlisted }) : null}
      />
      {complaints.length ? (
        <>
          <h2>{t("dropship.complaints.toDecide")}</h2>
          <ComplaintList complaints={complaints} />
        </>
      ) : null}

      <h2>{t("dropship.supplier.toFulfil")}</h2>
      {toFulfil.length === 0 ? <p className="muted">{t("dropship.supplier.noneToFulfil")}</p> : null}
      <ul className="ds-list" data-testid="dropship-to-fulfil">
        {toFulfil.map((o) => (
          <li key={o.orderNumber} className="ds-item">
            <Link to={`/seller/orders/${o.orderNumber}`}>{o.orderNumber}</Link>
            <span>
              {t(`orders.status.${o.status}`)} · {t("dropship.supplier.forDropshipper", { dropshipper: o.dropshipper })}
            </span>
            <span className="muted">{o.items}</span>
            {o.shipBy ? <span>{t("orders.shipBy", { date: formatDateTime(o.shipBy, locale) })}</span> : null}
          </li>
        ))}
      </ul>

      <h2>{t("dropship.supplier.products")}</h2>
      <Form noValidate method="post">
        <label className="checkbox-row">
          <input type="checkbox" name="requiresApproval" value="1" defaultChecked={requiresApproval} /> {t("dropship.supplier.approval")}
        </label>
        {products.length === 0 ? <p className="muted">{t("dropship.supplier.noProducts")}</p> : null}
        {variantProducts.length ? (
          // A shop with many variant products would otherwise open the page with a wall of titles.
          <details className="ds-notice">
            <summary>{t("dropship.supplier.variantsClosedCount", { count: variantProducts.length })}</summary>
            <p>{t("dropship.supplier.variantsClosed", { titles: variantProducts.map((p) => p.title).join(", ") })}</p>
          </details>
        ) : null}
        <ul className="ds-list">
          {products.map((p) => (
            <li key={p.id} className="ds-item">
              <input type="hidden" name="product" value={p.id} />
              <label>
                <input type="checkbox" name={`open.${p.id}`} value="1" defaultChecked={p.open} /> <strong>{p.title}</strong>
              </label>
              <span className="muted">
                {formatRupiah(p.price)} · {t("dropship.stock", { stock: p.stock })}
              </span>
              <div className="ds-fields">
                <div className="field">
                  <label htmlFor={`price-${p.id}`}>{t("dropship.supplier.price")}</label>
                  <input id={`price-${p.id}`} name={`price.${p.id}`} inputMode="numeric" defaultValue={p.dropshipPrice ?? ""} />
                </div>
                <div className="field">
                  <label htmlFor={`min-${p.id}`}>{t("dropship.supplier.min")}</label>
                  <input id={`min-${p.id}`} name={`min.${p.id}`} inputMode="numeric" defaultValue={p.minSellingPrice ?? ""} />
                </div>
              </div>
            </li>
          ))}
        </ul>
        <button type="submit" name="intent" value="save">
          {t("dropship.supplier.save")}
        </button>
      </Form>

      <h2>{t("dropship.supplier.partners")}</h2>
      {partners.length === 0 ? <p className="muted">{t("dropship.supplier.noPartners")}</p> : null}
      <ul className="ds-list">
        {partners.map((p) => (
          <li key={p.shopId} className="ds-item">
            <strong>{p.name}</strong>
            <span>
              {t(`dropship.partner.${p.status}`)} · {t("dropship.supplier.volume", { orders: p.orders, volume: formatRupiah(p.volume) })}
            </span>
            <Form noValidate method="post" className="row">
              <input type="hidden" name="dropshipperShopId" value={p.shopId} />
              {p.status === "pending" ? (
                <button type="submit" name="intent" value="approve">
                  {t("dropship.supplier.approve")}
                </button>
              ) : null}
              {p.status !== "stopped" ? (
                <button type="submit" name="intent" value="stop" className="button--secondary">
                  {t("dropship.supplier.stop")}
                </button>
              ) : null}
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}
