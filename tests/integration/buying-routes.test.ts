import { beforeAll, describe, expect, it } from "vitest";
import CartPage, { action as cartAction, loader as cartLoader } from "../../app/routes/keranjang";
import { formHolding, renderRoute, textOf } from "../setup/render-route";
import { action as loginAction } from "../../app/routes/login";
import Checkout, { action as checkoutAction, loader as checkoutLoader } from "../../app/routes/checkout";
import { loader as orderLoader } from "../../app/routes/pesanan.$orderNumber";
import { loader as ordersLoader } from "../../app/routes/pesanan._index";
import { loader as adminOrdersLoader } from "../../app/routes/admin.pesanan._index";
import { action as notificationAction } from "../../app/routes/payments.midtrans.notification";
import { loadCart } from "../../app/services/cart.server";
import { db } from "../../app/infra/db.server";
import { aBuyer, aShopWithProduct, buyNow } from "../factories/buying";
import { anAdmin } from "../factories/shops";
import { cookieFor, TEST_PASSWORD } from "../factories/users";
import { checkLedgerAfterEach } from "../setup/buying";
import { call, getRequest, payload, postForm } from "../setup/http";

// The buying routes as the browser reaches them: cookies, redirects, permissions.

let shop: Awaited<ReturnType<typeof aShopWithProduct>>;
beforeAll(async () => {
  shop = await aShopWithProduct({ stock: 20, price: 85_000, title: "Kemeja Batik Parang" });
});
checkLedgerAfterEach();

function cartCookieOf(h: Headers): string | undefined {
  return h.getSetCookie().find((c) => c.startsWith("lapak_cart="))?.split(";")[0];
}

describe("cart routes", () => {
  it("answers a bad quantity with what is wrong with it, not that the product is unavailable", async () => {
    for (const quantity of ["0", "-1", "1.5", "abc"]) {
      const res = await call(cartAction, postForm("/keranjang", { intent: "add", productId: shop.product.id, variantId: "", quantity }));
      expect([res.status, payload<{ error: string }>(res.result).error], quantity).toEqual([400, "cart.error.quantity"]);
    }
    const forged = await call(cartAction, postForm("/keranjang", { intent: "add", productId: "not-a-product", variantId: "", quantity: "1" }));
    expect(payload<{ error: string }>(forged.result).error).toBe("cart.error.unavailable");
  });

  it("keeps an anonymous cart in a cookie and merges it into the buyer's cart at log-in", async () => {
    const { user } = await aBuyer();
    const added = await call(cartAction, postForm("/keranjang", { intent: "add", productId: shop.product.id, variantId: "", quantity: "2" }));
    expect(added.status).toBe(200);
    const anon = cartCookieOf(added.headers)!;
    expect(anon).toMatch(/^lapak_cart=.{20,}/);
    const view = payload<{ cart: { count: number } }>((await call(cartLoader, getRequest("/keranjang", { cookie: anon }))).result);
    expect(view.cart.count).toBe(1);

    const login = await call(loginAction, postForm("/login", { email: user.email, password: TEST_PASSWORD, redirectTo: "/checkout" }, { cookie: anon }));
    expect(login.status).toBe(302);
    expect(login.headers.get("Location")).toBe("/checkout");
    expect(cartCookieOf(login.headers)).toBe("lapak_cart=");
    const cart = await loadCart({ userId: user.id }, user.id);
    expect(cart.shops[0].lines.map((l) => [l.title, l.quantity])).toEqual([["Kemeja Batik Parang", 2]]);
  });

  it("“Hapus” can be undone: the cart names what it removed and “Batalkan” puts the same quantity back", async () => {
    const { user } = await aBuyer();
    const cookie = await cookieFor(user.id);
    await call(cartAction, postForm("/keranjang", { intent: "add", productId: shop.product.id, variantId: "", quantity: "3" }, { cookie }));
    const removed = await call(cartAction, postForm("/keranjang", { intent: "remove", itemKey: shop.product.id }, { cookie }));
    expect(removed.status).toBe(302);
    const back = removed.headers.get("Location")!;
    expect((await loadCart({ userId: user.id }, user.id)).count).toBe(0);
    // The page after the redirect (also without JavaScript) says which product went, with the way back.
    type View = { cart: { count: number }; removed: { productId: string; variantId: string; quantity: number; title: string } | null };
    const view = payload<View>((await call(cartLoader, getRequest(back, { cookie }))).result);
    expect(view.removed).toEqual({ productId: shop.product.id, variantId: "", quantity: 3, title: "Kemeja Batik Parang" });
    const page = renderRoute(CartPage, "/keranjang", view);
    expect(textOf(page)).toContain("Kemeja Batik Parang dihapus dari keranjang. Batalkan");
    expect(formHolding(page, "productId", shop.product.id)).toMatch(/^<form method="post"[\s\S]*name="intent" value="add"[\s\S]*name="quantity" value="3"/);
    const undo = await call(cartAction, postForm(back, { intent: "add", productId: view.removed!.productId, variantId: view.removed!.variantId, quantity: String(view.removed!.quantity) }, { cookie }));
    expect(undo.status).toBe(200);
    expect((await loadCart({ userId: user.id }, user.id)).shops[0].lines.map((l) => [l.title, l.quantity])).toEqual([["Kemeja Batik Parang", 3]]);
    // Back in the cart, the note is gone; a forged or stale note names nothing.
    expect(payload<View>((await call(cartLoader, getRequest(back, { cookie }))).result).removed).toBeNull();
    for (const junk of ["/keranjang?dihapus=x&jumlah=3", `/keranjang?dihapus=${shop.product.id}&jumlah=-1`, "/keranjang?dihapus=00000000-0000-4000-8000-000000000000&jumlah=1"]) {
      expect(payload<View>((await call(cartLoader, getRequest(junk, { cookie }))).result).removed, junk).toBeNull();
    }
  });

  it("checkout leaves its checks to the server, so a dropship tick without a sender is answered in Indonesian", async () => {
    const { user, address } = await aBuyer();
    const cookie = await cookieFor(user.id);
    await call(cartAction, postForm("/keranjang", { intent: "add", productId: shop.product.id, variantId: "", quantity: "1" }, { cookie }));
    const url = `/checkout?pilih=${shop.product.id}`;
    const view = payload((await call(checkoutLoader, getRequest(url, { cookie }))).result);
    // The browser's own "required" check would speak the phone's language (English on many phones) and stop the post.
    expect(formHolding(renderRoute(Checkout, "/checkout", view), "senderName")).toMatch(/^<form method="post"[^>]* novalidate=""/);
    const res = await call(checkoutAction, postForm(url, { addressId: address.id, items: shop.product.id, dropship: "1", senderName: "", senderPhone: "" }, { cookie }));
    expect([res.status, payload<{ error: string }>(res.result).error]).toEqual([400, "checkout.error.dropshipSender"]);

    // Each refusal sits under its own field, with what was typed kept and the tick still on.
    const typed = await call(checkoutAction, postForm(url, { addressId: address.id, items: shop.product.id, dropship: "1", senderName: "Toko Ani", senderPhone: "12345" }, { cookie }));
    expect(payload<{ fieldErrors: Record<string, string> }>(typed.result).fieldErrors).toEqual({ senderPhone: "onboarding.shop.phone" });
    const form = formHolding(renderRoute(Checkout, "/checkout", view, "id", payload(typed.result)), "senderName");
    expect(form).toMatch(/<input[^>]*name="dropship"[^>]*checked=""/);
    expect(form).toMatch(/<input[^>]*name="senderName"[^>]*value="Toko Ani"/);
    expect(form).toMatch(/<input[^>]*name="senderPhone"[^>]*aria-invalid="true"[^>]*aria-describedby="senderPhone-error"[^>]*value="12345"/);
    expect(form).toContain('<p class="field__error" id="senderPhone-error" role="alert">Nomor HP tidak valid. Contoh: 0812 3456 7890</p>');
    expect(form).not.toContain('id="senderName-error"');
  });

  it("a changed price not accepted is answered under its tick", async () => {
    const { user, address } = await aBuyer();
    const cookie = await cookieFor(user.id);
    const changing = await aShopWithProduct({ stock: 5, price: 100_000, title: "Sarung Tenun Samarinda" });
    await call(cartAction, postForm("/keranjang", { intent: "add", productId: changing.product.id, variantId: "", quantity: "1" }, { cookie }));
    await db().product.update({ where: { id: changing.product.id }, data: { priceRupiah: 120_000 } });
    const url = `/checkout?pilih=${changing.product.id}`;
    const view = payload<{ shops: { shop: { id: string }; chosenService: string }[] }>((await call(checkoutLoader, getRequest(url, { cookie }))).result);
    const res = await call(
      checkoutAction,
      postForm(url, { addressId: address.id, items: changing.product.id, [`price.${changing.product.id}`]: "120000", [`service.${view.shops[0].shop.id}`]: view.shops[0].chosenService }, { cookie }),
    );
    expect(res.status).toBe(409);
    expect(payload<{ fieldErrors: Record<string, string> }>(res.result).fieldErrors).toEqual({ acceptPrices: "checkout.error.acceptPrices" });
    const form = formHolding(renderRoute(Checkout, "/checkout", view, "id", payload(res.result)), "acceptPrices");
    expect(form).toMatch(/<input type="checkbox" id="acceptPrices" name="acceptPrices"[^>]* aria-invalid="true" aria-describedby="acceptPrices-error"/);
    expect(form).toContain('<p class="field__error" id="acceptPrices-error" role="alert">Setujui harga baru dulu sebelum membayar.</p>');
  });

  it("“Beli Sekarang” goes to checkout with that item only; checkout asks an anonymous visitor to log in", async () => {
    const res = await call(cartAction, postForm("/keranjang", { intent: "buy_now", productId: shop.product.id, variantId: "", quantity: "1" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/checkout?pilih=${shop.product.id}`);
    const checkout = await call(checkoutLoader, getRequest(`/checkout?pilih=${shop.product.id}`, { cookie: cartCookieOf(res.headers) }));
    expect(checkout.status).toBe(302);
    expect(checkout.headers.get("Location")).toContain("/login?redirectTo=");
  });

  it("tells a seller they cannot buy from their own shop", async () => {
    const res = await call(cartAction, postForm("/keranjang", { intent: "add", productId: shop.product.id, variantId: "", quantity: "1" }, { cookie: await cookieFor(shop.owner.id) }));
    expect(res.status).toBe(403);
    expect(payload<{ error: string }>(res.result).error).toBe("cart.error.ownShop");
  });
});

describe("order pages", () => {
  it("shows a buyer their orders only; another buyer gets 404; only admins search all orders", async () => {
    const a = await aBuyer();
    const b = await aBuyer();
    const placed = await buyNow(a.user, a.address.id, shop.product.id);
    const number = placed.orders[0].orderNumber;
    const mine = payload<{ orders: { orderNumber: string }[] }>((await call(ordersLoader, getRequest("/pesanan", { cookie: await cookieFor(a.user.id) }))).result);
    expect(mine.orders.map((o) => o.orderNumber)).toEqual([number]);
    const theirs = payload<{ orders: unknown[] }>((await call(ordersLoader, getRequest("/pesanan", { cookie: await cookieFor(b.user.id) }))).result);
    expect(theirs.orders).toEqual([]);
    expect((await call(orderLoader, getRequest(`/pesanan/${number}`, { cookie: await cookieFor(b.user.id) }), { orderNumber: number })).status).toBe(404);
    expect((await call(orderLoader, getRequest(`/pesanan/${number}`, { cookie: await cookieFor(a.user.id) }), { orderNumber: number })).status).toBe(200);
    expect((await call(adminOrdersLoader, getRequest(`/admin/pesanan?q=${number}`, { cookie: await cookieFor(a.user.id) }))).status).toBe(403);
    const admin = await anAdmin();
    const found = payload<{ orders: { orderNumber: string }[] }>((await call(adminOrdersLoader, getRequest(`/admin/pesanan?q=${number}`, { cookie: await cookieFor(admin.id) }))).result);
    expect(found.orders.map((o) => o.orderNumber)).toEqual([number]);
  });

  it("answers a malformed notification with 400 and writes nothing", async () => {
    const res = await call(notificationAction, new Request("http://lapak.test/payments/midtrans/notification", { method: "POST", body: "not json", headers: { "Content-Type": "application/json" } }));
    expect(res.status).toBe(400);
  });
});
