import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { leafCategory } from "../factories/products";
import { aSeller } from "../factories/shops";

// The first `npm start` died with "deadlock detected" while its demo catalog saved products four at a time: the
// title-word dictionary (search_words) was locked word by word in hash order, different in each transaction.

const WORDS = Array.from({ length: 24 }, (_, i) => `kata${String.fromCharCode(97 + i)}${String.fromCharCode(122 - i)}`);
let clients: pg.Client[] = [];
let insert: (client: pg.Client, title: string) => Promise<unknown>;

beforeAll(async () => {
  const { shop } = await aSeller({ status: "approved" });
  const category = await leafCategory();
  clients = [new pg.Client({ connectionString: process.env.DATABASE_URL }), new pg.Client({ connectionString: process.env.DATABASE_URL })];
  for (const c of clients) await c.connect();
  let n = 0;
  insert = (client, title) =>
    client.query(
      `INSERT INTO products (shop_id, slug, title, category_id, price_rupiah, stock, weight_grams, status, shop_province_code)
       VALUES ($1, $2, $3, $4, 10000, 1, 100, 'draft', '32')`,
      [shop.id, `kata-${++n}`, title, category.id],
    );
});

afterAll(async () => {
  for (const c of clients) await c.end().catch(() => undefined);
});

it("two sellers saving products with shared title words never deadlock on the word dictionary", async () => {
  const [a, b] = clients;
  const [first, ...rest] = [...WORDS].sort();
  await a.query("BEGIN");
  await b.query("BEGIN");
  // A holds the alphabetically first word; B's title has all of them, so B waits for A on that word.
  await insert(a, first);
  const bDone = insert(b, WORDS.join(" ")).then(
    () => b.query("COMMIT").then(() => "committed"),
    (error: Error) => b.query("ROLLBACK").then(() => error.message),
  );
  await new Promise((r) => setTimeout(r, 300));
  // A now needs the other words: had B taken any of them before waiting, this would be a deadlock.
  const aDone = await insert(a, rest.join(" ")).then(
    () => a.query("COMMIT").then(() => "committed"),
    (error: Error) => a.query("ROLLBACK").then(() => error.message),
  );
  expect([aDone, await bDone]).toEqual(["committed", "committed"]);
  const { rows } = await a.query<{ word: string; products: number }>(`SELECT word, products FROM search_words WHERE word LIKE 'kata%' ORDER BY word`);
  expect(rows).toEqual([...WORDS].sort().map((word) => ({ word, products: 2 })));
});
