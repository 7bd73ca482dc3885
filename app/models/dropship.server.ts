// The dropship program's tables: programs, offers, partners, listings, and the dropship views of orders.
// Every query names the shop it works for in its `where`.
import { db, type Tx } from "~/infra/db.server";

/** What a listing reads from its supplier's product at every read (stock, availability, dropship price, origin). */
export const DROPSHIP_SOURCE_SELECT = {
  select: {
    supplierShopId: true,
    sourceProduct: {
      select: {
        id: true,
        stock: true,
        status: true,
        shop: { select: { id: true, status: true, provinceCode: true, regencyCode: true } },
        dropshipOffer: { select: { dropshipPrice: true, minSellingPrice: true } },
      },
    },
  },
} as const;

export function upsertProgram(tx: Tx, supplierShopId: string, requiresApproval: boolean) {
  return tx.dropshipProgram.upsert({ where: { supplierShopId }, create: { supplierShopId, requiresApproval }, update: { requiresApproval } });
}

export function findProgram(supplierShopId: string) {
  return db().dropshipProgram.findUnique({ where: { supplierShopId }, include: { supplierShop: { select: { id: true, name: true, slug: true, status: true } } } });
}

export function findOwnActiveProducts(tx: Tx, shopId: string, ids: string[]) {
  return tx.product.findMany({ where: { shopId, id: { in: ids }, dropshipListing: null }, select: { id: true, status: true, variantType1: true, priceRupiah: true } });
}

/** Locks the offer row (or nothing) so a price change and a listing racing see one price. */
export async function lockOffer(tx: Tx, productId: string) {
  await tx.$executeRaw`SELECT 1 FROM dropship_offers WHERE product_id = ${productId}::uuid FOR UPDATE`;
}

export function upsertOffer(tx: Tx, o: { productId: string; supplierShopId: string; dropshipPrice: number; minSellingPrice: number | null }) {
  return tx.dropshipOffer.upsert({
    where: { productId: o.productId },
    create: o,
    update: { dropshipPrice: o.dropshipPrice, minSellingPrice: o.minSellingPrice },
  });
}

export function deleteOffers(tx: Tx, supplierShopId: string, productIds: string[]) {
  return tx.dropshipOffer.deleteMany({ where: { supplierShopId, productId: { in: productIds } } });
}

/** Suppliers with at least one open product in an approved shop, for dropshippers to browse. */
export function listOpenPrograms(exceptShopId: string) {
  return db().dropshipProgram.findMany({
    where: { supplierShopId: { not: exceptShopId }, supplierShop: { status: "approved" }, offers: { some: { product: { status: "active" } } } },
    select: { supplierShopId: true, requiresApproval: true, supplierShop: { select: { name: true, slug: true } }, _count: { select: { offers: true } } },
    orderBy: { createdAt: "asc" },
    take: 200,
  });
}

/** A supplier's open products: the catalog a dropshipper sees (no orders, no customers). */
export function listOffers(supplierShopId: string, opts: { activeOnly: boolean }) {
  return db().dropshipOffer.findMany({
    where: { supplierShopId, ...(opts.activeOnly ? { product: { status: "active" } } : {}) },
    select: {
      productId: true,
      dropshipPrice: true,
      minSellingPrice: true,
      product: { select: { title: true, slug: true, stock: true, status: true, priceRupiah: true, weightGrams: true } },
    },
    orderBy: { createdAt: "asc" },
  });
}

export function findPartner(supplierShopId: string, dropshipperShopId: string) {
  return db().dropshipPartner.findUnique({ where: { supplierShopId_dropshipperShopId: { supplierShopId, dropshipperShopId } } });
}

export function upsertPartner(tx: Tx, supplierShopId: string, dropshipperShopId: string, status: "pending" | "approved") {
  return tx.dropshipPartner.upsert({
    where: { supplierShopId_dropshipperShopId: { supplierShopId, dropshipperShopId } },
    create: { supplierShopId, dropshipperShopId, status },
    update: {},
  });
}

export async function setPartnerStatus(tx: Tx, supplierShopId: string, dropshipperShopId: string, status: "approved" | "stopped") {
  const { count } = await tx.dropshipPartner.updateMany({ where: { supplierShopId, dropshipperShopId }, data: { status } });
  return count === 1;
}

/** A supplier's dropshippers with their sales through it (orders paid, goods at the dropship price). */
export async function listPartnersWithSales(supplierShopId: string) {
  const partners = await db().dropshipPartner.findMany({
    where: { supplierShopId },
    select: { dropshipperShopId: true, status: true, createdAt: true, dropshipperShop: { select: { name: true, slug: true } } },
    orderBy: { createdAt: "asc" },
  });
  const sales = await db().$queryRaw<{ shop_id: string; orders: bigint; cost: bigint | null }[]>`
    SELECT o.shop_id, count(DISTINCT o.id) AS orders, sum(i.dropship_unit_price * i.quantity) AS cost
    FROM orders o JOIN order_items i ON i.order_id = o.id
    WHERE o.fulfilment_shop_id = ${supplierShopId}::uuid AND o.paid_at IS NOT NULL
    GROUP BY o.shop_id`;
  const byShop = new Map(sales.map((s) => [s.shop_id, { orders: Number(s.orders), dropshipCost: Number(s.cost ?? 0) }]));
  return partners.map((p) => ({ ...p, sales: byShop.get(p.dropshipperShopId) ?? { orders: 0, dropshipCost: 0 } }));
}

export function findListedSources(dropshipperShopId: string, sourceIds: string[]) {
  return db().dropshipListing.findMany({ where: { dropshipperShopId, sourceProductId: { in: sourceIds } }, select: { sourceProductId: true } });
}

export function createListing(tx: Tx, data: { productId: string; sourceProductId: string; supplierShopId: string; dropshipperShopId: string; markupKind: string; markupValue: number; roundingStep: number }) {
  return tx.dropshipListing.create({ data });
}

/** The listings selling this source product, with their selling price and status (for repricing). */
export function listingsOfSource(tx: Tx, sourceProductId: string) {
  return tx.dropshipListing.findMany({
    where: { sourceProductId },
    select: { productId: true, dropshipperShopId: true, product: { select: { title: true, priceRupiah: true, status: true, shop: { select: { ownerId: true } } } } },
  });
}

export function listingsOfPartner(tx: Tx, supplierShopId: string, dropshipperShopId: string) {
  return tx.dropshipListing.findMany({ where: { supplierShopId, dropshipperShopId }, select: { productId: true } });
}

export function setListingNotice(tx: Tx, productId: string, notice: string | null) {
  return tx.dropshipListing.update({ where: { productId }, data: { notice } });
}

/** The dropshipper's listings grouped later by supplier: price, the supplier's current dropship price, notice. */
export function listDropshipperListings(dropshipperShopId: string) {
  return db().dropshipListing.findMany({
    where: { dropshipperShopId },
    select: {
      productId: true,
      supplierShopId: true,
      notice: true,
      product: { select: { title: true, slug: true, priceRupiah: true, status: true } },
      sourceProduct: { select: { stock: true, status: true, shop: { select: { name: true, status: true } }, dropshipOffer: { select: { dropshipPrice: true, minSellingPrice: true } } } },
    },
    orderBy: { createdAt: "asc" },
  });
}

/**
 * The dropshipper's program orders in transit (paid to delivered): status, deadline and resi from the supplier;
 * never the supplier's other orders. Completed ones count in the margin, read from the ledger.
 */
export function listDropshipperOrders(dropshipperShopId: string, take = 100) {
  return db().order.findMany({
    where: { shopId: dropshipperShopId, fulfilmentShopId: { not: null }, status: { in: ["paid", "processing", "shipped", "delivered"] } },
    select: {
      orderNumber: true,
      status: true,
      goodsTotal: true,
      paidAt: true,
      fulfilmentShop: { select: { name: true } },
      items: { select: { title: true, quantity: true, unitPrice: true, dropshipUnitPrice: true } },
      shipment: { select: { shipBy: true, resi: true, courierName: true, serviceName: true, shippedAt: true } },
    },
    orderBy: { paidAt: "desc" },
    take,
  });
}

/** What a new listing copies from the supplier's product (never its stock). */
export function findProductToList(tx: Tx, id: string) {
  return tx.product.findUniqueOrThrow({ where: { id }, select: { title: true, description: true, categoryId: true, condition: true, minOrder: true, weightGrams: true, lengthCm: true, widthCm: true, heightCm: true, shopProvinceCode: true } });
}

/** The supplier's own active products without variants that it may open, with their offer if open. */
export function listOpenableProducts(shopId: string) {
  return db().product.findMany({
    where: { shopId, status: "active", variantType1: null, dropshipListing: null },
    select: { id: true, title: true, priceRupiah: true, stock: true, dropshipOffer: { select: { dropshipPrice: true, minSellingPrice: true } } },
    orderBy: { updatedAt: "desc" },
    take: 200,
  });
}

/** Whether the supplier opened this product to dropshippers. */
export async function isOpenForDropship(productId: string): Promise<boolean> {
  return (await db().dropshipOffer.count({ where: { productId } })) > 0;
}

/** The supplier's active products with variants: not openable yet, named on the program page so it says why. */
export function listVariantProducts(shopId: string, take = 50) {
  return db().product.findMany({ where: { shopId, status: "active", variantType1: { not: null }, dropshipListing: null }, select: { id: true, title: true }, orderBy: { updatedAt: "desc" }, take });
}

/** The supplier's current offer behind a dropshipper's listing (null: not a listing, or the offer was closed). */
export async function findListingOffer(productId: string) {
  const listing = await db().dropshipListing.findUnique({ where: { productId }, select: { sourceProduct: { select: { dropshipOffer: { select: { dropshipPrice: true, minSellingPrice: true } } } } } });
  return listing ? { offer: listing.sourceProduct.dropshipOffer } : null;
}

// ---- dashboards ------------------------------------------------------------------------------------

/**
 * What the dropshipper earned from program orders per month (WIB), read from its ledger account: the release
 * credits its margin (net of any commission on its side and of refunds), so this is money, not order prices.
 */
export async function dropshipMarginByMonth(dropshipperShopId: string, months = 12) {
  const rows = await db().$queryRaw<{ month: string; margin: bigint }[]>`
    SELECT to_char(date_trunc('month', e.created_at AT TIME ZONE 'Asia/Jakarta'), 'YYYY-MM') AS month, (-SUM(l.amount))::bigint AS margin
    FROM ledger_accounts a
    JOIN journal_lines l ON l.account_id = a.id
    JOIN journal_entries e ON e.id = l.entry_id
    JOIN orders o ON o.id = l.order_id
    WHERE a.code = ${`seller_available:${dropshipperShopId}`} AND o.shop_id = ${dropshipperShopId}::uuid AND o.fulfilment_shop_id IS NOT NULL
    GROUP BY 1 ORDER BY 1 DESC LIMIT ${months}`;
  return rows.map((r) => ({ month: r.month, margin: Number(r.margin) }));
}

/**
 * How each supplier served this dropshipper's orders paid since `since`: orders, late shipments (shipped after the
 * ship-by deadline, or cancelled by the late-shipping job) and complaints. Each order's shipment, events and
 * complaint are looked up by its id, one index probe each (scalar subqueries: an EXISTS may be planned as a
 * hash of the whole table).
 */
export async function supplierPerformanceOf(dropshipperShopId: string, since: Date) {
  const rows = await db().$queryRaw<{ supplier_id: string; name: string; orders: number; late: number; complaints: number }[]>`
    SELECT o.fulfilment_shop_id AS supplier_id, s.name, count(*)::int AS orders,
           count(*) FILTER (WHERE x.late)::int AS late, count(*) FILTER (WHERE x.complained)::int AS complaints
    FROM orders o
    JOIN shops s ON s.id = o.fulfilment_shop_id
    CROSS JOIN LATERAL (
      SELECT COALESCE((SELECT sh.shipped_at > sh.ship_by FROM shipments sh WHERE sh.order_id = o.id), false)
               OR (SELECT count(*) FROM order_events ev WHERE ev.order_id = o.id AND ev.event = 'cancel' AND ev.actor_role = 'system' AND ev.detail @> '{"late": true}') > 0 AS late,
             (SELECT count(*) FROM complaints c WHERE c.order_id = o.id) > 0 AS complained
    ) x
    WHERE o.shop_id = ${dropshipperShopId}::uuid AND o.fulfilment_shop_id IS NOT NULL AND o.paid_at >= ${since}
    GROUP BY o.fulfilment_shop_id, s.name
    ORDER BY orders DESC, s.name
    LIMIT 100`;
  return rows.map((r) => ({ supplierShopId: r.supplier_id, supplier: r.name, orders: r.orders, late: r.late, complaints: r.complaints }));
}

/** The supplier's program orders to pack and ship, oldest first: the dropshipper's name, never the buyer's price. */
export function listOrdersToFulfil(supplierShopId: string, take = 100) {
  return db().order.findMany({
    where: { fulfilmentShopId: supplierShopId, status: { in: ["paid", "processing"] } },
    select: { orderNumber: true, status: true, createdAt: true, shop: { select: { name: true } }, items: { select: { title: true, quantity: true } }, shipment: { select: { shipBy: true } } },
    orderBy: { createdAt: "asc" },
    take,
  });
}
