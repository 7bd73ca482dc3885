import { db } from "~/infra/db.server";

export async function findShopStatusOfOwner(userId: string): Promise<string | null> {
  const shop = await db().shop.findUnique({ where: { ownerId: userId }, select: { status: true } });
  return shop?.status ?? null;
}
