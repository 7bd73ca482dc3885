import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locale } from "~/i18n/i18n";
import { setPaymentGatewayForTests } from "~/infra/payments/gateway.server";
import AdminOrder, { loader } from "~/routes/admin.pesanan.$orderNumber";
import { cancelOrderBySeller } from "~/services/seller-orders.server";
import { aFakeGateway, aPaidOrder } from "../factories/paid-orders";
import { anAdmin } from "../factories/shops";
import { cookieFor } from "../factories/users";
import { checkLedgerAfterEach } from "../setup/buying";
import { call, getRequest, payload } from "../setup/http";
import { renderRoute, textOf } from "../setup/render-route";

// The admin's order page as a person reads it: the loader's data rendered by the route's component, in each language.

checkLedgerAfterEach();
const fake = aFakeGateway();
beforeAll(() => setPaymentGatewayForTests(fake.gateway));
afterAll(() => setPaymentGatewayForTests(undefined));

async function renderPage(orderNumber: string, locale: Locale) {
  const admin = await anAdmin();
  const res = await call(loader, getRequest(`/admin/pesanan/${orderNumber}`, { cookie: await cookieFor(admin.id) }), { orderNumber });
  expect(res.status).toBe(200);
  return renderRoute(AdminOrder, `/admin/pesanan/${orderNumber}`, payload(res.result), locale);
}

describe("admin order page", () => {
  it("names the payment's status and method, the refund's state and the journal's accounts in words, no raw codes", async () => {
    const { seller, order } = await aPaidOrder();
    await cancelOrderBySeller(seller.owner.id, order.orderNumber, "Stok habis");

    const id = textOf(await renderPage(order.orderNumber, "id"));
    expect(id).toContain("Lunas");
    expect(id).toContain("Transfer bank");
    expect(id).toContain("· selesai · Stok habis");
    expect(id).toContain("Dana di penyedia pembayaran");
    expect(id).toContain("Rekber (dana ditahan)");
    expect(id).toContain("Pembayaran masuk");
    expect(id).toContain("Pengembalian dana ke pembeli");
    expect(id).toContain("Dana diterima gateway");
    for (const code of ["settled", "settlement", "bank_transfer", "done", "escrow", "provider_clearing", "payment_settled", "refund", "notification"]) {
      expect(id).not.toMatch(new RegExp(`(^|[^\\w-])${code}([^\\w-]|$)`));
    }

    const en = textOf(await renderPage(order.orderNumber, "en"));
    expect(en).toContain("Paid");
    expect(en).toContain("Bank transfer");
    expect(en).toContain("Money at the payment provider");
    for (const code of ["settled", "bank_transfer", "provider_clearing", "payment_settled"]) expect(en).not.toContain(code);
  });
});
