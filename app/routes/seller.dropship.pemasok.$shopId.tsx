import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { DropshipPageHead } from "~/components/dropship/page-head";
import { TextField } from "~/components/forms/fields";
import { useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { DomainError } from "~/domain/errors";
import { formatRupiah } from "~/i18n/format";
import { requireShopOwner } from "~/infra/auth.server";
import { z } from "zod";
import { orHttpError, routeParams, statusOf } from "~/infra/http.server";
import { uuidParam } from "~/schemas/params";
import { AddListingsSchema } from "~/schemas/dropship";

import { addListings, joinProgram, supplierCatalog } from "~/services/dropship.server";
import dropshipStyles from "~/styles/dropship.css";

// A supplier is named by its shop id: anything that is not a UUID is a 404 before any query.
const SupplierParams = z.object({ shopId: uuidParam });

export const meta = titleMeta("dropship.catalog.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: dropshipStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireShopOwner(request);
  const { shopId } = routeParams(params, SupplierParams);
  const catalog = await orHttpError(() => supplierCatalog(user.id, shopId));
  return {
    supplier: catalog.supplier,
    requiresApproval: catalog.requiresApproval,
    partnerStatus: catalog.partnerStatus,
    offers: catalog.offers.map((o) => ({ id: o.productId, title: o.product.title, dropshipPrice: o.dropshipPrice, minSellingPrice: o.minSellingPrice, stock: o.product.stock })),
  };
}

type ActionResult = { error: string; markupValue?: string } | { joined: string } | { added: number; skipped: number };
const MARKUP_ERROR = "dropship.error.markup";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireShopOwner(request);
  const { shopId } = routeParams(params, SupplierParams);
  const form = await request.formData();
  try {
    if (form.get("intent") === "join") return { joined: await joinProgram(user.id, shopId) } satisfies ActionResult;
    const parsed = AddListingsSchema.safeParse({
      supplierShopId: shopId,
      products: form.getAll("product").map(String),
      markupKind: form.get("markupKind"),
      markupValue: form.get("markupValue"),
      step: form.get("step"),
    });
    // The markup as typed goes back with its error, which the page shows under the field.
    if (!parsed.success) return data({ error: parsed.error.issues[0]?.message ?? MARKUP_ERROR, markupValue: String(form.get("markupValue") ?? "") } satisfies ActionResult, { status: 400 });
    const result = await addListings(user.id, parsed.data);
    return { added: result.added.length, skipped: result.skipped } satisfies ActionResult;
  } catch (error) {
    if (error instanceof DomainError) return data({ error: error.messageKey } satisfies ActionResult, { status: statusOf(error) });
    throw error;
  }
}

export default function SupplierCatalog() {
  const t = useT();
  const { supplier, requiresApproval, partnerStatus, offers } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const failed = result && "error" in result ? result : null;
  const markupError = failed?.error === MARKUP_ERROR ? MARKUP_ERROR : undefined;
  return (
    <section>
      <DropshipPageHead
        title={t("dropship.catalog.heading", { supplier: supplier.name })}
        error={failed && !markupError ? failed.error : null}
        success={result && "added" in result ? t("dropship.catalog.added", { count: result.added, skipped: result.skipped }) : null}
      />
      {partnerStatus !== "approved" ? (
        <Form noValidate method="post" className="card">
          <p>{partnerStatus === "pending" ? t("dropship.catalog.pending") : partnerStatus === "stopped" ? t("dropship.catalog.stopped") : requiresApproval ? t("dropship.catalog.joinApproval") : t("dropship.catalog.join")}</p>
          {partnerStatus === null ? (
            <button type="submit" name="intent" value="join">
              {t("dropship.catalog.joinButton")}
            </button>
          ) : null}
        </Form>
      ) : null}
      <Form noValidate method="post">
        <ul className="ds-list">
          {offers.map((o) => (
            <li key={o.id} className="ds-item">
              <label>
                <input type="checkbox" name="product" value={o.id} disabled={partnerStatus !== "approved"} /> <strong>{o.title}</strong>
              </label>
              <span>{t("dropship.dropshipPrice", { price: formatRupiah(o.dropshipPrice) })}</span>
              {o.minSellingPrice ? <span>{t("dropship.minPrice", { price: formatRupiah(o.minSellingPrice) })}</span> : null}
              <span className="muted">{t("dropship.stock", { stock: o.stock })}</span>
            </li>
          ))}
        </ul>
        {partnerStatus === "approved" ? (
          <fieldset className="ds-rule card">
            <legend>{t("dropship.rule.title")}</legend>
            <div className="field">
              <label htmlFor="markupKind">{t("dropship.rule.kind")}</label>
              <select id="markupKind" name="markupKind" defaultValue="percent">
                <option value="percent">{t("dropship.rule.percent")}</option>
                <option value="fixed">{t("dropship.rule.fixed")}</option>
              </select>
            </div>
            <TextField
              key={failed?.markupValue ?? ""}
              id="markupValue"
              name="markupValue"
              label={t("dropship.rule.value")}
              inputMode="decimal"
              required
              defaultValue={failed?.markupValue ?? "20"}
              error={markupError}
            />
            <div className="field">
              <label htmlFor="step">{t("dropship.rule.step")}</label>
              <select id="step" name="step" defaultValue="500">
                <option value="1">{t("dropship.rule.stepNone")}</option>
                <option value="100">Rp100</option>
                <option value="500">Rp500</option>
                <option value="1000">Rp1.000</option>
              </select>
            </div>
            <button type="submit" name="intent" value="add">
              {t("dropship.rule.add")}
            </button>
          </fieldset>
        ) : null}
      </Form>
    </section>
  );
}
