import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { databaseUrl } from "./env.server";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { lapakDb?: { url: string; client: PrismaClient } };

/** One client per process (and per DATABASE_URL, so a test file that points at its own database gets its own). */
export function db(): PrismaClient {
  const url = databaseUrl();
  if (globalForDb.lapakDb?.url !== url) {
    const adapter = new PrismaPg({
      connectionString: url,
      max: Number(process.env.DB_POOL_SIZE ?? 10),
      // Typo-tolerant search: "gamsi" must still reach "Gamis" (word similarity ≈ 0.33; the default is 0.6).
      options: "-c pg_trgm.word_similarity_threshold=0.3",
    });
    globalForDb.lapakDb = { url, client: new PrismaClient({ adapter }) };
  }
  return globalForDb.lapakDb.client;
}

export async function disconnectDb() {
  const current = globalForDb.lapakDb;
  globalForDb.lapakDb = undefined;
  await current?.client.$disconnect();
}
