import { randomBytes } from "node:crypto";
import { DomainError } from "~/domain/errors";
import { orderNumber, paymentNumber } from "~/domain/orders/numbers";
import { checkoutTotals, orderTotals, pickQuote, quoteShopParcel, type OrderTotals } from "~/domain/orders/totals";
import { findProvince, findRegency } from "~/domain/regions/data";
import { COURIER_SERVICES } from "~/domain/shipping/couriers";
import { sampleRateProvider, type Quote, type RateProvider } from "~/domain/shipping/tariffs";
import { env } from "~/infra/env.server";
import { findOwnAddress, listAddresses } from "~/models/address.server";
import { deleteCartItems, listCartItems } from "~/models/cart.server";
import { inOrderTx, insertCheckout, reserveStock, type NewOrder } from "~/models/order.server";
import { DropshipSenderSchema, type DropshipSender } from "~/schemas/buying";
import { loadCart, toCartLine, type CartLine } from "./cart.server";

let rateProvider: RateProvider = sampleRateProvider;
/** The rate source for checkout (the sample tariffs until a real rate API is plugged in). */
export function setRateProviderForCheckout(provider: RateProvider) {
  rateProvider = provider;
}

type Address = NonNullable<Awaited<ReturnType<typeof findOwnAddress>>>;

function addressView(a: Address) {
  return {
    id: a.id,
    label: a.label,
    recipient: a.recipient,
    phone: a.phone,
    street: a.street,
    district: a.district,
    postalCode: a.postalCode,
    provinceCode: a.provinceCode,
    regencyCode: a.regencyCode,
    province: findProvince(a.provinceCode)?.name ?? a.provinceCode,
    regency: findRegency(a.regencyCode)?.name ?? a.regencyCode,
    isDefault: a.isDefault,
  };
}

function buyerFee() {
  return env().BUYER_SERVICE_FEE;
}

function quoteShop(shop: { provinceCode: string | null; regencyCode: string | null }, address: { provinceCode: string; regencyCode: string }, lines: CartLine[]): Promise<Quote[]> {
  if (!shop.provinceCode) return Promise.resolve([]);
  return quoteShopParcel(
    rateProvider,
    { originProvince: shop.provinceCode, originRegency: shop.regencyCode ?? undefined, destinationProvince: address.provinceCode, destinationRegency: address.regencyCode },
    lines.map((l) => ({ unitPrice: l.unitPrice, quantity: l.quantity, weightGrams: l.weightGrams })),
  );
}

/**
 * Who ships a shop's lines: the shop itself, or (dropship program) the one supplier of all its listings. A shop's
 * own products and listings of different suppliers go in separate parcels, so they are bought separately.
 */
export function fulfilmentOfGroup(shop: { provinceCode: string | null; regencyCode: string | null }, lines: CartLine[]) {
  const suppliers = new Set(lines.map((l) => l.fulfilment?.shopId ?? null));
  if (suppliers.size > 1) throw new DomainError("conflict", "checkout.error.dropshipMixed");
  const f = lines[0]?.fulfilment;
  return f ? { fulfilmentShopId: f.shopId, origin: { provinceCode: f.provinceCode, regencyCode: f.regencyCode } } : { fulfilmentShopId: null, origin: shop };
}

/** Everything the checkout page shows: addresses, the chosen lines per shop with courier services, totals. */
export async function checkoutPage(user: { id: string }, opts: { keys?: string[]; addressId?: string | null; services?: Record<string, string> } = {}) {
  const addresses = (await listAddresses(user.id)).map(addressView);
  const address = addresses.find((a) => a.id === opts.addressId) ?? addresses.find((a) => a.isDefault) ?? addresses[0] ?? null;
  const cart = await loadCart({ userId: user.id }, user.id);
  const wanted = opts.keys?.length ? new Set(opts.keys) : null;
  const shops = [];
  for (const group of cart.shops) {
    const lines = wanted ? group.lines.filter((l) => wanted.has(l.itemKey)) : group.lines;
    if (!lines.length) continue;
    // Mixed suppliers in one shop are refused at "Bayar" with a message; the page still shows the lines.
    const mixed = new Set(lines.map((l) => l.fulfilment?.shopId ?? null)).size > 1;
    const quotes = address && !mixed ? await quoteShop(fulfilmentOfGroup(group.shop, lines).origin, address, lines) : [];
    const chosen = quotes.find((q) => q.serviceCode === opts.services?.[group.shop.id]) ?? quotes[0] ?? null;
    const totals = orderTotals(lines, chosen?.priceRupiah ?? 0, buyerFee());
    shops.push({ shop: { id: group.shop.id, name: group.shop.name, slug: group.shop.slug }, lines, quotes, chosenService: chosen?.serviceCode ?? null, totals });
  }
  const lines = shops.flatMap((s) => s.lines);
  const blocking = lines.filter((l) => l.problems.some((p) => p !== "price_changed"));
  return {
    addresses,
    address,
    shops,
    keys: lines.map((l) => l.itemKey),
    priceChanges: lines.filter((l) => l.problems.includes("price_changed")).map((l) => ({ itemKey: l.itemKey, title: l.title, variantLabel: l.variantLabel, was: l.priceSeen, now: l.unitPrice })),
    blocking: blocking.map((l) => ({ itemKey: l.itemKey, title: l.title, problems: l.problems })),
    totals: shops.length ? checkoutTotals(shops.map((s) => s.totals)) : { goodsTotal: 0, shippingCost: 0, feeTotal: 0, total: 0 },
    expiryHours: env().PAYMENT_EXPIRY_HOURS,
  };
}

export interface PlaceOrderInput {
  addressId: string;
  keys: string[];
  /** The unit price per line that the page showed: any difference is shown again, never charged silently. */
  prices: Record<string, number>;
  services: Record<string, string>;
  notes: Record<string, string>;
  /** The buyer ticked "I accept the new prices" for lines whose price moved since they were put in the cart. */
  acceptPrices: boolean;
  /** "Kirim sebagai dropshipper": the sender every order of this checkout prints instead of the shop. */
  sender?: DropshipSender | null;
}

/**
 * "Bayar": one payment for the whole checkout and one order per shop, stock reserved in the same transaction
 * with conditional UPDATEs (all or nothing), the cart lines removed. The gateway is called after commit.
 */
export async function placeOrder(user: { id: string }, input: PlaceOrderInput, now = new Date()) {
  const address = await findOwnAddress(user.id, input.addressId);
  if (!address) throw new DomainError("not_found", "checkout.error.address");
  // Checked again here, whoever calls: the sender goes onto a parcel.
  const sender = input.sender ? DropshipSenderSchema.safeParse(input.sender) : null;
  if (sender && !sender.success) throw new DomainError("validation", "checkout.error.dropshipSender");
  const keys = new Set(input.keys);
  const rows = (await listCartItems({ userId: user.id })).filter((r) => keys.has(r.itemKey));
  if (!rows.length) throw new DomainError("validation", "checkout.error.empty");
  if (rows.length !== keys.size) throw new DomainError("conflict", "checkout.error.cartChanged");

  const groups = new Map<string, { shop: CartItemShop; lines: CartLine[] }>();
  for (const row of rows) {
    const line = toCartLine(row, user.id);
    const blocking = line.problems.filter((p) => p !== "price_changed");
    if (blocking.length) throw new DomainError(blocking.includes("own_shop") ? "forbidden" : "conflict", `cart.problem.${blocking[0]}`, { title: line.title });
    if (input.prices[line.itemKey] !== line.unitPrice) throw new DomainError("conflict", "checkout.error.priceChanged", { title: line.title });
    if (line.problems.includes("price_changed") && !input.acceptPrices) throw new DomainError("conflict", "checkout.error.acceptPrices", { title: line.title });
    const s = row.product.shop;
    const group = groups.get(s.id) ?? { shop: { id: s.id, name: s.name, phone: s.phone, provinceCode: s.provinceCode, regencyCode: s.regencyCode }, lines: [] };
    group.lines.push(line);
    groups.set(s.id, group);
  }

  const random = randomBytes(16);
  const orders: NewOrder[] = [];
  const totals: OrderTotals[] = [];
  for (const { shop, lines } of groups.values()) {
    const { fulfilmentShopId, origin } = fulfilmentOfGroup(shop, lines);
    const quote = pickQuote(await quoteShop(origin, address, lines), input.services[shop.id] ?? "");
    // A program order goes out in the dropshipper's name unless the buyer named a sender of their own.
    const orderSender = sender?.data ?? (fulfilmentShopId ? { name: shop.name, phone: shop.phone ?? "" } : null);
    const service = COURIER_SERVICES.find((c) => c.code === quote.serviceCode);
    const t = orderTotals(lines, quote.priceRupiah, buyerFee());
    totals.push(t);
    orders.push({
      orderNumber: orderNumber(now, randomBytes(8)),
      shopId: shop.id,
      ...t,
      note: input.notes[shop.id]?.trim() || null,
      dropshipSenderName: orderSender?.name ?? null,
      dropshipSenderPhone: orderSender ? orderSender.phone : null,
      fulfilmentShopId,
      items: lines.map((l) => ({
        productId: l.productId,
        variantId: l.variantId,
        title: l.title,
        variantLabel: l.variantLabel,
        unitPrice: l.unitPrice,
        quantity: l.quantity,
        weightGrams: l.weightGrams,
        dropshipUnitPrice: l.fulfilment ? dropshipPriceOf(l) : null,
        sourceProductId: l.fulfilment?.sourceProductId ?? null,
      })),
      shipment: {
        courierCode: service?.courierCode ?? quote.courier.toLowerCase(),
        serviceCode: quote.serviceCode,
        courierName: quote.courier,
        serviceName: quote.service,
        weightGrams: lines.reduce((sum, l) => sum + l.weightGrams * l.quantity, 0),
        billableKg: quote.billableKg,
        etdMinDays: quote.etdMinDays,
        etdMaxDays: quote.etdMaxDays,
      },
    });
  }
  const sum = checkoutTotals(totals);
  const expiresAt = new Date(now.getTime() + env().PAYMENT_EXPIRY_HOURS * 3600_000);

  const created = await inOrderTx(async (tx) => {
    const { payment, orders: saved } = await insertCheckout(tx, {
      paymentNumber: paymentNumber(now, random),
      buyerId: user.id,
      grossAmount: sum.total,
      expiresAt,
      address: { recipient: address.recipient, phone: address.phone, provinceCode: address.provinceCode, regencyCode: address.regencyCode, district: address.district, postalCode: address.postalCode, street: address.street },
      orders,
    });
    // Always in the same order (product, variant), so two checkouts sharing products never deadlock.
    const reservations = saved
      // A listing's stock is its supplier's: the reservation takes (and a cancel gives back) the supplier's units.
      .flatMap((o, i) => orders[i].items.map((item) => ({ orderId: o.id, title: item.title, productId: item.sourceProductId ?? item.productId, variantId: item.variantId, quantity: item.quantity })))
      .sort((a, b) => (a.productId + (a.variantId ?? "")).localeCompare(b.productId + (b.variantId ?? "")));
    for (const r of reservations) {
      if (!(await reserveStock(tx, r.orderId, r))) throw new DomainError("conflict", "checkout.error.outOfStock", { title: r.title });
    }
    await deleteCartItems(tx, { userId: user.id }, [...keys]);
    return { paymentNumber: payment.paymentNumber, paymentId: payment.id, grossAmount: payment.grossAmount, orders: saved.map((o) => ({ id: o.id, orderNumber: o.orderNumber, total: o.total })) };
  });
  return created;
}

interface CartItemShop {
  id: string;
  name: string;
  phone: string | null;
  provinceCode: string | null;
  regencyCode: string | null;
}

/** The dropship price of the day; a listing whose supplier closed the offer cannot be bought. */
function dropshipPriceOf(line: CartLine): number {
  const price = line.fulfilment?.dropshipPrice;
  if (price == null || price > line.unitPrice) throw new DomainError("conflict", "cart.problem.unavailable", { title: line.title });
  return price;
}
