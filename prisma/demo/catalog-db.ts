// Demo-only writes the seller's own services never make: a history for the seeded catalog (how many
// were sold, when each product went live), so that "terbaru" and "terlaris" sorts have something to show.
import { db } from "~/infra/db.server";

export interface DemoListingHistory {
  id: string;
  soldCount: number;
  /** Null for drafts (never published). */
  publishedAt: Date | null;
  createdAt: Date;
}

/** One UPDATE for the whole catalog; updated_at follows (the last edit was when it went live). */
export async function setDemoListingHistory(rows: DemoListingHistory[]): Promise<number> {
  if (rows.length === 0) return 0;
  const ids = rows.map((r) => r.id);
  const sold = rows.map((r) => r.soldCount);
  const published = rows.map((r) => r.publishedAt?.toISOString() ?? null);
  const created = rows.map((r) => r.createdAt.toISOString());
  return db().$executeRaw`
    UPDATE products AS p
       SET sold_count = v.sold_count,
           published_at = v.published_at,
           created_at = v.created_at,
           updated_at = COALESCE(v.published_at, v.created_at)
      FROM unnest(${ids}::uuid[], ${sold}::int[], ${published}::timestamptz[], ${created}::timestamptz[])
           AS v(id, sold_count, published_at, created_at)
     WHERE p.id = v.id`;
}
