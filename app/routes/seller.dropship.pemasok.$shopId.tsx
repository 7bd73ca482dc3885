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

/** A refused "add" sends back what was chosen, so a page without JavaScript shows the form as the seller left it. */
type Posted = { products: string[]; markupKind: string; markupValue: string; step: string };
type ActionResult = { error: string; posted?: Posted } | { joined: string } | { added: number; skipped: number };
const MARKUP_ERROR = "dropship.error.markup";
const JOINED_MESSAGE: Record<string, string> = { approved: "dropship.catalog.joined", pending: "dropship.catalog.pending", stopped: "dropship.catalog.stopped" };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireShopOwner(request);
  const { shopId } = routeParams(params, SupplierParams);
  const form = await request.formData();
  const posted: Posted = { products: form.getAll("product").map(String), markupKind: String(form.get("markupKind") ?? ""), markupValue: String(form.get("markupValue") ?? ""), step: String(form.get("step") ?? "") };
  try {
    if (form.get("intent") === "join") return { joined: await joinProgram(user.id, shopId) } satisfies ActionResult;
    const parsed = AddListingsSchema.safeParse({ supplierShopId: shopId, ...posted });
    if (!parsed.success) return data({ error: parsed.error.issues[0]?.message ?? MARKUP_ERROR, posted } satisfies ActionResult, { status: 400 });
    const result = await addListings(user.id, parsed.data);
    return { added: result.added.length, skipped: result.skipped } satisfies ActionResult;
  } catch (error) {
    if (error instanceof DomainError) return data({ error: error.messageKey, posted } satisfies ActionResult, { status: statusOf(error) });
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
        success={
          result && "added" in result
            ? t(result.skipped ? "dropship.catalog.added" : "dropship.catalog.addedAll", { count: result.added, skipped: result.skipped })
            : result && "joined" in result
              ? t(JOINED_MESSAGE[result.joined] ?? "dropship.catalog.pending")
              : null
        }
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
      {/* Keyed by what a refused post sent back: the form shows it again, JavaScript or not. */}
      <Form noValidate method="post" key={failed?.posted ? JSON.stringify(failed.posted) : "fresh"}>
        <ul className="ds-list">
          {offers.map((o) => (
            <li key={o.id} className="ds-item">
              <label>
                <input type="checkbox" name="product" value={o.id} disabled={partnerStatus !== "approved"} defaultChecked={failed?.posted?.products.includes(o.id)} /> <strong>{o.title}</strong>
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
              <select id="markupKind" name="markupKind" defaultValue={failed?.posted?.markupKind || "percent"}>
                <option value="percent">{t("dropship.rule.percent")}</option>
                <option value="fixed">{t("dropship.rule.fixed")}</option>
              </select>
            </div>
            <TextField
              id="markupValue"
              name="markupValue"
              label={t("dropship.rule.value")}
              inputMode="decimal"
              required
              defaultValue={failed?.posted?.markupValue ?? "20"}
              error={markupError}
            />
            <div className="field">
              <label htmlFor="step">{t("dropship.rule.step")}</label>
              <select id="step" name="step" defaultValue={failed?.posted?.step || "500"}>
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
