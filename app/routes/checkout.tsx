import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { CheckboxField, TextField } from "~/components/forms/fields";
import { useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { DomainError } from "~/domain/errors";
import { formatRupiah } from "~/i18n/format";
import { requireUser } from "~/infra/auth.server";
import { redirectWithFlash } from "~/infra/flash.server";
import { statusOf } from "~/infra/http.server";
import { logger } from "~/infra/logger.server";
import { CheckoutSchema, parseCheckoutForm } from "~/schemas/buying";
import { checkoutPage, placeOrder } from "~/services/checkout.server";
import { startPayment } from "~/services/payments.server";

export const meta = titleMeta("checkout.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const keys = url.searchParams.get("pilih")?.split(",").filter(Boolean);
  const page = await checkoutPage(user, { keys, addressId: url.searchParams.get("alamat") });
  return { ...page, backHere: url.pathname + url.search };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const fields = Object.fromEntries([...(await request.formData()).entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
  // What the buyer typed for the dropship sender goes back with any refusal, so nothing typed is lost without JavaScript.
  const sender = { dropship: fields.dropship === "1", senderName: fields.senderName ?? "", senderPhone: fields.senderPhone ?? "" };
  const refuse = (error: string, status: number, vars: Record<string, string | number> = {}, fieldErrors: Record<string, string> = {}) => data({ error, vars, fieldErrors, sender }, { status });
  const parsed = CheckoutSchema.safeParse(fields);
  if (!parsed.success) {
    // A sender's name or phone is answered under its field (and summed up above the page); anything else is a stale form.
    const fieldErrors = Object.fromEntries(parsed.error.issues.filter((i) => i.path[0] === "senderName" || i.path[0] === "senderPhone").map((i) => [String(i.path[0]), i.message]));
    return refuse(Object.keys(fieldErrors).length ? "checkout.error.dropshipSender" : "checkout.error.address", 400, {}, fieldErrors);
  }
  let placed;
  try {
    placed = await placeOrder(user, parseCheckoutForm(parsed.data));
  } catch (error) {
    if (error instanceof DomainError) return refuse(error.messageKey, statusOf(error), error.vars ?? {}, error.messageKey === "checkout.error.acceptPrices" ? { acceptPrices: error.messageKey } : {});
    throw error;
  }
  try {
    return redirect(await startPayment(user.id, placed.paymentNumber));
  } catch (error) {
    // The orders exist and hold their stock; the buyer can open the payment again from "Pesanan Saya".
    logger.warn({ err: (error as Error).message, payment: placed.paymentNumber }, "payment page could not be opened");
    return redirectWithFlash(request, "/pesanan", { kind: "error", key: "checkout.error.payment" });
  }
}

export default function Checkout() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [dropship, setDropship] = useState(actionData?.sender.dropship ?? false);
  const fieldErrors = actionData?.fieldErrors ?? {};
  // "Bayar" sits at the bottom of a long page; a refusal is summed up at the top. Bring it into view and focus it,
  // so a phone user (and a screen reader) learns what happened; the field's own message waits below.
  const refusal = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!actionData?.error) return;
    refusal.current?.scrollIntoView({ block: "start" });
    refusal.current?.focus({ preventScroll: true });
  }, [actionData]);
  const [services, setServices] = useState<Record<string, string>>(() => Object.fromEntries(page.shops.map((s) => [s.shop.id, s.chosenService ?? ""])));

  if (!page.shops.length) {
    return (
      <>
        <h1>{t("checkout.title")}</h1>
        <p>{t("checkout.empty")}</p>
        <Link to="/keranjang">{t("nav.cart")}</Link>
      </>
    );
  }

  // The summary follows the courier picked per shop; the server computes the same sums again when "Bayar" is pressed.
  const shipping = page.shops.map((s) => s.quotes.find((q) => q.serviceCode === services[s.shop.id])?.priceRupiah ?? 0);
  const goods = page.totals.goodsTotal;
  const shippingTotal = shipping.reduce((a, b) => a + b, 0);
  const total = goods + shippingTotal + page.totals.feeTotal;
  const addressPath = `/alamat?redirectTo=${encodeURIComponent(page.backHere)}`;

  return (
    <>
      <h1>{t("checkout.title")}</h1>
      {actionData?.error ? (
        <div className="alert alert--error" role="alert" ref={refusal} tabIndex={-1}>
          {t(actionData.error, actionData.vars)}
        </div>
      ) : null}

      <section className="card" aria-labelledby="checkout-address">
        <h2 id="checkout-address">{t("checkout.address")}</h2>
        {page.address ? (
          <>
            <p>
              <strong>{page.address.label || page.address.recipient}</strong> · {page.address.recipient} · {page.address.phone}
            </p>
            <p className="muted">
              {page.address.street}, {page.address.district}, {page.address.regency}, {page.address.province} {page.address.postalCode}
            </p>
            {page.addresses
              .filter((a) => a.id !== page.address?.id)
              .map((a) => (
                <p key={a.id}>
                  <Link to={`?${new URLSearchParams({ ...(page.keys.length ? { pilih: page.keys.join(",") } : {}), alamat: a.id })}`}>
                    {t("checkout.useAddress")}: {a.label || a.recipient}, {a.regency}
                  </Link>
                </p>
              ))}
            <Link to={addressPath} className="tap-link">{t("checkout.manageAddresses")}</Link>
          </>
        ) : (
          <>
            <p>{t("checkout.noAddress")}</p>
            <Link to={addressPath} className="button">
              {t("address.add")}
            </Link>
          </>
        )}
      </section>

      {page.blocking.length ? (
        <div className="alert alert--error" role="alert">
          <p>{t("checkout.blocking")}</p>
          <ul>
            {page.blocking.map((b) => b.problems.filter((p) => p !== "price_changed").map((p) => <li key={b.itemKey + p}>{t(`cart.problem.${p}`, { title: b.title })}</li>))}
          </ul>
          <Link to="/keranjang">{t("nav.cart")}</Link>
        </div>
      ) : null}

      {/* noValidate: the server answers a missing sender or an unticked price change in Indonesian, where the
          browser's own check would speak the phone's language. */}
      <Form method="post" noValidate>
        <input type="hidden" name="addressId" value={page.address?.id ?? ""} />
        <input type="hidden" name="items" value={page.keys.join(",")} />
        {page.shops.map((group, i) => (
          <section key={group.shop.id} className="card" aria-label={group.shop.name}>
            <h2>{group.shop.name}</h2>
            {group.lines.map((line) => (
              <p key={line.itemKey}>
                <input type="hidden" name={`price.${line.itemKey}`} value={line.unitPrice} />
                {line.title}
                {line.variantLabel ? ` · ${line.variantLabel}` : ""} · {line.quantity} × {formatRupiah(line.unitPrice)}
              </p>
            ))}
            <fieldset>
              <legend>{t("checkout.courier")}</legend>
              {group.quotes.length === 0 ? <p className="muted">{t(page.address ? "checkout.noCourier" : "checkout.noAddress")}</p> : null}
              {group.quotes.map((q) => (
                <label key={q.serviceCode} className="radio-row">
                  <input type="radio" name={`service.${group.shop.id}`} value={q.serviceCode} checked={services[group.shop.id] === q.serviceCode} onChange={() => setServices((s) => ({ ...s, [group.shop.id]: q.serviceCode }))} />{" "}
                  {t("checkout.courierOption", { courier: q.courier, service: q.service, price: formatRupiah(q.priceRupiah), days: q.etdMinDays === q.etdMaxDays ? String(q.etdMinDays) : `${q.etdMinDays}–${q.etdMaxDays}`, count: q.etdMaxDays, kg: q.billableKg })}
                </label>
              ))}
            </fieldset>
            <div className="field">
              <label htmlFor={`note-${i}`}>{t("checkout.note")}</label>
              <input id={`note-${i}`} name={`note.${group.shop.id}`} maxLength={200} />
            </div>
            <p>
              {t("cart.subtotal")}: <strong>{formatRupiah(group.totals.goodsTotal + shipping[i])}</strong>
            </p>
          </section>
        ))}

        <section className="card" aria-labelledby="checkout-dropship">
          <label className="checkbox-row" id="checkout-dropship">
            <input type="checkbox" name="dropship" value="1" checked={dropship} onChange={(e) => setDropship(e.currentTarget.checked)} /> <strong>{t("checkout.dropship")}</strong>
          </label>
          <p className="muted">{t("checkout.dropshipHint")}</p>
          {/* Always in the form, so it works without JavaScript too; the server asks for them only when ticked. */}
          <div className="dropship-sender">
            <TextField id="senderName" name="senderName" label={t("checkout.senderName")} required={dropship} minLength={2} maxLength={60} autoComplete="name" defaultValue={actionData?.sender.senderName} error={fieldErrors.senderName} />
            <TextField id="senderPhone" name="senderPhone" label={t("checkout.senderPhone")} type="tel" inputMode="tel" required={dropship} maxLength={20} autoComplete="tel" defaultValue={actionData?.sender.senderPhone} error={fieldErrors.senderPhone} />
          </div>
        </section>

        <section className="card" aria-labelledby="checkout-summary">
          <h2 id="checkout-summary">{t("checkout.summary")}</h2>
          <dl className="summary">
            <div>
              <dt>{t("checkout.goods")}</dt>
              <dd>{formatRupiah(goods)}</dd>
            </div>
            <div>
              <dt>{t("checkout.shipping")}</dt>
              <dd>{formatRupiah(shippingTotal)}</dd>
            </div>
            <div>
              <dt>{t("checkout.fee")}</dt>
              <dd>{formatRupiah(page.totals.feeTotal)}</dd>
            </div>
            <div>
              <dt>{t("checkout.total")}</dt>
              <dd>
                <strong data-testid="checkout-total">{formatRupiah(total)}</strong>
              </dd>
            </div>
          </dl>
          <p className="muted">{t("checkout.oneOrderPerShop", { count: page.shops.length })}</p>
          {page.priceChanges.length ? (
            <div className="alert alert--warn" role="status">
              <p>{t("checkout.priceChanged")}</p>
              <ul>
                {page.priceChanges.map((c) => (
                  <li key={c.itemKey}>{t("checkout.priceChangedLine", { title: c.title, was: formatRupiah(c.was), now: formatRupiah(c.now) })}</li>
                ))}
              </ul>
              <CheckboxField id="acceptPrices" name="acceptPrices" value="1" required label={t("checkout.acceptPrices")} error={fieldErrors.acceptPrices} errorVars={actionData?.vars} />
            </div>
          ) : null}
          <p className="muted">{t("checkout.expiry", { hours: page.expiryHours })}</p>
          <button type="submit" disabled={!page.address || page.blocking.length > 0 || navigation.state !== "idle"}>
            {navigation.state === "submitting" ? t("checkout.paying") : t("checkout.pay")}
          </button>
        </section>
      </Form>
    </>
  );
}
