import type { ShopStatus } from "~/domain/kyc/verification";
import { db } from "~/infra/db.server";

// Only a verified shop has a public page; draft, rejected and suspended shops are not found.
const PUBLIC_STATUS: ShopStatus = "approved";

/** An approved shop by its slug, with only what its public page shows; null otherwise. */
export function findPublicShopBySlug(slug: string) {
  return db().shop.findFirst({
    where: { slug, status: PUBLIC_STATUS },
    select: { id: true, name: true, slug: true, description: true, provinceCode: true, regencyCode: true, createdAt: true },
  });
}

/** The id of the shop a user owns, if any: a product page shows a shop its own drafts. */
export async function shopIdOfOwner(ownerId: string): Promise<string | null> {
  const shop = await db().shop.findUnique({ where: { ownerId }, select: { id: true } });
  return shop?.id ?? null;
}
