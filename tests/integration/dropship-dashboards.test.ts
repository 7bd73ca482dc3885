import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apportion } from "~/domain/dropship/settlement";
import { db } from "~/infra/db.server";
import { setPaymentGatewayForTests } from "~/infra/payments/gateway.server";
import { saveProduct } from "~/services/catalog.server";
import { openComplaint } from "~/services/complaints.server";
import { chainStep } from "~/services/dropship-after-sales.server";
import { dropshipperDashboard, openProducts, supplierProgram } from "~/services/dropship.server";
import { confirmReceipt } from "~/services/order-completion.server";
import { cancelLateOrders } from "~/services/seller-orders.server";
import { aDropshipProgram, aProgramOrder, aShippedProgramOrder, type DropshipProgram } from "../factories/dropship";
import { aBuyer, aFakeGateway } from "../factories/paid-orders";
import { aProduct } from "../factories/products";
import { checkLedgerAfterEach } from "../setup/buying";
import { rejects } from "../setup/domain-errors";

checkLedgerAfterEach();
const fake = aFakeGateway();
let program: DropshipProgram;
const json = (v: unknown) => JSON.stringify(v, (_, x: unknown) => (typeof x === "bigint" ? String(x) : x));
const wibMonth = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);

beforeAll(async () => {
  setPaymentGatewayForTests(fake.gateway);
  program = await aDropshipProgram();
});
afterAll(() => setPaymentGatewayForTests(undefined));

describe("dropship dashboards", () => {
  it("the dropshipper: orders waiting on the supplier, complaints, supplier performance, and margin per month from the ledger", async () => {
    const buyer = await aBuyer("Budi Santoso");
    // 1: completed in full (margin Rp17.500). 2: complained, 30% refunded, rest released. 3: not shipped in time. 4: waiting.
    const done = await aShippedProgramOrder(program, { buyer });
    await confirmReceipt(buyer.id, done.order.orderNumber);
    const partial = await aShippedProgramOrder(program, { buyer });
    await openComplaint(buyer.id, partial.order.orderNumber, { reason: "damaged", description: "Jahitan lepas" });
    await chainStep("shop", program.dropshipper.owner.id, partial.order.orderNumber, { action: "forward", note: "Cek jahitan" });
    const late = await aProgramOrder(program, { buyer });
    await db().shipment.update({ where: { orderId: late.order.id }, data: { shipBy: new Date(Date.now() - 60_000) } });
    expect(await cancelLateOrders()).toBeGreaterThanOrEqual(1);
    const waiting = await aProgramOrder(program, { buyer });

    let dash = await dropshipperDashboard(program.dropshipper.owner.id);
    expect(dash.waiting.map((o) => o.orderNumber)).toEqual([waiting.order.orderNumber]);
    expect(dash.orders.map((o) => o.orderNumber).sort()).toEqual([partial.order.orderNumber, waiting.order.orderNumber].sort());
    expect(dash.complaints).toMatchObject([{ orderNumber: partial.order.orderNumber, status: "forwarded", reason: "damaged" }]);
    expect(dash.performance).toEqual([{ supplierShopId: program.supplier.shop.id, supplier: program.supplier.shop.name, orders: 4, late: 1, complaints: 1 }]);
    expect(dash.marginByMonth).toEqual([{ month: wibMonth(new Date()), margin: 17_500 }]);

    // The supplier decides 30%: the dropshipper's margin that month is what the ledger credited, not 2 × Rp17.500.
    await chainStep("shop", program.supplier.owner.id, partial.order.orderNumber, { action: "accept_partial", percent: 30 });
    const refund = Math.floor(((104_500 + partial.order.shippingCost) * 30) / 100);
    const [, fromDropshipper] = apportion(refund, [87_000 + partial.order.shippingCost, 17_500]);
    dash = await dropshipperDashboard(program.dropshipper.owner.id);
    expect(dash.marginByMonth).toEqual([{ month: wibMonth(new Date()), margin: 17_500 + 17_500 - fromDropshipper }]);
    expect(dash.complaints).toEqual([]);
    console.log(`[dropship dashboards] margin this month from the ledger: ${17_500 + 17_500 - fromDropshipper} (17500 + 17500 − ${fromDropshipper} refunded)`);
  });

  it("the supplier: dropship orders to fulfil with the dropshipper's name, complaints to decide; never the buyer's price", async () => {
    const buyer = await aBuyer("Sari Pembeli");
    const paid = await aProgramOrder(program, { buyer });
    const shipped = await aShippedProgramOrder(program, { buyer });
    await openComplaint(buyer.id, shipped.order.orderNumber, { reason: "wrong_item", description: "Warna beda, saya bayar Rp104.500" });
    let page = await supplierProgram(program.supplier.owner.id);
    expect(page.toFulfil.map((o) => [o.orderNumber, o.shop.name])).toContainEqual([paid.order.orderNumber, program.dropshipper.shop.name]);
    // Not forwarded yet: not the supplier's to see.
    expect(page.complaints.map((c) => c.orderNumber)).not.toContain(shipped.order.orderNumber);
    await chainStep("shop", program.dropshipper.owner.id, shipped.order.orderNumber, { action: "forward", note: "Warna tidak sesuai foto" });
    page = await supplierProgram(program.supplier.owner.id);
    expect(page.complaints).toMatchObject([{ orderNumber: shipped.order.orderNumber, status: "forwarded" }]);
    expect(page.partners.map((p) => p.sales.dropshipCost)).toEqual([87_000 * 6]);
    expect(json(page)).not.toContain("104500");
    expect(json(page)).not.toContain("104.500");
    expect(json(page)).not.toContain("Sari Pembeli");
  });
});

describe("variants", () => {
  it("a product with variants cannot be opened, the program page says why, and an open product cannot gain variants", async () => {
    const variant = await aProduct(program.supplier.owner, { title: "Kaos Polos Varian" });
    const form = {
      title: "Kaos Polos Varian",
      description: "Bahan katun.",
      categoryId: variant.categoryId,
      condition: "new" as const,
      price: 50_000,
      stock: 0,
      sku: "",
      minOrder: 1,
      weightGrams: 300,
      lengthCm: null,
      widthCm: null,
      heightCm: null,
      photoIds: [],
      variantType1: "Ukuran",
      variantType2: "",
      variantsJson: "",
      variants: [
        { option1: "M", option2: null, price: 50_000, stock: 5, sku: "", weightGrams: 300 },
        { option1: "L", option2: null, price: 52_000, stock: 5, sku: "", weightGrams: 320 },
      ],
      intent: "save" as const,
    };
    await saveProduct(program.supplier.owner, form as never, variant.id);
    await rejects(openProducts(program.supplier.owner.id, { requiresApproval: false, offers: [{ productId: variant.id, dropshipPrice: 40_000, minSellingPrice: null }] }), "validation", "dropship.error.variantsLater");
    const page = await supplierProgram(program.supplier.owner.id);
    expect(page.variantProducts.map((p) => p.title)).toContain("Kaos Polos Varian");
    expect(page.products.map((p) => p.id)).not.toContain(variant.id);
    // The open product keeps selling through its listings without variants: adding some is refused.
    await rejects(saveProduct(program.supplier.owner, { ...form, title: "Gamis Syari Bandung" } as never, program.source.id), "validation", "dropship.error.variantsOpen");
  });
});
