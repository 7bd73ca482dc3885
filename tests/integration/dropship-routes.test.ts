import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/infra/db.server";
import * as dashboard from "~/routes/seller.dropship._index";
import * as catalog from "~/routes/seller.dropship.pemasok.$shopId";
import * as program from "~/routes/seller.dropship.program";
import * as sellerProducts from "~/routes/seller.products._index";
import { aBuyer } from "../factories/paid-orders";
import { aProduct } from "../factories/products";
import { aSeller } from "../factories/shops";
import { cookieFor } from "../factories/users";
import { call, getRequest, payload, postForm } from "../setup/http";
import { formHolding, renderRoute, textOf } from "../setup/render-route";

type Seller = Awaited<ReturnType<typeof aSeller>>;
let supplier: Seller;
let dropshipper: Seller;
let supplierCookie: string;
let dropshipperCookie: string;
let product: { id: string };

beforeAll(async () => {
  supplier = await aSeller({ status: "approved", name: "Pemasok Rute" });
  dropshipper = await aSeller({ status: "approved", name: "Dropshipper Rute" });
  product = await aProduct(supplier.owner, { title: "Kerudung Paris Polos", price: 30_000 });
  supplierCookie = await cookieFor(supplier.owner.id);
  dropshipperCookie = await cookieFor(dropshipper.owner.id);
});

describe("dropship routes", () => {
  it("supplier opens a product through its form; dropshipper joins and adds it with a 20% markup rounded to Rp500", async () => {
    const bad = await call(program.action, postForm("/seller/dropship/program", { product: product.id, [`open.${product.id}`]: "1", [`price.${product.id}`]: "abc" }, { cookie: supplierCookie }));
    expect(bad.status).toBe(400);
    const saved = await call(program.action, postForm("/seller/dropship/program", { product: product.id, [`open.${product.id}`]: "1", [`price.${product.id}`]: "21700", [`min.${product.id}`]: "" }, { cookie: supplierCookie }));
    expect(payload(saved.result)).toEqual({ saved: 1, unlisted: 0 });
    const page = payload<{ products: { id: string; open: boolean; dropshipPrice: number }[] }>((await call(program.loader, getRequest("/seller/dropship/program", { cookie: supplierCookie }))).result);
    expect(page.products.find((p) => p.id === product.id)).toMatchObject({ open: true, dropshipPrice: 21_700 });

    const url = `/seller/dropship/pemasok/${supplier.shop.id}`;
    const params = { shopId: supplier.shop.id };
    const joined = payload((await call(catalog.action, postForm(url, { intent: "join" }, { cookie: dropshipperCookie }), params)).result);
    expect(joined).toEqual({ joined: "approved" });
    // The page says so, above the products now open to tick.
    const afterJoin = payload((await call(catalog.loader, getRequest(url, { cookie: dropshipperCookie }), params)).result);
    expect(textOf(renderRoute(catalog.default, url, afterJoin, "id", joined))).toContain("Kamu sudah jadi dropshipper pemasok ini.");
    const noMarkup = await call(catalog.action, postForm(url, { intent: "add", product: product.id, markupKind: "fixed", markupValue: "dua puluh", step: "1000" }, { cookie: dropshipperCookie }), params);
    expect(payload(noMarkup.result)).toEqual({ error: "dropship.error.markup", posted: { products: [product.id], markupKind: "fixed", markupValue: "dua puluh", step: "1000" } });
    // The page after that post (as a browser without JavaScript gets it): the message under the markup field, and the
    // form as the seller left it (a kind reset to "percent" would turn a typed 15000 rupiah into 15000 %).
    const view = payload((await call(catalog.loader, getRequest(url, { cookie: dropshipperCookie }), params)).result);
    const form = formHolding(renderRoute(catalog.default, url, view, "id", payload(noMarkup.result)), "markupValue");
    expect(form).toMatch(/^<form method="post"[^>]* novalidate=""/);
    expect(form).toMatch(/<input[^>]*id="markupValue"[^>]*aria-describedby="markupValue-error"[^>]*value="dua puluh"|<input[^>]*value="dua puluh"[^>]*id="markupValue"/);
    expect(textOf(form)).toContain("Isi markup yang benar: persen (mis. 20) atau rupiah (mis. 15000).");
    expect(form).toContain(`<input type="checkbox" name="product" checked="" value="${product.id}"/>`);
    expect(form).toMatch(/<option value="fixed" selected="">/);
    expect(form).toMatch(/<option value="1000" selected="">/);
    const added = await call(catalog.action, postForm(url, { intent: "add", product: product.id, markupKind: "percent", markupValue: "20", step: "500" }, { cookie: dropshipperCookie }), params);
    expect(payload(added.result)).toEqual({ added: 1, skipped: 0 });
    const listing = await db().product.findFirstOrThrow({ where: { shopId: dropshipper.shop.id } });
    expect(listing.priceRupiah).toBe(26_500); // 21.700 + 20% = 26.040 → Rp26.500

    // In the dropshipper's product list: marked as dropship with the supplier's stock, and no stock of its own to edit.
    const list = payload((await call(sellerProducts.loader, getRequest("/seller/products", { cookie: dropshipperCookie }))).result);
    const row = formHolding(renderRoute(sellerProducts.default, "/seller/products", list), "productId", listing.id);
    expect(row).toContain('<input type="hidden" name="stock" value="0"/>');
    expect(row).not.toMatch(/<input[^>]*id="[^"]*-stock"/);
    expect(textOf(renderRoute(sellerProducts.default, "/seller/products", list))).toContain("Dropship stok pemasok 10");

    const dash = payload<{ suppliers: { supplier: string; products: { margin: number; stock: number }[] }[] }>((await call(dashboard.loader, getRequest("/seller/dropship", { cookie: dropshipperCookie }))).result);
    expect(dash.suppliers).toEqual([expect.objectContaining({ supplier: supplier.shop.name, products: [expect.objectContaining({ margin: 4_800, stock: 10 })] })]);
  });

  it("a buyer without a shop cannot open the dropship pages", async () => {
    const buyer = await aBuyer("Pembeli Biasa");
    const cookie = await cookieFor(buyer.id);
    expect((await call(dashboard.loader, getRequest("/seller/dropship", { cookie }))).status).toBe(403);
    expect((await call(program.action, postForm("/seller/dropship/program", { product: product.id }, { cookie }))).status).toBe(403);
  });
});
