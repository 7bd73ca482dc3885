import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { DomainError } from "~/domain/errors";
import { formatRupiah } from "~/i18n/format";
import { getCurrentUser } from "~/infra/auth.server";
import { cartOwnerForWrite, cartOwnerOf } from "~/infra/cart-cookie.server";
import { statusOf } from "~/infra/http.server";
import { CartActionSchema, RemovedLineSchema } from "~/schemas/buying";
import { addToCart, changeQuantity, loadCart, removedLineNote, removeFromCart } from "~/services/cart.server";

export const meta = titleMeta("cart.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const owner = await cartOwnerOf(request, user);
  const cart = owner ? await loadCart(owner, user?.id ?? null) : { shops: [], count: 0, units: 0, goodsTotal: 0 };
  const removedLine = RemovedLineSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const removed = owner && removedLine.success ? await removedLineNote(cart, { productId: removedLine.data.dihapus, variantId: removedLine.data.varian, quantity: removedLine.data.jumlah }) : null;
  return { cart, signedIn: Boolean(user), removed };
}

/** "+ Keranjang" and "Beli Sekarang" post here from the product page (a fetcher), and the cart page's own forms. */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = CartActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    // A quantity a person typed (0, -1, 1,5) gets its own answer; anything else wrong means a stale or forged form.
    const error = parsed.error.issues.some((i) => i.path[0] === "quantity") ? "cart.error.quantity" : "cart.error.unavailable";
    return data({ ok: false as const, error, vars: {} as Record<string, string | number> }, { status: 400 });
  }
  const input = parsed.data;
  const user = await getCurrentUser(request);
  try {
    if (input.intent === "add" || input.intent === "buy_now") {
      const { owner, setCookie } = await cartOwnerForWrite(request, user);
      const headers: HeadersInit = setCookie ? { "Set-Cookie": setCookie } : {};
      const { itemKey } = await addToCart(owner, user?.id ?? null, { productId: input.productId, variantId: input.variantId || null, quantity: input.quantity });
      if (input.intent === "buy_now") return redirect(`/checkout?pilih=${encodeURIComponent(itemKey)}`, { headers });
      return data({ ok: true as const, error: null, vars: {} }, { headers });
    }
    const owner = await cartOwnerOf(request, user);
    if (owner && input.intent === "update") await changeQuantity(owner, input.itemKey, input.quantity);
    const removed = owner && input.intent === "remove" ? await removeFromCart(owner, input.itemKey) : null;
    if (removed) return redirect(`/keranjang?${new URLSearchParams({ dihapus: removed.productId, varian: removed.variantId, jumlah: String(removed.quantity) })}`);
    return redirect("/keranjang");
  } catch (error) {
    if (error instanceof DomainError) return data({ ok: false as const, error: error.messageKey, vars: error.vars ?? {} }, { status: statusOf(error) });
    throw error;
  }
}

/** After "Hapus": which product went, and "Batalkan" to put the same quantity back (a plain form: no JS needed). */
function RemovedNote() {
  const t = useT();
  const { removed } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  if (!removed) return null;
  return (
    <div className="notice cart-undo" role="status">
      <span>{t("cart.removed", { title: removed.title })}</span>
      <Form noValidate method="post">
        <input type="hidden" name="intent" value="add" />
        <input type="hidden" name="productId" value={removed.productId} />
        <input type="hidden" name="variantId" value={removed.variantId} />
        <input type="hidden" name="quantity" value={removed.quantity} />
        <button type="submit" className="button-secondary">
          {t("cart.undo")}
        </button>
      </Form>
      {failed?.error ? <p role="alert">{t(failed.error, failed.vars)}</p> : null}
    </div>
  );
}

export default function CartPage() {
  const t = useT();
  const { cart, signedIn } = useLoaderData<typeof loader>();
  if (!cart.count) {
    return (
      <>
        <h1>{t("cart.title")}</h1>
        <RemovedNote />
        <p>{t("cart.empty")}</p>
        <Link to="/" className="button-secondary">
          {t("cart.browse")}
        </Link>
      </>
    );
  }
  return (
    <>
      <h1>{t("cart.title")}</h1>
      <RemovedNote />
      {cart.shops.map((group) => (
        <section key={group.shop.id} className="card" aria-label={group.shop.name}>
          <h2>
            <Link to={`/toko/${group.shop.slug}`}>{group.shop.name}</Link>
          </h2>
          {group.lines.map((line) => (
            <article key={line.itemKey} className="cart-line" aria-label={line.title}>
              {line.photo ? <img src={line.photo} alt="" width={64} height={64} loading="lazy" /> : null}
              <div>
                <p>
                  <Link to={`/produk/${line.slug}`}>{line.title}</Link>
                  {line.variantLabel ? <span className="muted"> · {line.variantLabel}</span> : null}
                </p>
                <p>
                  <strong>{formatRupiah(line.unitPrice)}</strong>
                  {line.problems.includes("price_changed") ? <span className="muted"> · {t("cart.priceWas", { was: formatRupiah(line.priceSeen) })}</span> : null}
                </p>
                {line.problems
                  .filter((p) => p !== "price_changed")
                  .map((p) => (
                    <p key={p} className="field__error" role="alert">
                      {t(`cart.problem.${p}`, { title: line.title })}
                    </p>
                  ))}
                <Form noValidate method="post" className="cart-line__qty">
                  <input type="hidden" name="intent" value="update" />
                  <input type="hidden" name="itemKey" value={line.itemKey} />
                  <label htmlFor={`qty-${line.itemKey}`}>{t("cart.quantity")}</label>
                  <input id={`qty-${line.itemKey}`} name="quantity" type="number" inputMode="numeric" min={line.minOrder} max={Math.max(line.stock, line.minOrder)} defaultValue={line.quantity} />
                  <button type="submit" className="button-secondary">
                    {t("cart.update")}
                  </button>
                </Form>
                <Form noValidate method="post" className="cart-line__remove">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="itemKey" value={line.itemKey} />
                  <button type="submit" className="link-button" aria-label={`${t("cart.remove")} ${line.title}`}>
                    {t("cart.remove")}
                  </button>
                </Form>
              </div>
            </article>
          ))}
        </section>
      ))}
      <section className="card" aria-label={t("checkout.summary")}>
        <p>
          {t("cart.goods", { count: cart.units })}: <strong>{formatRupiah(cart.goodsTotal)}</strong>
        </p>
        {signedIn ? null : <p className="muted">{t("cart.signInToBuy")}</p>}
        <Link to="/checkout" className="button">
          {t("cart.checkout")} ({cart.units})
        </Link>
      </section>
    </>
  );
}
