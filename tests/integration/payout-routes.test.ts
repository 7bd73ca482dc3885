import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/infra/db.server";
import * as queue from "~/routes/admin.payouts";
import * as batchRoute from "~/routes/admin.payouts_.$batchId";
import * as tarik from "~/routes/seller.keuangan_.tarik";
import { formHolding, renderRoute } from "../setup/render-route";
import { aSellerWithBalance } from "../factories/balances";
import { aUser, cookieFor } from "../factories/users";
import { checkLedgerAfterEach } from "../setup/buying";
import { call, getRequest, payload, postForm } from "../setup/http";
import { startPayoutStack } from "../setup/payouts";

// The withdrawal page and the payout queue as routes: who may see and do what.

let stack: Awaited<ReturnType<typeof startPayoutStack>>;
let a: Awaited<ReturnType<typeof aSellerWithBalance>>;
let b: Awaited<ReturnType<typeof aSellerWithBalance>>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  stack = await startPayoutStack();
  a = await aSellerWithBalance({ available: 100_000 });
  b = await aSellerWithBalance({ available: 60_000 });
  const maker = await aUser({ admin: true, name: "Admin Satu" });
  const checker = await aUser({ admin: true, name: "Admin Dua" });
  const buyer = await aUser();
  cookies.a = await cookieFor(a.seller.owner.id);
  cookies.b = await cookieFor(b.seller.owner.id);
  cookies.maker = await cookieFor(maker.id);
  cookies.checker = await cookieFor(checker.id);
  cookies.buyer = await cookieFor(buyer.id);
});
afterAll(async () => {
  await stack?.stop();
});
checkLedgerAfterEach();

describe("withdrawal and payout routes", () => {
  it("a seller sees only their own balance; a buyer without a shop is refused", async () => {
    const mine = payload<{ available: number; shop: { id: string } }>((await call(tarik.loader, getRequest("/seller/keuangan/tarik", { cookie: cookies.a }))).result);
    expect(mine).toMatchObject({ available: 100_000, shop: { id: a.seller.shop.id } });
    const theirs = payload<{ available: number; shop: { id: string } }>((await call(tarik.loader, getRequest("/seller/keuangan/tarik", { cookie: cookies.b }))).result);
    expect(theirs).toMatchObject({ available: 60_000, shop: { id: b.seller.shop.id } });
    expect((await call(tarik.loader, getRequest("/seller/keuangan/tarik", { cookie: cookies.buyer }))).status).toBe(403);
  });

  it("the form refuses a bad amount with the reason and accepts Indonesian thousands", async () => {
    const low = await call(tarik.action, postForm("/seller/keuangan/tarik", { amount: "10.000" }, { cookie: cookies.a }));
    expect(low.status).toBe(400);
    // What the seller typed comes back with the refusal (the form shows it again, also without JavaScript).
    expect(payload<{ errors: { amount: string }; vars: { minimum: number } }>(low.result)).toMatchObject({ errors: { amount: "withdrawal.errors.minimum" }, vars: { minimum: 50_000 }, values: { amount: "10.000" } });
    const junk = await call(tarik.action, postForm("/seller/keuangan/tarik", { amount: "1e5" }, { cookie: cookies.a }));
    expect(junk.status).toBe(400);
    // An emptied field gets our message under it: the form leaves the check to us, not to the browser's own
    // (which speaks the phone's language, English on many phones).
    const empty = await call(tarik.action, postForm("/seller/keuangan/tarik", { amount: "" }, { cookie: cookies.a }));
    expect([empty.status, payload<{ errors: { amount: string } }>(empty.result).errors.amount]).toEqual([400, "withdrawal.errors.amount"]);
    const page = renderRoute(tarik.default, "/seller/keuangan/tarik", payload((await call(tarik.loader, getRequest("/seller/keuangan/tarik", { cookie: cookies.a }))).result));
    expect(formHolding(page, "amount")).toMatch(/^<form[^>]* novalidate=""/);
    const ok = await call(tarik.action, postForm("/seller/keuangan/tarik", { amount: "80.000" }, { cookie: cookies.a }));
    expect(payload<{ ok: { amount: number } }>(ok.result)).toMatchObject({ ok: { amount: 80_000 } });
  });

  it("only admins see the payout queue; the maker cannot approve, another admin can", async () => {
    for (const who of ["a", "buyer"]) {
      expect((await call(queue.loader, getRequest("/admin/payouts", { cookie: cookies[who] }))).status).toBe(403);
      expect((await call(queue.action, postForm("/admin/payouts", { intent: "create" }, { cookie: cookies[who] }))).status).toBe(403);
    }
    const page = payload<{ queue: { shopName: string; amount: number }[] }>((await call(queue.loader, getRequest("/admin/payouts", { cookie: cookies.maker }))).result);
    expect(page.queue.map((w) => w.amount)).toEqual([80_000]);
    expect(payload<{ ok: string }>((await call(queue.action, postForm("/admin/payouts", { intent: "create" }, { cookie: cookies.maker }))).result)).toEqual({ ok: "payout.batchCreated" });
    const batch = await db().payoutBatch.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    const denied = await call(queue.action, postForm("/admin/payouts", { intent: "approve", batchId: batch.id }, { cookie: cookies.maker }));
    expect(denied.status).toBe(403);
    expect(payload<{ errors: { _form: string } }>(denied.result).errors._form).toBe("payout.errors.makerCannotApprove");
    expect((await call(batchRoute.loader, getRequest(`/admin/payouts/${batch.id}`, { cookie: cookies.a }), { batchId: batch.id })).status).toBe(403);
    const approved = await call(queue.action, postForm("/admin/payouts", { intent: "approve", batchId: batch.id }, { cookie: cookies.checker }));
    expect(payload(approved.result)).toEqual({ ok: "payout.approved" });
    const detail = payload<{ checkerName: string; withdrawals: { providerReference: string | null }[] }>(
      (await call(batchRoute.loader, getRequest(`/admin/payouts/${batch.id}`, { cookie: cookies.checker }), { batchId: batch.id })).result,
    );
    expect(detail.checkerName).toBe("Admin Dua");
    expect(detail.withdrawals[0].providerReference).toMatch(/^[0-9a-f]{20}$/);
  });
});
