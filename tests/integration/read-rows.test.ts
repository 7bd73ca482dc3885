import { describe, expect, it } from "vitest";
import { Prisma } from "../../app/generated/prisma/client";
import { db, readRows } from "../../app/infra/db.server";
import { searchListings } from "../../app/models/product.server";
import { aProduct } from "../factories/products";
import { aSeller } from "../factories/shops";

// The browse statements go to the pool past Prisma (readRows); what they return must decode as $queryRaw decoded
// it, or the pages would change under them (a count as a string, a date as text).
describe("readRows", () => {
  it("decodes every type the browse statements return as $queryRaw does", async () => {
    const ids = [3, 5];
    const sql = Prisma.sql`
      SELECT count(*) AS n, count(*) OVER () AS total, 42::int AS small, 'kemeja'::text AS word, true AS yes, NULL::text AS nothing,
             gen_random_uuid()::text IS NOT NULL AS has_uuid, '2026-12-02T03:04:05.678Z'::timestamptz AS at,
             json_build_object('id', 'x', 'n', 7, 'createdAt', '2026-12-02T03:04:05.678Z'::timestamptz, 'list', json_build_array(1, 'a')) AS doc,
             coalesce((SELECT json_agg(v) FROM unnest(${ids}::int[]) v), '[]') AS agg,
             (${"gamis"})::text AS param, ${ids}::int[] AS ints, ARRAY['a', 'b'] AS texts
        FROM (VALUES (1)) t(x)`;
    const [viaPool] = await readRows<Record<string, unknown>>(sql);
    const [viaPrisma] = await db().$queryRaw<Record<string, unknown>[]>(sql);
    expect(viaPool).toEqual(viaPrisma);
    expect(typeof viaPool.n).toBe("bigint");
    expect(viaPool.at).toBeInstanceOf(Date);
  });

  it("serves a first search page with its count as a number", async () => {
    const seller = await aSeller({ status: "approved" });
    await aProduct(seller.owner, { title: "Sarung Tenun Samarinda Hijau" });
    const page = await searchListings({ q: "samarinda", sort: "relevance", limit: 24 } as Parameters<typeof searchListings>[0]);
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({ title: "Sarung Tenun Samarinda Hijau", price_rupiah: 150000 });
    expect(page.rows[0].published_at).toBeInstanceOf(Date);
  });
});
