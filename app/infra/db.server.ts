import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { Prisma } from "~/generated/prisma/client";
import { PrismaClient } from "~/generated/prisma/client";
import { databaseUrl } from "./env.server";
import { resilientPool } from "./pg-pool.server";

export type Db = PrismaClient;

// Typo-tolerant search: a misspelt word must still reach its title word ("gamsi" → "Gamis" scores 0.5, "brokta" →
// "Brokat" 0.57; PostgreSQL's default threshold is 0.6). 0.4 rather than 0.3 keeps out the many words that merely
// share two first letters ("gamsi" → "gantung", 0.33), which made typo searches slow on a big catalog.
export const SEARCH_SESSION_OPTIONS = "-c pg_trgm.word_similarity_threshold=0.4";
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { lapakDb?: { url: string; client: PrismaClient; pool: pg.Pool } };

/** One client per process (and per DATABASE_URL, so a test file that points at its own database gets its own). */
export function db(): PrismaClient {
  const url = databaseUrl();
  if (globalForDb.lapakDb?.url !== url) {
    // A connection dropped by the server (restart, failover) must not crash the process: the pool replaces it.
    const pool = resilientPool({ connectionString: url, max: Number(process.env.DB_POOL_SIZE ?? 10), options: SEARCH_SESSION_OPTIONS }, "database");
    const adapter = new PrismaPg(pool);
    globalForDb.lapakDb = { url, client: new PrismaClient({ adapter }), pool };
  }
  return globalForDb.lapakDb.client;
}

/**
 * A read-only statement sent straight to the pool, past Prisma's query engine. For the browse statements each page
 * view sends (a category's list and count, a product page, a search): there Prisma's own cost per statement, about
 * 0.3 ms of CPU, was as much as PostgreSQL's (docs/decisions/0005-browse-speed.md). Values come back as $queryRaw
 * gives them for what those statements return: bigint for int8 (counts), Date for timestamps, objects for JSON.
 */
export async function readRows<T>(sql: Prisma.Sql): Promise<T[]> {
  db();
  const { rows } = await globalForDb.lapakDb!.pool.query<T & pg.QueryResultRow>({ text: sql.text, values: sql.values, types: AS_QUERY_RAW });
  return rows;
}

const INT8 = 20;
const AS_QUERY_RAW = { getTypeParser: ((oid: number, format?: "text" | "binary") => (oid === INT8 ? BigInt : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser };

export async function disconnectDb() {
  const current = globalForDb.lapakDb;
  globalForDb.lapakDb = undefined;
  await current?.client.$disconnect();
  // The pool is ours (handed to the adapter), so we close it.
  await current?.pool.end().catch(() => undefined);
}
