import type { ActionFunctionArgs, LoaderFunctionArgs, LinksFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { type FocusEvent, useId } from "react";
import { z } from "zod";
import { TextField } from "~/components/forms/fields";
import { useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { parseRupiahInput, PRODUCT_STATUSES, type ProductStatus } from "~/domain/catalog/product";
import { DomainError } from "~/domain/errors";
import { formatNumber, formatRupiah } from "~/i18n/format";
import { requireShopOwner } from "~/infra/auth.server";
import { formError, parseForm } from "~/infra/forms.server";
import { decodeCursor, encodeCursor, queryParams, statusOf } from "~/infra/http.server";
import { isoDateTime, uuidParam } from "~/schemas/params";
import { listShopProducts } from "~/models/product.server";
import { findShopOfOwner } from "~/models/shop.server";
import { VariantRowSchema } from "~/schemas/product";
import { changeProductStatus, photoUrl, quickEditProduct } from "~/services/catalog.server";
import sellerProductStyles from "~/styles/seller-products.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: sellerProductStyles }];

export const meta = titleMeta("sellerProducts.title");

const PAGE_SIZE = 20;

// Price and stock follow the same rules as in the product form (one schema for both).
const QuickEditSchema = VariantRowSchema.pick({ price: true, stock: true }).extend({ productId: z.string().uuid("product.notFound") });
const StatusMoveSchema = z.object({ productId: z.string().uuid("product.notFound"), intent: z.enum(["activate", "deactivate"]) });

const ListQuerySchema = z.object({
  q: z.string().default("").transform((q) => q.trim().slice(0, 100)),
  status: z.enum(PRODUCT_STATUSES).optional().catch(undefined),
  after: z.string().optional(),
});
const CursorSchema = z.tuple([isoDateTime.transform((at) => new Date(at)), uuidParam]).transform(([updatedAt, id]) => ({ updatedAt, id }));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireShopOwner(request);
  const shop = (await findShopOfOwner(user.id))!;
  const { q, status = null, after } = queryParams(request, ListQuerySchema);
  const rows = await listShopProducts(shop.id, { q: q || undefined, status: status ?? undefined, take: PAGE_SIZE + 1, after: decodeCursor(after, CursorSchema) });
  const page = rows.slice(0, PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    shopStatus: shop.status,
    q,
    status,
    isLaterPage: Boolean(after),
    next: rows.length > PAGE_SIZE && last ? encodeCursor([last.updatedAt.toISOString(), last.id]) : null,
    products: page.map((p) => ({
      id: p.id,
      title: p.title,
      sku: p.sku,
      priceRupiah: p.priceRupiah,
      stock: p.stock,
      // A dropship listing sells its supplier's stock and holds none of its own.
      supplierStock: p.dropshipListing ? p.dropshipListing.sourceProduct.stock : null,
      status: p.status as ProductStatus,
      blockedReason: p.blockedReason,
      variantCount: p._count.variants,
      coverUrl: p.photos[0] ? photoUrl(p.photos[0].keySmall) : null,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireShopOwner(request);
  const form = await request.formData();
  // Which row answered goes back with the result, so a page posted without JavaScript shows it on that row.
  const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      return { ok: true as const, productId: values.productId };
    } catch (error) {
      if (error instanceof DomainError) return formError(error.messageKey, statusOf(error), "_form", values);
      throw error;
    }
  };
  if (form.get("intent") === "quick") {
    const parsed = await parseForm(request, QuickEditSchema, form);
    if (!parsed.ok) return parsed.response;
    const { productId, price, stock } = parsed.data;
    return run(() => quickEditProduct(user, productId, { priceRupiah: price, stock }));
  }
  const move = StatusMoveSchema.safeParse({ productId: form.get("productId"), intent: form.get("intent") });
  if (!move.success) return formError("product.notFound", 404);
  return run(() => changeProductStatus(user, move.data.productId, move.data.intent));
}

type ActionResult = { ok: true; productId?: string } | { errors?: Record<string, string>; values?: Record<string, string> };
type Product = ReturnType<typeof useLoaderData<typeof loader>>["products"][number];

/** "125000" → "125.000" as the seller leaves the field; anything unreadable stays for the error to point at. */
function formatPriceField(event: FocusEvent<HTMLInputElement>) {
  const n = parseRupiahInput(event.currentTarget.value);
  if (n !== null) event.currentTarget.value = formatNumber(n);
}

export default function SellerProducts() {
  const t = useT();
  const { products, q, status, next, isLaterPage, shopStatus } = useLoaderData<typeof loader>();
  const query = (over: Record<string, string | null>) => {
    const params = new URLSearchParams();
    const merged = { q: q || null, status, ...over };
    for (const [k, v] of Object.entries(merged)) if (v) params.set(k, v);
    const s = params.toString();
    return s ? `?${s}` : "";
  };
  return (
    <section className="sp-list">
      <h1>{t("sellerProducts.title")}</h1>
      <div className="row">
        <Link className="button" to="/seller/products/new">
          {t("sellerProducts.add")}
        </Link>
        <Link to="/seller/products/import">{t("sellerProducts.bulk")}</Link>
      </div>
      {shopStatus !== "approved" ? (
        <p className="alert alert--info" role="status">
          {t("sellerProducts.shopNotApproved")}
        </p>
      ) : null}

      <Form method="get" className="sp-search" role="search">
        {status ? <input type="hidden" name="status" value={status} /> : null}
        <label htmlFor="sp-q" className="kyc-sr-only">
          {t("sellerProducts.search")}
        </label>
        <input id="sp-q" type="search" name="q" defaultValue={q} placeholder={t("sellerProducts.search")} enterKeyHint="search" />
        <button type="submit">{t("sellerProducts.searchButton")}</button>
      </Form>

      <nav aria-label={t("sellerProducts.filter")} className="sp-filters">
        <ul>
          {[null, ...PRODUCT_STATUSES].map((s) => (
            <li key={s ?? "all"}>
              <Link to={query({ status: s, after: null })} aria-current={s === status ? "page" : undefined} preventScrollReset>
                {s ? t(`sellerProducts.status.${s}`) : t("sellerProducts.filter.all")}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {products.length === 0 ? (
        <p className="muted">{q || status ? t("sellerProducts.emptyFiltered") : t("sellerProducts.empty")}</p>
      ) : (
        <ul className="sp-rows">
          {products.map((p) => (
            <ProductRow key={p.id} product={p} />
          ))}
        </ul>
      )}

      <div className="row sp-pager">
        {isLaterPage ? <Link to={query({ after: null })}>{t("sellerProducts.pageFirst")}</Link> : null}
        {next ? (
          <Link className="button-secondary" to={query({ after: next })}>
            {t("pagination.next")}
          </Link>
        ) : null}
      </div>
    </section>
  );
}

function ProductRow({ product: p }: { product: Product }) {
  const t = useT();
  const quick = useFetcher<ActionResult>();
  const move = useFetcher<ActionResult>();
  const id = useId();
  // Without JavaScript the forms post the page itself: its action data, when about this row, stands in for the fetchers'.
  const posted = useActionData<ActionResult>();
  const page = posted && ("ok" in posted ? posted.productId === p.id : posted.values?.productId === p.id) ? posted : undefined;
  const quickResult = quick.data ?? (page && (("values" in page && page.values?.intent === "quick") || !("errors" in page)) ? page : undefined);
  const moveResult = move.data ?? (page && "values" in page && page.values?.intent !== "quick" ? page : undefined);
  const quickErrors = quickResult && "errors" in quickResult ? quickResult.errors : undefined;
  const typed = quickResult && "values" in quickResult ? quickResult.values : undefined;
  const moveError = moveResult && "errors" in moveResult ? moveResult.errors?._form : undefined;
  const quickSaved = quick.state === "idle" && quickResult && "ok" in quickResult;
  const canMove = p.status === "active" ? "deactivate" : p.status === "blocked" ? null : "activate";

  return (
    <li className="card sp-row">
      <div className="sp-row__head">
        {p.coverUrl ? <img className="sp-thumb" src={p.coverUrl} alt="" width={64} height={64} loading="lazy" /> : <span className="sp-thumb sp-thumb--none">{t("sellerProducts.noPhoto")}</span>}
        <div className="sp-row__main">
          <Link to={`/seller/products/${p.id}`} className="sp-row__title">
            {p.title}
          </Link>
          <p className="sp-row__meta">
            <span className={`badge sp-status sp-status--${p.status}`}>{t(`sellerProducts.status.${p.status}`)}</span>{" "}
            <span>{p.variantCount ? t("sellerProducts.priceFrom", { price: formatRupiah(p.priceRupiah) }) : formatRupiah(p.priceRupiah)}</span>
            {" · "}
            {p.supplierStock === null ? (
              <span>{t("sellerProducts.stockOf", { stock: formatNumber(p.stock) })}</span>
            ) : (
              <span>
                <span className="badge">{t("sellerProducts.dropshipBadge")}</span> {t("sellerProducts.supplierStock", { stock: formatNumber(p.supplierStock) })}
              </span>
            )}
            {p.sku ? <span className="muted"> · {p.sku}</span> : null}
          </p>
          {p.status === "blocked" && p.blockedReason ? <p className="field__error">{t("sellerProducts.blockedReason", { reason: p.blockedReason })}</p> : null}
        </div>
      </div>

      {p.variantCount === 0 && p.status !== "blocked" ? (
        <quick.Form noValidate method="post" className="sp-quick" aria-label={t("sellerProducts.quickEdit", { title: p.title })}>
          <input type="hidden" name="intent" value="quick" />
          <input type="hidden" name="productId" value={p.id} />
          <TextField
            id={`${id}-price`}
            name="price"
            label={t("sellerProducts.price")}
            inputMode="numeric"
            autoComplete="off"
            defaultValue={typed?.price ?? formatNumber(p.priceRupiah)}
            onBlur={formatPriceField}
            error={quickErrors?.price}
          />
          {p.supplierStock !== null ? (
            <input type="hidden" name="stock" value="0" />
          ) : (
            <TextField id={`${id}-stock`} name="stock" label={t("sellerProducts.stock")} inputMode="numeric" autoComplete="off" defaultValue={typed?.stock ?? String(p.stock)} error={quickErrors?.stock} />
          )}
          <button type="submit" className="button-secondary sp-quick__save" disabled={quick.state !== "idle"}>
            {t("sellerProducts.quickSave")}
          </button>
          <p className="sp-quick__status" role="status">
            {quickSaved ? t("sellerProducts.quickSaved") : ""}
          </p>
          {quickErrors?._form ? (
            <p className="field__error sp-quick__form-error" role="alert">
              {t(quickErrors._form)}
            </p>
          ) : null}
        </quick.Form>
      ) : p.variantCount > 0 ? (
        <p className="muted sp-row__note">{t("sellerProducts.variantsNote", { count: p.variantCount })}</p>
      ) : null}

      <div className="row sp-row__actions">
        <Link className="button-secondary" to={`/seller/products/${p.id}`} aria-label={t("sellerProducts.editNamed", { title: p.title })}>
          {t("sellerProducts.edit")}
        </Link>
        {canMove ? (
          <move.Form noValidate method="post">
            <input type="hidden" name="productId" value={p.id} />
            <button type="submit" name="intent" value={canMove} className="button-secondary" disabled={move.state !== "idle"}>
              {t(canMove === "activate" ? "sellerProducts.activate" : "sellerProducts.deactivate")}
            </button>
          </move.Form>
        ) : null}
      </div>
      {moveError ? (
        <p className="field__error" role="alert">
          {t(moveError)}
        </p>
      ) : null}
    </li>
  );
}
