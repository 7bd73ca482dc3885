/**
 * The dropship program between two approved shops. A supplier opens products with a dropship price (and an
 * optional minimum selling price), decides whether dropshippers need approval, sees its dropshippers and their
 * sales and can stop one. A dropshipper browses open catalogs and lists products in bulk with a markup rule; a
 * listing is a product of its own shop that holds no stock (the supplier's is read through). A supplier price
 * change reprices every listing: the new margin is shown, or the listing is unlisted with a notice.
 */
import "~/i18n/register";
import { randomBytes } from "node:crypto";
import { checkOffer, repriceOnSupplierChange, sellingPrice, marginOf, type MarkupRule, type RoundingStep } from "~/domain/dropship/pricing";
import { effectiveStock } from "~/domain/dropship/listing";
import { DomainError } from "~/domain/errors";
import { slugify } from "~/domain/text";
import { formatRupiah } from "~/i18n/format";
import { translator } from "~/i18n/i18n";
import type { Tx } from "~/infra/db.server";
import {
  createListing,
  deleteOffers,
  dropshipMarginByMonth,
  findListedSources,
  findOwnActiveProducts,
  findPartner,
  findProductToList,
  findProgram,
  listDropshipperListings,
  listDropshipperOrders,
  listingsOfPartner,
  listingsOfSource,
  listOffers,
  listOpenableProducts,
  listOpenPrograms,
  listOrdersToFulfil,
  listVariantProducts,
  listPartnersWithSales,
  lockOffer,
  setListingNotice,
  setPartnerStatus,
  supplierPerformanceOf,
  upsertOffer,
  upsertPartner,
  upsertProgram,
} from "~/models/dropship.server";
import { createNotification } from "~/models/notification.server";
import { inOrderTx } from "~/models/order.server";
import { createProduct, updateProduct } from "~/models/product.server";
import { findShopOfOwner } from "~/models/shop.server";
import { shopComplaints } from "./dropship-after-sales.server";

const t = translator("id");

async function approvedShop(ownerId: string) {
  const shop = await findShopOfOwner(ownerId);
  if (!shop) throw new DomainError("forbidden", "seller.noShop");
  if (shop.status !== "approved") throw new DomainError("forbidden", "dropship.error.notApproved");
  return shop;
}

export interface OfferInput {
  productId: string;
  dropshipPrice: number;
  minSellingPrice: number | null;
}

/**
 * The supplier opens (or re-prices) products: the program is created on first use; every listing of a re-priced
 * product is checked against the new price at once (in the same transaction as the price).
 */
export async function openProducts(ownerId: string, input: { requiresApproval: boolean; offers: OfferInput[]; close?: string[] }) {
  const shop = await approvedShop(ownerId);
  const ids = input.offers.map((o) => o.productId);
  return inOrderTx(async (tx) => {
    await upsertProgram(tx, shop.id, input.requiresApproval);
    const own = new Map((await findOwnActiveProducts(tx, shop.id, ids)).map((p) => [p.id, p]));
    const notices: { productId: string; action: string }[] = [];
    for (const o of input.offers) {
      const product = own.get(o.productId);
      if (!product) throw new DomainError("not_found", "dropship.error.productNotFound");
      if (product.variantType1) throw new DomainError("validation", "dropship.error.variantsLater");
      const offer = checkOffer(o, product.priceRupiah);
      if (offer === "invalid") throw new DomainError("validation", "dropship.error.price");
      if (offer === "above_own_price") throw new DomainError("validation", "dropship.error.aboveOwnPrice");
      await lockOffer(tx, o.productId);
      await upsertOffer(tx, { productId: o.productId, supplierShopId: shop.id, dropshipPrice: o.dropshipPrice, minSellingPrice: o.minSellingPrice });
      notices.push(...(await repriceListings(tx, o.productId, o)));
    }
    if (input.close?.length) {
      await deleteOffers(tx, shop.id, input.close);
      for (const id of input.close) notices.push(...(await unlistListingsOf(tx, id, "dropship.notice.closed")));
    }
    return { opened: input.offers.length, notices };
  });
}

async function repriceListings(tx: Tx, sourceProductId: string, offer: { dropshipPrice: number; minSellingPrice: number | null }) {
  const out: { productId: string; action: string }[] = [];
  for (const l of await listingsOfSource(tx, sourceProductId)) {
    // The margin is against the dropship price the listing was priced on: its own selling price stays.
    const outcome = repriceOnSupplierChange({ sellingPrice: l.product.priceRupiah, dropshipPrice: offer.dropshipPrice }, offer);
    const vars = { title: l.product.title, margin: formatRupiah(outcome.margin), price: formatRupiah(offer.dropshipPrice) };
    if (outcome.action === "unlist") {
      if (l.product.status === "active") await updateProduct(tx, l.productId, { status: "inactive" });
      const notice = t(`dropship.notice.${outcome.reason}`, vars);
      await setListingNotice(tx, l.productId, notice);
      await createNotification(tx, { userId: l.product.shop.ownerId, kind: "dropship.unlisted", title: notice, body: t("dropship.notice.body", vars), link: "/seller/dropship" });
    } else {
      const notice = t("dropship.notice.margin", vars);
      await setListingNotice(tx, l.productId, notice);
      await createNotification(tx, { userId: l.product.shop.ownerId, kind: "dropship.repriced", title: notice, body: t("dropship.notice.body", vars), link: "/seller/dropship" });
    }
    out.push({ productId: l.productId, action: outcome.action });
  }
  return out;
}

async function unlistListingsOf(tx: Tx, sourceProductId: string, key: string) {
  const out: { productId: string; action: string }[] = [];
  for (const l of await listingsOfSource(tx, sourceProductId)) {
    if (l.product.status === "active") await updateProduct(tx, l.productId, { status: "inactive" });
    await setListingNotice(tx, l.productId, t(key, { title: l.product.title }));
    out.push({ productId: l.productId, action: "unlist" });
  }
  return out;
}

/**
 * The supplier's program page: its open products, its dropshippers and their sales, orders to fulfil, complaints
 * to decide, and its products with variants, which cannot be opened (offers and listings are per product).
 */
export async function supplierProgram(ownerId: string) {
  const shop = await approvedShop(ownerId);
  const [program, products, partners, toFulfil, complaints, variantProducts] = await Promise.all([
    findProgram(shop.id),
    listOpenableProducts(shop.id),
    listPartnersWithSales(shop.id),
    listOrdersToFulfil(shop.id),
    shopComplaints(shop.id, "supplier"),
    listVariantProducts(shop.id),
  ]);
  return { requiresApproval: program?.requiresApproval ?? false, products, partners, toFulfil, complaints, variantProducts };
}

/** Approve a waiting dropshipper, or stop one: its listings of this supplier are unlisted at once. */
export async function decidePartner(ownerId: string, dropshipperShopId: string, decision: "approve" | "stop") {
  const shop = await approvedShop(ownerId);
  return inOrderTx(async (tx) => {
    if (!(await setPartnerStatus(tx, shop.id, dropshipperShopId, decision === "approve" ? "approved" : "stopped"))) throw new DomainError("not_found", "dropship.error.partnerNotFound");
    if (decision === "stop") {
      for (const l of await listingsOfPartner(tx, shop.id, dropshipperShopId)) {
        await updateProduct(tx, l.productId, { status: "inactive" });
        await setListingNotice(tx, l.productId, t("dropship.notice.stopped", { supplier: shop.name }));
      }
    }
  });
}

/** Open supplier catalogs a dropshipper may browse (never its own). */
export async function openCatalogs(ownerId: string) {
  const shop = await approvedShop(ownerId);
  return listOpenPrograms(shop.id);
}

/** One supplier's open products with the dropship price, minimum and the supplier's stock; no orders, no buyers. */
export async function supplierCatalog(ownerId: string, supplierShopId: string) {
  const shop = await approvedShop(ownerId);
  const program = await findProgram(supplierShopId);
  if (!program || program.supplierShop.status !== "approved" || supplierShopId === shop.id) throw new DomainError("not_found", "dropship.error.programNotFound");
  const [offers, partner] = await Promise.all([listOffers(supplierShopId, { activeOnly: true }), findPartner(supplierShopId, shop.id)]);
  return { supplier: { id: supplierShopId, name: program.supplierShop.name }, requiresApproval: program.requiresApproval, partnerStatus: partner?.status ?? null, offers };
}

/** Join a supplier's program: approved at once, or waiting for the supplier when it asks for approval. */
export async function joinProgram(ownerId: string, supplierShopId: string) {
  const shop = await approvedShop(ownerId);
  const program = await findProgram(supplierShopId);
  if (!program || program.supplierShop.status !== "approved" || supplierShopId === shop.id) throw new DomainError("not_found", "dropship.error.programNotFound");
  const row = await inOrderTx((tx) => upsertPartner(tx, supplierShopId, shop.id, program.requiresApproval ? "pending" : "approved"));
  return row.status;
}

/**
 * Adds supplier products to the dropshipper's shop in bulk, each priced by the markup rule (rounded up, never
 * below the supplier's minimum). Title, description, category, weight and size are copied and may be edited;
 * stock is never copied. Products already listed are skipped.
 */
export async function addListings(ownerId: string, input: { supplierShopId: string; productIds: string[]; rule: MarkupRule; step: RoundingStep }) {
  const shop = await approvedShop(ownerId);
  const partner = await findPartner(input.supplierShopId, shop.id);
  if (partner?.status !== "approved") throw new DomainError("forbidden", partner?.status === "pending" ? "dropship.error.pending" : "dropship.error.notPartner");
  const offers = new Map((await listOffers(input.supplierShopId, { activeOnly: true })).map((o) => [o.productId, o]));
  const already = new Set((await findListedSources(shop.id, input.productIds)).map((l) => l.sourceProductId));
  const wanted = [...new Set(input.productIds)].filter((id) => !already.has(id));
  for (const id of wanted) if (!offers.has(id)) throw new DomainError("not_found", "dropship.error.productNotFound");
  return inOrderTx(async (tx) => {
    const added: { productId: string; slug: string; price: number; margin: number }[] = [];
    for (const sourceId of wanted) {
      const offer = offers.get(sourceId)!;
      const source = await findProductToList(tx, sourceId);
      const price = sellingPrice(offer.dropshipPrice, input.rule, input.step, offer.minSellingPrice);
      const slug = `${slugify(source.title, 60) || "produk"}-${randomBytes(3).toString("hex")}`;
      // Search's "dikirim dari" province is where the parcel leaves from: the supplier's (source.shopProvinceCode).
      const product = await createProduct(tx, { ...source, shopId: shop.id, slug, priceRupiah: price, stock: 0, status: "active", publishedAt: new Date() });
      await createListing(tx, {
        productId: product.id,
        sourceProductId: sourceId,
        supplierShopId: input.supplierShopId,
        dropshipperShopId: shop.id,
        markupKind: input.rule.kind,
        markupValue: input.rule.kind === "percent" ? input.rule.bps : input.rule.amount,
        roundingStep: input.step,
      });
      added.push({ productId: product.id, slug, price, margin: marginOf(price, offer.dropshipPrice) });
    }
    return { added, skipped: input.productIds.length - wanted.length };
  });
}

/**
 * The dropshipper's dashboard: listings by supplier with margin and the supplier's stock; orders waiting on
 * suppliers (deadline) and on their way (resi); complaints on its orders; each supplier's performance over the
 * last 180 days (late shipments, complaints); margin earned per month, from the ledger.
 */
export async function dropshipperDashboard(ownerId: string, now = new Date()) {
  const shop = await approvedShop(ownerId);
  const since = new Date(now.getTime() - PERFORMANCE_DAYS * 86_400_000);
  const [listings, orders, complaints, performance, marginByMonth] = await Promise.all([
    listDropshipperListings(shop.id),
    listDropshipperOrders(shop.id),
    shopComplaints(shop.id, "dropshipper"),
    supplierPerformanceOf(shop.id, since),
    dropshipMarginByMonth(shop.id),
  ]);
  const bySupplier = new Map<string, { supplier: string; products: { productId: string; title: string; slug: string; price: number; dropshipPrice: number | null; margin: number | null; stock: number; status: string; notice: string | null }[] }>();
  for (const l of listings) {
    const group = bySupplier.get(l.supplierShopId) ?? { supplier: l.sourceProduct.shop.name, products: [] };
    const dropshipPrice = l.sourceProduct.dropshipOffer?.dropshipPrice ?? null;
    group.products.push({
      productId: l.productId,
      title: l.product.title,
      slug: l.product.slug,
      price: l.product.priceRupiah,
      dropshipPrice,
      margin: dropshipPrice == null ? null : marginOf(l.product.priceRupiah, dropshipPrice),
      stock: effectiveStock({ stock: 0 }, l),
      status: l.product.status,
      notice: l.notice,
    });
    bySupplier.set(l.supplierShopId, group);
  }
  return {
    suppliers: [...bySupplier.values()],
    waiting: orders.filter((o) => o.status === "paid" || o.status === "processing"),
    orders,
    complaints,
    performance,
    marginByMonth,
  };
}

/** The window of the supplier performance figures: the 180 days local marketplaces count penalty points over. */
const PERFORMANCE_DAYS = 180;
