import { beforeAll, afterAll, describe, expect, it } from "vitest";
import { db } from "~/infra/db.server";
import { setPaymentGatewayForTests } from "~/infra/payments/gateway.server";
import { productPage, shippingEstimate } from "~/services/browse.server";
import { quickEditProduct, saveProduct } from "~/services/catalog.server";
import { addToCart } from "~/services/cart.server";
import { checkoutPage, placeOrder } from "~/services/checkout.server";
import { addListings, decidePartner, dropshipperDashboard, joinProgram, openProducts, supplierCatalog, supplierProgram } from "~/services/dropship.server";
import { balancesOfShop, countReleaseEntries, escrowBalanceOfOrder } from "~/models/ledger.server";
import { confirmReceipt } from "~/services/order-completion.server";
import { sellerFinance } from "~/services/seller-finance.server";
import { applySettlement } from "~/services/payments.server";
import { packingSlipsPdf, sellerOrder, sellerOrderList, shipOrder, shippingLabelsPdf } from "~/services/seller-orders.server";
import { aBuyer, aFakeGateway, aPaidOrder } from "../factories/paid-orders";
import { aProduct } from "../factories/products";
import { aSeller } from "../factories/shops";
import { rejects } from "../setup/domain-errors";
import { readPdf } from "../setup/pdf";

const fake = aFakeGateway();
type Seller = Awaited<ReturnType<typeof aSeller>>;
let supplier: Seller;
let dropshipper: Seller;
let buyer: Awaited<ReturnType<typeof aBuyer>>;
let source: { id: string };
let listing: { productId: string; slug: string; price: number; margin: number };


const json = (v: unknown) => JSON.stringify(v, (_, x: unknown) => (typeof x === "bigint" ? String(x) : x));

/** The buyer buys `quantity` of the listing from the dropshipper's shop; settled as the notification would. */
async function buyListing(quantity = 1) {
  await addToCart({ userId: buyer.id }, buyer.id, { productId: listing.productId, variantId: null, quantity });
  const page = await checkoutPage(buyer);
  const shop = page.shops.find((s) => s.shop.id === dropshipper.shop.id)!;
  const placed = await placeOrder(buyer, {
    addressId: buyer.addressId,
    keys: shop.lines.map((l) => l.itemKey),
    prices: Object.fromEntries(shop.lines.map((l) => [l.itemKey, l.unitPrice])),
    services: { [dropshipper.shop.id]: shop.chosenService! },
    notes: {},
    acceptPrices: false,
  });
  await applySettlement(placed.paymentId, { transaction_status: "settlement", payment_type: "bank_transfer", transaction_id: `t-${placed.paymentNumber}`, settlement_time: undefined }, "test", new Date());
  return db().order.findUniqueOrThrow({ where: { id: placed.orders[0].id }, include: { items: true, shipment: true } });
}

beforeAll(async () => {
  setPaymentGatewayForTests(fake.gateway);
  supplier = await aSeller({ status: "approved", name: "Hj. Euis Grosir" });
  dropshipper = await aSeller({ status: "approved", name: "Rina Reseller" });
  await db().shop.update({ where: { id: dropshipper.shop.id }, data: { name: "Rina Hijab Store", phone: "+6285711112222" } });
  buyer = await aBuyer("Budi Santoso");
  source = await aProduct(supplier.owner, { title: "Gamis Syari Bandung", price: 120_000, weightGrams: 700 });
});

afterAll(() => setPaymentGatewayForTests(undefined));

describe("dropship program", () => {
  it("supplier opens a product; dropshipper joins, lists it with 20% markup rounded to Rp500; no stock of its own", async () => {
    await openProducts(supplier.owner.id, { requiresApproval: false, offers: [{ productId: source.id, dropshipPrice: 87_000, minSellingPrice: 99_000 }] });
    await rejects(addListings(dropshipper.owner.id, { supplierShopId: supplier.shop.id, productIds: [source.id], rule: { kind: "percent", bps: 2000 }, step: 500 }), "forbidden", "dropship.error.notPartner");
    expect(await joinProgram(dropshipper.owner.id, supplier.shop.id)).toBe("approved");
    const catalog = await supplierCatalog(dropshipper.owner.id, supplier.shop.id);
    expect(catalog.offers.map((o) => [o.productId, o.dropshipPrice, o.minSellingPrice])).toEqual([[source.id, 87_000, 99_000]]);

    // The dropshipper in Surabaya for this listing, the supplier in Kabupaten Bogor (Jawa Barat).
    await db().shop.update({ where: { id: dropshipper.shop.id }, data: { provinceCode: "35", regencyCode: "3578" } });
    const { added } = await addListings(dropshipper.owner.id, { supplierShopId: supplier.shop.id, productIds: [source.id, source.id], rule: { kind: "percent", bps: 2000 }, step: 500 });
    await db().shop.update({ where: { id: dropshipper.shop.id }, data: { provinceCode: "32", regencyCode: "3201" } });
    expect(added).toHaveLength(1);
    listing = added[0];
    expect(listing).toMatchObject({ price: 104_500, margin: 17_500 });
    const row = await db().product.findUniqueOrThrow({ where: { id: listing.productId } });
    expect(row).toMatchObject({ shopId: dropshipper.shop.id, stock: 0, status: "active", title: "Gamis Syari Bandung", priceRupiah: 104_500 });
    // Found by the province it ships from, the supplier's, wherever the dropshipper is.
    expect(row.shopProvinceCode).toBe("32");
    // Adding again is skipped, not doubled.
    expect((await addListings(dropshipper.owner.id, { supplierShopId: supplier.shop.id, productIds: [source.id], rule: { kind: "fixed", amount: 1 }, step: 1 })).skipped).toBe(1);
  });

  it("the buyer sees only the dropshipper's shop, price and name; stock follows the supplier's in real time", async () => {
    const page = await productPage(listing.slug);
    expect(page).toMatchObject({ priceRupiah: 104_500, stock: 10, shop: { name: "Rina Hijab Store" } });
    expect(json(page)).not.toContain(supplier.shop.name);
    await db().product.update({ where: { id: source.id }, data: { stock: 3 } });
    expect((await productPage(listing.slug))?.stock).toBe(3);
    await db().product.update({ where: { id: source.id }, data: { status: "inactive" } });
    expect(await productPage(listing.slug)).toBeNull();
    await db().product.update({ where: { id: source.id }, data: { status: "active", stock: 10 } });
  });

  it("the product page estimates shipping from the supplier's city, as checkout charges it, while naming the dropshipper's shop", async () => {
    // The dropshipper in Surabaya, the supplier (and its stock) in Kabupaten Bogor.
    await db().shop.update({ where: { id: dropshipper.shop.id }, data: { provinceCode: "35", regencyCode: "3578" } });
    try {
      const page = (await productPage(listing.slug))!;
      expect(page.shop).toMatchObject({ provinceCode: "35", regencyCode: "3578" });
      expect(page.shipsFrom).toMatchObject({ provinceCode: "32", regencyCode: "3201", city: "Kabupaten Bogor" });
      const address = await db().address.findUniqueOrThrow({ where: { id: buyer.addressId } });
      const estimate = (await shippingEstimate(page, { regencyCode: address.regencyCode }))!;
      await addToCart({ userId: buyer.id }, buyer.id, { productId: listing.productId, variantId: null, quantity: 1 });
      const atCheckout = (await checkoutPage(buyer)).shops.find((s) => s.shop.id === dropshipper.shop.id)!;
      const prices = (quotes: { serviceCode: string; priceRupiah: number }[]) => Object.fromEntries(quotes.map((q) => [q.serviceCode, q.priceRupiah]));
      // The page offers the usual services (no cargo); each at the price checkout will charge for it.
      expect(estimate.quotes.length).toBeGreaterThan(2);
      expect(prices(estimate.quotes)).toEqual(Object.fromEntries(Object.entries(prices(atCheckout.quotes)).filter(([code]) => code in prices(estimate.quotes))));
    } finally {
      await db().cartItem.deleteMany({ where: { cart: { userId: buyer.id } } });
      await db().shop.update({ where: { id: dropshipper.shop.id }, data: { provinceCode: "32", regencyCode: "3201" } });
    }
  });

  it("a paid order is forwarded to the supplier: its stock, the dropshipper as sender, never the buyer's price; the resi reaches dropshipper and buyer", async () => {
    const other = await aPaidOrder({ seller: supplier, buyer: await aBuyer("Siti Pelanggan Lain"), title: "Mukena Katun" }); // the supplier's own customer
    const order = await buyListing(2);
    expect(order).toMatchObject({ shopId: dropshipper.shop.id, fulfilmentShopId: supplier.shop.id, status: "paid", goodsTotal: 209_000, dropshipSenderName: "Rina Hijab Store", dropshipSenderPhone: "+6285711112222" });
    expect(order.items.map((i) => [i.unitPrice, i.dropshipUnitPrice, i.sourceProductId])).toEqual([[104_500, 87_000, source.id]]);
    expect((await db().product.findUniqueOrThrow({ where: { id: source.id } })).stock).toBe(8);
    expect((await db().product.findUniqueOrThrow({ where: { id: listing.productId } })).stock).toBe(0);
    expect(await db().notification.count({ where: { userId: supplier.owner.id, kind: "order.paid", title: { contains: order.orderNumber } } })).toBe(1);

    // The supplier's list and order: its own amount (dropship price × 2 + shipping), never the buyer's.
    const list = await sellerOrderList(supplier.owner.id, { tab: "paid" });
    const forwarded = list.orders.find((o) => o.orderNumber === order.orderNumber)!;
    expect(forwarded.total).toBe(174_000 + order.shippingCost);
    const seen = await sellerOrder(supplier.owner.id, order.orderNumber);
    expect(seen.order.items.map((i) => i.unitPrice)).toEqual([87_000]);
    expect(seen.order).toMatchObject({ goodsTotal: 174_000, feeTotal: 0, total: 174_000 + order.shippingCost, recipient: "Budi Santoso" });
    expect(json(seen)).not.toContain("104500");
    expect(json(seen)).not.toContain(String(order.total));

    // The label and slip the supplier prints name the dropshipper; the slip shows no price.
    const label = await readPdf(await shippingLabelsPdf(supplier.owner.id, [order.orderNumber], "a6"));
    expect(label.text).toContain("Rina Hijab Store (+6285711112222)");
    expect(label.text).not.toContain(supplier.shop.name);
    const slip = await readPdf(await packingSlipsPdf(supplier.owner.id, [order.orderNumber]));
    expect(slip.text).toContain("Rina Hijab Store");
    expect(slip.text).not.toMatch(/Rp/);

    // The dropshipper follows it but does not ship it; the supplier ships; the resi shows to both.
    await rejects(shipOrder(dropshipper.owner.id, order.orderNumber, { resi: "0123456789012345", confirmed: true }), "not_found");
    expect((await sellerOrderList(dropshipper.owner.id, { tab: "all" })).orders).toHaveLength(0);
    const before = await dropshipperDashboard(dropshipper.owner.id);
    expect(before.waiting.map((o) => o.orderNumber)).toEqual([order.orderNumber]);
    expect(before.waiting[0].shipment?.shipBy).toEqual(order.shipment?.shipBy);
    expect(await shipOrder(supplier.owner.id, order.orderNumber, { resi: "0123456789012345", confirmed: true })).toMatchObject({ status: "shipped" });
    const after = await dropshipperDashboard(dropshipper.owner.id);
    expect(after.orders.find((o) => o.orderNumber === order.orderNumber)?.shipment?.resi).toBe("0123456789012345");
    expect((await db().shipment.findUniqueOrThrow({ where: { orderId: order.id } })).resi).toBe("0123456789012345");

    // While escrow holds it, each side's "Dana ditahan" shows its own part: the supplier its dropship price +
    // shipping, the dropshipper its margin; the buyer's fee is neither's.
    const heldOf = async (ownerId: string) => (await sellerFinance(ownerId)).escrow.find((o) => o.orderNumber === order.orderNumber)?.held;
    expect([await heldOf(supplier.owner.id), await heldOf(dropshipper.owner.id)]).toEqual([174_000 + order.shippingCost, 209_000 - 174_000]);
    expect((await sellerFinance(dropshipper.owner.id)).balances.escrow).toBe(209_000 - 174_000);
    // Its escrow line leads the dropshipper to the dropship page, where it follows the order (it ships none).
    expect((await sellerFinance(dropshipper.owner.id)).escrow.map((o) => o.asDropshipper)).toEqual([true]);
    expect((await sellerFinance(supplier.owner.id)).escrow.find((o) => o.orderNumber === order.orderNumber)?.asDropshipper).toBe(false);

    // The buyer confirms: the escrow splits in one entry, to the rupiah, exactly once.
    expect(await confirmReceipt(buyer.id, order.orderNumber)).toBe("released");
    expect(await confirmReceipt(buyer.id, order.orderNumber)).toBe("already");
    expect(await countReleaseEntries(order.id)).toBe(1);
    const { commission } = await db().order.findUniqueOrThrow({ where: { id: order.id }, select: { commission: true } });
    expect(commission).toBeGreaterThan(0);
    expect((await balancesOfShop(supplier.shop.id)).available).toBe(174_000 + order.shippingCost - commission!);
    expect((await balancesOfShop(dropshipper.shop.id)).available).toBe(209_000 - 174_000);
    expect(await escrowBalanceOfOrder(order.id)).toBe(0);
    // Each side's statement explains its own part of the order, not the order's whole funds.
    const supplierLine = (await sellerFinance(supplier.owner.id)).statement.find((l) => l.orderNumber === order.orderNumber);
    expect(supplierLine).toMatchObject({ kind: "release", gross: 174_000 + order.shippingCost, platform: commission!, amount: 174_000 + order.shippingCost - commission! });
    const dropshipperLine = (await sellerFinance(dropshipper.owner.id)).statement.find((l) => l.orderNumber === order.orderNumber);
    expect(dropshipperLine).toMatchObject({ kind: "release", gross: 209_000 - 174_000, platform: 0, amount: 209_000 - 174_000 });
    console.log(`[dropship] order ${order.total}: supplier ${174_000 + order.shippingCost - commission!}, dropshipper ${209_000 - 174_000}, platform ${commission! + order.feeTotal}`);

    // A dropshipper never sees the supplier's other customers.
    expect(json(after)).not.toContain(other.order.orderNumber);
    expect(json(after)).not.toContain("Siti Pelanggan Lain");
    // The supplier sees its dropshipper and the volume at dropship prices.
    const program = await supplierProgram(supplier.owner.id);
    expect(program.partners.map((p) => [p.dropshipperShop.name, p.status, p.sales])).toEqual([["Rina Hijab Store", "approved", { orders: 1, dropshipCost: 174_000 }]]);
  });

  it("the dropshipper edits its listing's title and price, never below the dropship price or minimum, and never gets stock", async () => {
    const form = { title: "Gamis Syari Premium Rina", description: "Dikirim langsung dari gudang.", categoryId: (await db().product.findUniqueOrThrow({ where: { id: listing.productId } })).categoryId, condition: "new" as const, price: 110_000, stock: 50, sku: "", minOrder: 1, weightGrams: 700, lengthCm: null, widthCm: null, heightCm: null, photoIds: [], variantType1: "", variantType2: "", variants: [], intent: "save" as const };
    await saveProduct(dropshipper.owner, form as never, listing.productId);
    expect(await db().product.findUniqueOrThrow({ where: { id: listing.productId } })).toMatchObject({ title: "Gamis Syari Premium Rina", priceRupiah: 110_000, stock: 0 });
    await rejects(saveProduct(dropshipper.owner, { ...form, price: 95_000 } as never, listing.productId), "validation", "dropship.error.below_minimum");
    await rejects(saveProduct(dropshipper.owner, { ...form, price: 80_000 } as never, listing.productId), "validation", "dropship.error.below_cost");
    // The product list's quick edit obeys the same rules.
    await rejects(quickEditProduct(dropshipper.owner, listing.productId, { priceRupiah: 80_000, stock: 5 }), "validation", "dropship.error.below_cost");
    await rejects(quickEditProduct(dropshipper.owner, listing.productId, { priceRupiah: 95_000, stock: 5 }), "validation", "dropship.error.below_minimum");
    await quickEditProduct(dropshipper.owner, listing.productId, { priceRupiah: 112_000, stock: 5 });
    expect(await db().product.findUniqueOrThrow({ where: { id: listing.productId } })).toMatchObject({ priceRupiah: 112_000, stock: 0 });
    await saveProduct(dropshipper.owner, { ...form, title: "Gamis Syari Bandung", price: 104_500 } as never, listing.productId);
  });

  it("a supplier price change shows the new margin, and unlists the listing when the margin would go negative", async () => {
    const { notices } = await openProducts(supplier.owner.id, { requiresApproval: false, offers: [{ productId: source.id, dropshipPrice: 100_000, minSellingPrice: null }] });
    expect(notices).toEqual([{ productId: listing.productId, action: "keep" }]);
    let dash = await dropshipperDashboard(dropshipper.owner.id);
    expect(dash.suppliers[0].products[0]).toMatchObject({ margin: 4_500, status: "active", stock: 8 });
    expect(dash.suppliers[0].products[0].notice).toContain("Rp4.500");

    await openProducts(supplier.owner.id, { requiresApproval: false, offers: [{ productId: source.id, dropshipPrice: 105_000, minSellingPrice: null }] });
    dash = await dropshipperDashboard(dropshipper.owner.id);
    expect(dash.suppliers[0].products[0]).toMatchObject({ margin: -500, status: "inactive" });
    expect(await db().notification.count({ where: { userId: dropshipper.owner.id, kind: "dropship.unlisted" } })).toBe(1);
    expect(await productPage(listing.slug)).toBeNull();
  });

  it("a dropship price above the supplier's own price is refused (a typing slip), and nothing is saved", async () => {
    const own = await aProduct(supplier.owner, { title: "Kerudung Segi Empat", price: 99_000 });
    await rejects(openProducts(supplier.owner.id, { requiresApproval: false, offers: [{ productId: own.id, dropshipPrice: 120_000, minSellingPrice: null }] }), "validation", "dropship.error.aboveOwnPrice");
    expect(await db().dropshipOffer.count({ where: { productId: own.id } })).toBe(0);
  });

  it("a supplier that asks for approval holds a new dropshipper until approved, and can stop one", async () => {
    const second = await aSeller({ status: "approved", name: "Dewi Dropship" });
    await openProducts(supplier.owner.id, { requiresApproval: true, offers: [{ productId: source.id, dropshipPrice: 90_000, minSellingPrice: null }] });
    expect(await joinProgram(second.owner.id, supplier.shop.id)).toBe("pending");
    await rejects(addListings(second.owner.id, { supplierShopId: supplier.shop.id, productIds: [source.id], rule: { kind: "fixed", amount: 10_000 }, step: 1000 }), "forbidden", "dropship.error.pending");
    await decidePartner(supplier.owner.id, second.shop.id, "approve");
    const { added } = await addListings(second.owner.id, { supplierShopId: supplier.shop.id, productIds: [source.id], rule: { kind: "fixed", amount: 10_000 }, step: 1000 });
    expect(added[0]).toMatchObject({ price: 100_000, margin: 10_000 });
    await decidePartner(supplier.owner.id, second.shop.id, "stop");
    expect((await db().product.findUniqueOrThrow({ where: { id: added[0].productId } })).status).toBe("inactive");
    // Another seller cannot decide on the supplier's partners.
    await rejects(decidePartner(second.owner.id, dropshipper.shop.id, "stop"), "not_found");
  });
});
