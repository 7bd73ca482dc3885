import { describe, expect, it } from "vitest";
import { db } from "../../app/infra/db.server";
import { countUnread } from "../../app/models/notification.server";
import { loader as notificationsLoader } from "../../app/routes/notifications";
import { aUser, cookieFor } from "../factories/users";
import { call, getRequest, payload } from "../setup/http";

type List = { notifications: { id: string; title: string; isNew: boolean }[] };

describe("notifications", () => {
  it("opening the list marks what it shows read: the unread count drops to 0, each is shown once as new", async () => {
    const seller = await aUser();
    const other = await aUser();
    for (const user of [seller, other]) {
      await db().notification.create({ data: { userId: user.id, kind: "kyc.approved", title: "Toko kamu sudah terverifikasi", body: "Selamat!" } });
    }
    expect(await countUnread(seller.id)).toBe(1);
    const cookie = await cookieFor(seller.id);

    const first = payload<List>((await call(notificationsLoader, getRequest("/notifications", { cookie }))).result);
    expect(first.notifications.map((n) => n.isNew)).toEqual([true]);
    expect(await countUnread(seller.id)).toBe(0);
    // Someone else's notifications are untouched.
    expect(await countUnread(other.id)).toBe(1);

    const again = payload<List>((await call(notificationsLoader, getRequest("/notifications", { cookie }))).result);
    expect(again.notifications.map((n) => n.isNew)).toEqual([false]);
  });
});
