import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../../app/domain/errors";
import { db } from "../../app/infra/db.server";
import { databaseUrl } from "../../app/infra/env.server";
import { hashToken, newToken } from "../../app/infra/tokens.server";
import { escrowBalanceOfOrder } from "../../app/models/ledger.server";
import { addAddress, makeDefaultAddress, myAddress, myAddresses, removeAddress } from "../../app/services/addresses.server";
import { addToCart, loadCart, mergeAnonymousCart } from "../../app/services/cart.server";
import { checkoutPage, placeOrder } from "../../app/services/checkout.server";
import { confirmReceipt } from "../../app/services/order-completion.server";
import { buyerOrder, buyerOrders, cancelUnpaidOrder, transitionOrder } from "../../app/services/orders.server";
import { applySettlement, expireUnpaidPayments } from "../../app/services/payments.server";
import { aBuyer, aShopWithProduct, checkoutAll } from "../factories/buying";
import { checkLedgerAfterEach } from "../setup/buying";

// Cart, address book, checkout and order moves against the real database. Payments over HTTP are in
// payments-flow.test.ts; here a settlement is applied directly, as the notification handler does after its checks.

let shopA: Awaited<ReturnType<typeof aShopWithProduct>>;
let shopB: Awaited<ReturnType<typeof aShopWithProduct>>;

beforeAll(async () => {
  shopA = await aShopWithProduct({ stock: 50, price: 150_000, title: "Gamis Hitam Polos" });
  shopB = await aShopWithProduct({ stock: 50, price: 45_500, weightGrams: 250, minOrder: 2, title: "Kopi Gayo 250 g" });
});
checkLedgerAfterEach();

async function errorOf(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}

const settled = { transaction_status: "settlement" as const, payment_type: "bank_transfer", transaction_id: "t-1" };

describe("cart", () => {
  it("groups lines by shop and checks minimum order and stock", async () => {
    const { user } = await aBuyer();
    const owner = { userId: user.id };
    expect((await errorOf(addToCart(owner, user.id, { productId: shopB.product.id, variantId: null, quantity: 1 }))).messageKey).toBe("cart.error.minOrder");
    await addToCart(owner, user.id, { productId: shopB.product.id, variantId: null, quantity: 2 });
    await addToCart(owner, user.id, { productId: shopA.product.id, variantId: null, quantity: 1 });
    await addToCart(owner, user.id, { productId: shopA.product.id, variantId: null, quantity: 2 });
    expect((await errorOf(addToCart(owner, user.id, { productId: shopA.product.id, variantId: null, quantity: 48 }))).messageKey).toBe("cart.error.notEnoughStock");
    const cart = await loadCart(owner, user.id);
    expect(cart.shops.map((s) => [s.shop.name, s.lines.map((l) => [l.title, l.quantity])])).toEqual([
      [shopB.shop.name, [["Kopi Gayo 250 g", 2]]],
      [shopA.shop.name, [["Gamis Hitam Polos", 3]]],
    ]);
    expect(cart.goodsTotal).toBe(2 * 45_500 + 3 * 150_000);
    // Two products, five pieces: the totals line says "5 barang".
    expect([cart.count, cart.units]).toEqual([2, 5]);
  });

  it("does not let a seller buy from their own shop", async () => {
    const error = await errorOf(addToCart({ userId: shopA.owner.id }, shopA.owner.id, { productId: shopA.product.id, variantId: null, quantity: 1 }));
    expect([error.code, error.messageKey]).toEqual(["forbidden", "cart.error.ownShop"]);
  });

  it("merges the anonymous cart at sign-in: same product adds up, capped at the stock", async () => {
    const { user } = await aBuyer();
    await addToCart({ userId: user.id }, user.id, { productId: shopA.product.id, variantId: null, quantity: 45 });
    const anon = { anonTokenHash: hashToken(newToken().token) };
    await addToCart(anon, null, { productId: shopA.product.id, variantId: null, quantity: 10 });
    await addToCart(anon, null, { productId: shopB.product.id, variantId: null, quantity: 2 });
    expect(await mergeAnonymousCart(user.id, anon.anonTokenHash)).toEqual({ merged: 2 });
    const cart = await loadCart({ userId: user.id }, user.id);
    expect(cart.shops.flatMap((s) => s.lines.map((l) => [l.title, l.quantity]))).toEqual([
      ["Gamis Hitam Polos", 50],
      ["Kopi Gayo 250 g", 2],
    ]);
    expect((await loadCart(anon, null)).count).toBe(0);
    expect(await mergeAnonymousCart(user.id, anon.anonTokenHash)).toEqual({ merged: 0 });
  });
});

describe("address book", () => {
  it("keeps one default and never shows or changes another buyer's addresses", async () => {
    const a = await aBuyer();
    const b = await aBuyer();
    const second = await addAddress(a.user.id, { label: "Kantor", recipient: "Budi", phone: "+6281234567002", provinceCode: "31", regencyCode: "3171", district: "Setiabudi", postalCode: "12910", street: "Jl. Sudirman Kav. 1", isDefault: false });
    await makeDefaultAddress(a.user.id, second.id);
    expect((await myAddresses(a.user.id)).map((x) => [x.label, x.isDefault])).toEqual([["Kantor", true], ["Rumah", false]]);
    expect((await errorOf(myAddress(b.user.id, second.id))).code).toBe("not_found");
    expect((await errorOf(makeDefaultAddress(b.user.id, second.id))).code).toBe("not_found");
    expect((await errorOf(removeAddress(b.user.id, second.id))).code).toBe("not_found");
    // Checkout with another buyer's address is refused too.
    await addToCart({ userId: b.user.id }, b.user.id, { productId: shopA.product.id, variantId: null, quantity: 1 });
    expect((await errorOf(checkoutAll(b.user, second.id))).code).toBe("not_found");
    await removeAddress(a.user.id, second.id);
    expect((await myAddresses(a.user.id)).map((x) => [x.label, x.isDefault])).toEqual([["Rumah", true]]);
  });
});

describe("checkout", () => {
  it("makes one payment and one order per shop, shipping per parcel, stock reserved, cart emptied", async () => {
    const { user, address } = await aBuyer();
    await addToCart({ userId: user.id }, user.id, { productId: shopA.product.id, variantId: null, quantity: 2 });
    await addToCart({ userId: user.id }, user.id, { productId: shopB.product.id, variantId: null, quantity: 4 });
    const page = await checkoutPage(user, { addressId: address.id });
    expect(page.shops).toHaveLength(2);
    const kopi = page.shops.find((s) => s.shop.id === shopB.shop.id)!;
    // 4 × 250 g = 1 kg: one kilogram for the whole parcel, not one per item.
    expect(kopi.quotes.find((q) => q.serviceCode === "jne-reg")!.billableKg).toBe(1);
    const stockBefore = (await db().product.findUniqueOrThrow({ where: { id: shopA.product.id } })).stock;
    const placed = await placeOrder(user, {
      addressId: address.id,
      keys: page.keys,
      prices: Object.fromEntries(page.shops.flatMap((s) => s.lines.map((l) => [l.itemKey, l.unitPrice]))),
      services: { [shopA.shop.id]: "jne-yes", [shopB.shop.id]: "sicepat-reg" },
      notes: { [shopA.shop.id]: "Tolong bungkus rapi" },
      acceptPrices: false,
    });
    expect(placed.orders).toHaveLength(2);
    const orders = await db().order.findMany({ where: { paymentId: placed.paymentId }, include: { shipment: true, items: true } });
    expect(orders.reduce((s, o) => s + o.total, 0)).toBe(placed.grossAmount);
    expect(placed.grossAmount).toBe(page.totals.goodsTotal + orders.reduce((s, o) => s + o.shippingCost, 0) + 2 * 1000);
    const gamis = orders.find((o) => o.shopId === shopA.shop.id)!;
    expect(gamis).toMatchObject({ status: "awaiting_payment", note: "Tolong bungkus rapi", recipient: user.name, regencyCode: "3578" });
    expect(gamis.shipment).toMatchObject({ serviceCode: "jne-yes", courierCode: "jne", weightGrams: 1200 });
    expect(gamis.items.map((i) => [i.title, i.unitPrice, i.quantity])).toEqual([["Gamis Hitam Polos", 150_000, 2]]);
    expect((await db().product.findUniqueOrThrow({ where: { id: shopA.product.id } })).stock).toBe(stockBefore - 2);
    expect((await loadCart({ userId: user.id }, user.id)).count).toBe(0);
    // Unpaid: cancelled by the buyer gives the stock back.
    await cancelUnpaidOrder(user.id, gamis.orderNumber, "Salah pilih ukuran");
    expect((await db().product.findUniqueOrThrow({ where: { id: shopA.product.id } })).stock).toBe(stockBefore);
  });

  it("shows a changed price and charges it only once the buyer accepted it", async () => {
    const { user, address } = await aBuyer();
    const shop = await aShopWithProduct({ stock: 5, price: 100_000 });
    await addToCart({ userId: user.id }, user.id, { productId: shop.product.id, variantId: null, quantity: 1 });
    await db().product.update({ where: { id: shop.product.id }, data: { priceRupiah: 120_000 } });
    const page = await checkoutPage(user, { addressId: address.id });
    expect(page.priceChanges).toEqual([expect.objectContaining({ was: 100_000, now: 120_000 })]);
    const input = { addressId: address.id, keys: page.keys, services: { [shop.shop.id]: page.shops[0].chosenService! }, notes: {} };
    // The page showed the old price (stale form): refused.
    expect((await errorOf(placeOrder(user, { ...input, prices: { [page.keys[0]]: 100_000 }, acceptPrices: true }))).messageKey).toBe("checkout.error.priceChanged");
    // The new price shown but not accepted: refused.
    expect((await errorOf(placeOrder(user, { ...input, prices: { [page.keys[0]]: 120_000 }, acceptPrices: false }))).messageKey).toBe("checkout.error.acceptPrices");
    const placed = await placeOrder(user, { ...input, prices: { [page.keys[0]]: 120_000 }, acceptPrices: true });
    expect((await db().orderItem.findFirstOrThrow({ where: { orderId: placed.orders[0].id } })).unitPrice).toBe(120_000);
  });

  it("expires an unpaid order after PAYMENT_EXPIRY_HOURS and gives the stock back", async () => {
    const { user, address } = await aBuyer();
    const shop = await aShopWithProduct({ stock: 3 });
    await addToCart({ userId: user.id }, user.id, { productId: shop.product.id, variantId: null, quantity: 3 });
    const placed = await checkoutAll(user, address.id);
    expect((await db().product.findUniqueOrThrow({ where: { id: shop.product.id } })).stock).toBe(0);
    const payment = await db().payment.findUniqueOrThrow({ where: { id: placed.paymentId } });
    expect(payment.expiresAt.getTime() - payment.createdAt.getTime()).toBeGreaterThan(23.9 * 3600_000);
    expect(await expireUnpaidPayments(new Date(payment.expiresAt.getTime() - 60_000))).toBe(0);
    expect(await expireUnpaidPayments(new Date(payment.expiresAt.getTime() + 1000))).toBeGreaterThanOrEqual(1);
    expect((await db().order.findUniqueOrThrow({ where: { id: placed.orders[0].id } })).status).toBe("expired");
    expect((await db().product.findUniqueOrThrow({ where: { id: shop.product.id } })).stock).toBe(3);
    expect((await db().payment.findUniqueOrThrow({ where: { id: placed.paymentId } })).status).toBe("expired");
  });
});

describe("orders after payment", () => {
  it("walks paid → processing → shipped → received with a timeline, only by the right people", async () => {
    const { user, address } = await aBuyer();
    const other = await aBuyer();
    await addToCart({ userId: user.id }, user.id, { productId: shopA.product.id, variantId: null, quantity: 1 });
    const placed = await checkoutAll(user, address.id);
    await applySettlement(placed.paymentId, settled, "test");
    const orderId = placed.orders[0].id;
    const number = placed.orders[0].orderNumber;
    expect((await errorOf(transitionOrder(orderId, "accept", { role: "seller", id: shopB.owner.id }))).code).toBe("not_found");
    await transitionOrder(orderId, "accept", { role: "seller", id: shopA.owner.id });
    expect((await errorOf(transitionOrder(orderId, "confirm_receipt", { role: "buyer", id: user.id }))).code).toBe("invalid_transition");
    await transitionOrder(orderId, "ship", { role: "seller", id: shopA.owner.id });
    expect((await errorOf(confirmReceipt(other.user.id, number))).code).toBe("not_found");
    await confirmReceipt(user.id, number);
    const order = await buyerOrder(user.id, number);
    expect(order.events.map((e) => [e.event, e.toStatus, e.actorRole])).toEqual([
      ["create", "awaiting_payment", "buyer"],
      ["pay", "paid", "system"],
      ["accept", "processing", "seller"],
      ["ship", "shipped", "seller"],
      ["confirm_receipt", "received", "buyer"],
    ]);
    // Receipt releases the escrow (issue 10).
    expect(await escrowBalanceOfOrder(orderId)).toBe(0);
  });

  it("a buyer sees only their own orders", async () => {
    const a = await aBuyer();
    const b = await aBuyer();
    await addToCart({ userId: a.user.id }, a.user.id, { productId: shopA.product.id, variantId: null, quantity: 1 });
    const placed = await checkoutAll(a.user, a.address.id);
    expect((await buyerOrders(a.user.id)).map((o) => o.orderNumber)).toEqual([placed.orders[0].orderNumber]);
    expect(await buyerOrders(b.user.id)).toEqual([]);
    expect((await errorOf(buyerOrder(b.user.id, placed.orders[0].orderNumber))).code).toBe("not_found");
    expect((await errorOf(cancelUnpaidOrder(b.user.id, placed.orders[0].orderNumber, "bukan punya saya"))).code).toBe("not_found");
  });
});

describe("ledger in the database", () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
  });

  async function entry(lines: number[]) {
    await client.query("BEGIN");
    try {
      const { rows } = await client.query<{ id: string }>(`INSERT INTO journal_entries (idempotency_key, kind, reference_type, reference_id) VALUES ($1, 'test', 'test', 'x') RETURNING id`, [`t-${Math.random()}`]);
      const account = (await client.query<{ id: number }>(`SELECT id FROM ledger_accounts WHERE code = 'escrow'`)).rows[0].id;
      for (const amount of lines) await client.query(`INSERT INTO journal_lines (entry_id, account_id, amount) VALUES ($1, $2, $3)`, [rows[0].id, account, amount]);
      await client.query("COMMIT");
      return rows[0].id;
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  }

  it("refuses at COMMIT an entry whose lines do not sum to zero, or that has fewer than two lines", async () => {
    await expect(entry([1000, -999])).rejects.toThrow(/does not balance/);
    await expect(entry([])).rejects.toThrow(/needs at least two/);
    await expect(entry([500, -300, -200])).resolves.toBeTruthy();
  });

  it("refuses UPDATE, DELETE and TRUNCATE of posted entries and lines", async () => {
    const id = await entry([700, -700]);
    await expect(client.query(`UPDATE journal_lines SET amount = 1 WHERE entry_id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(client.query(`DELETE FROM journal_lines WHERE entry_id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(client.query(`UPDATE journal_entries SET description = 'x' WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(client.query(`DELETE FROM journal_entries WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(client.query(`TRUNCATE journal_lines, journal_entries`)).rejects.toThrow(/append-only/);
  });

  it("refuses a second entry with the same idempotency key", async () => {
    await client.query(`BEGIN`);
    await client.query(`INSERT INTO journal_entries (idempotency_key, kind, reference_type, reference_id) VALUES ('dup-key', 'test', 'test', 'x')`);
    await expect(client.query(`INSERT INTO journal_entries (idempotency_key, kind, reference_type, reference_id) VALUES ('dup-key', 'test', 'test', 'y')`)).rejects.toThrow(/journal_entries_idempotency_key_key/);
    await client.query(`ROLLBACK`);
  });
});
