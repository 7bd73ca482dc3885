import type { ActionFunctionArgs, LoaderFunctionArgs, LinksFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FormError, TextAreaField } from "~/components/forms/fields";
import { useLocale, useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { DomainError } from "~/domain/errors";
import { formatRupiah } from "~/i18n/format";
import { requirePermission } from "~/infra/auth.server";
import { redirectWithFlash } from "~/infra/flash.server";
import { parseForm } from "~/infra/forms.server";
import { queryParams, statusOf } from "~/infra/http.server";
import { blockProduct, type ModerationFilterStatus, moderationQueue, unblockProduct } from "~/services/product-moderation.server";
import adminCatalogStyles from "~/styles/admin-catalog.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminCatalogStyles }];

export const meta = titleMeta("adminProducts.title");

const REASON_MAX = 500;
// Defined here, not imported from the service: the component renders them in the browser, where *.server modules are empty.
const MODERATION_FILTERS = ["all", "active", "blocked"] as const satisfies readonly ModerationFilterStatus[];
const ModerationQuerySchema = z.object({
  status: z.enum(MODERATION_FILTERS).catch("all"),
  q: z.string().catch("").transform((q) => q.slice(0, 100)),
  after: z.string().optional(),
});
const productId = z.string().regex(/^[0-9a-f-]{36}$/, "adminProducts.error.product.notFound");

// The reason is shown to the seller, so a block without one is refused here and again by the domain.
const ModerationSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("block"), productId, reason: z.string().trim().min(1, "adminProducts.reasonRequired").max(REASON_MAX, "validation.tooLong") }),
  z.object({ intent: z.literal("unblock"), productId }),
]);

// Refusals of changeProductStatus, in this screen's words.
const ERROR_KEYS: Record<string, string> = {
  product_reason_required: "adminProducts.error.product_reason_required",
  product_move_invalid: "adminProducts.error.product_move_invalid",
  "product.notFound": "adminProducts.error.product.notFound",
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "moderate:product:any");
  const { q, status, after } = queryParams(request, ModerationQuerySchema);
  const result = await moderationQueue({ q, status, after });
  return { ...result, q, status };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "moderate:product:any");
  const parsed = await parseForm(request, ModerationSchema);
  if (!parsed.ok) return parsed.response;
  const d = parsed.data;
  try {
    if (d.intent === "block") await blockProduct(admin, d.productId, d.reason);
    else await unblockProduct(admin, d.productId);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const field = error.messageKey === "product_reason_required" ? "reason" : "_form";
    const values = { intent: d.intent, productId: d.productId, reason: d.intent === "block" ? d.reason : "" };
    return data({ errors: { [field]: ERROR_KEYS[error.messageKey] ?? error.messageKey } as Record<string, string>, values }, { status: statusOf(error) });
  }
  // Back to the same search and page, with the product's new state.
  const url = new URL(request.url);
  return redirectWithFlash(request, url.pathname + url.search, { kind: "success", key: d.intent === "block" ? "adminProducts.flash.blocked" : "adminProducts.flash.unblocked" });
}

export default function AdminProducts() {
  const t = useT();
  const locale = useLocale();
  const { items, next, q, status } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const posted = (actionData?.values ?? {}) as Record<string, string>;
  const errorsFor = (id: string) => (posted.productId === id ? actionData?.errors : undefined);
  return (
    <>
      <p>
        <Link to="/admin">← {t("admin.title")}</Link>
      </p>
      <h1>{t("adminProducts.title")}</h1>
      <p>{t("adminProducts.lead")}</p>
      <Form method="get" className="card stack" role="search">
        <div className="field">
          <label htmlFor="q">{t("adminProducts.search")}</label>
          <input id="q" name="q" type="search" defaultValue={q} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="status">{t("adminProducts.filterStatus")}</label>
          <select id="status" name="status" defaultValue={status}>
            {MODERATION_FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`adminProducts.filter.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("filter.apply")}</button>
      </Form>
      {items.length === 0 ? <p>{t("adminProducts.empty")}</p> : null}
      <ul className="mod-list">
        {items.map((p) => {
          const errors = errorsFor(p.id);
          return (
            <li key={p.id} className="card mod-item">
              <p>
                <strong>{p.title}</strong> <span className={`badge badge--product-${p.status}`}>{t(`adminProducts.status.${p.status}`)}</span>
              </p>
              <p className="muted">
                {t("adminProducts.meta", { shop: p.shopName, category: locale === "en" && p.category.nameEn ? p.category.nameEn : p.category.name, price: formatRupiah(p.priceRupiah) })}
              </p>
              {p.blockedReason ? <p className="mod-item__reason">{t("adminProducts.blockedReason", { reason: p.blockedReason })}</p> : null}
              <Form noValidate method="post" className="stack">
                <FormError error={errors?._form ?? errors?.productId} />
                <input type="hidden" name="productId" value={p.id} />
                {p.status === "blocked" ? (
                  <button type="submit" name="intent" value="unblock" className="button-secondary" aria-label={t("adminProducts.unblockLabel", { title: p.title })} disabled={navigation.state === "submitting"}>
                    {t("adminProducts.unblock")}
                  </button>
                ) : (
                  <>
                    <TextAreaField id={`reason-${p.id}`} name="reason" label={t("adminProducts.reason")} rows={2} required maxLength={REASON_MAX} defaultValue={errors ? posted.reason : undefined} error={errors?.reason} />
                    <button type="submit" name="intent" value="block" className="button-danger" aria-label={t("adminProducts.blockLabel", { title: p.title })} disabled={navigation.state === "submitting"}>
                      {t("adminProducts.block")}
                    </button>
                  </>
                )}
              </Form>
            </li>
          );
        })}
      </ul>
      {next ? <Link to={`?status=${status}&q=${encodeURIComponent(q)}&after=${encodeURIComponent(next)}`}>{t("pagination.next")}</Link> : null}
    </>
  );
}
