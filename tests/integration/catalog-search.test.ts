import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/infra/db.server";
import { encodeCursor } from "../../app/infra/http.server";
import { searchListings } from "../../app/models/product.server";
import { browse, parseBrowseParams, productPage } from "../../app/services/browse.server";
import { aProduct, leafCategory } from "../factories/products";
import { aSeller } from "../factories/shops";

let bandung: Awaited<ReturnType<typeof aSeller>>;

beforeAll(async () => {
  bandung = await aSeller({ status: "approved" });
  await aProduct(bandung.owner, { title: "Gamis Hitam Polos", category: "gamis-polos", price: 185000 });
  await aProduct(bandung.owner, { title: "Gamis Syari Hitam Jumbo", category: "gamis-syari", price: 250000 });
  await aProduct(bandung.owner, { title: "Kemeja Batik Pria Lengan Panjang", price: 99000, condition: "used" });
  await aProduct(bandung.owner, { title: "Gamis Putih Draft", publish: false });
  await aProduct(bandung.owner, { title: "Kopi Arabika Gayo 250 gr", price: 85000 });
  await aProduct(bandung.owner, { title: "Topi Rajut Anak", price: 45000 });
});

const search = (qs: string) => browse(parseBrowseParams(new URL(`http://x/cari?${qs}`)));

describe("search", () => {
  it("finds words in any order, stemmed, and ranks the closest title first", async () => {
    const res = await search("q=gamis+hitam");
    expect(res.items.map((i) => i.title)).toEqual(["Gamis Hitam Polos", "Gamis Syari Hitam Jumbo"]);
    expect(res.total).toBe(2);
  });

  it("still finds a product when a word is misspelt", async () => {
    const res = await search("q=gamsi");
    expect(res.items.map((i) => i.title)).toContain("Gamis Hitam Polos");
  });

  it("shows only exact matches when there are any, and spelling neighbours only when there are none", async () => {
    const exact = await search("q=kopi");
    expect(exact.items.map((i) => i.title)).toEqual(["Kopi Arabika Gayo 250 gr"]);
    expect(exact.fuzzy).toBe(false);
    const typo = await search("q=kopii+arabka");
    expect(typo.fuzzy).toBe(true);
    expect(typo.items.map((i) => i.title)).toContain("Kopi Arabika Gayo 250 gr");
  });

  it("hides a suspended shop's products from listings and from the product page", async () => {
    const other = await aSeller({ status: "approved" });
    const product = await aProduct(other.owner, { title: "Sandal Jepit Bambu Unik" });
    expect((await search("q=sandal+bambu")).items).toHaveLength(1);
    await db().shop.update({ where: { id: other.shop.id }, data: { status: "suspended" } });
    expect((await search("q=sandal+bambu")).items).toHaveLength(0);
    expect(await productPage(product.slug)).toBeNull();
    expect(await productPage(product.slug, { shopOwnerOf: other.shop.id })).not.toBeNull();
  });

  it("never shows drafts", async () => {
    const res = await search("q=putih");
    expect(res.items).toEqual([]);
  });

  it("filters by price range, condition and seller province, and sorts by price", async () => {
    expect((await search("min=100000&max=200000")).items.map((i) => i.title)).toEqual(["Gamis Hitam Polos"]);
    expect((await search("min=200000&max=100000")).items.map((i) => i.title)).toEqual(["Gamis Hitam Polos"]); // typed the wrong way round
    expect((await search("kondisi=used")).items.map((i) => i.title)).toEqual(["Kemeja Batik Pria Lengan Panjang"]);
    expect((await search("provinsi=31")).items).toEqual([]);
    expect((await search("provinsi=32&urut=price_asc")).items.map((i) => i.priceRupiah)).toEqual([45000, 85000, 99000, 185000, 250000]);
  });

  it("pages with a cursor without repeating or skipping", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await browse({ ...parseBrowseParams(new URL("http://x/cari?urut=price_desc")), setelah: cursor ?? undefined });
      seen.push(...page.items.map((i) => i.title));
      cursor = page.next;
    } while (cursor);
    expect(seen).toEqual(["Gamis Syari Hitam Jumbo", "Gamis Hitam Polos", "Kemeja Batik Pria Lengan Panjang", "Kopi Arabika Gayo 250 gr", "Topi Rajut Anak"]);
  });

  it("a top-level category shows the products of all its leaves", async () => {
    const res = await browse(parseBrowseParams(new URL("http://x/")), { categorySlug: "fashion-muslim" });
    expect(res.items.map((i) => i.title).sort()).toEqual(["Gamis Hitam Polos", "Gamis Syari Hitam Jumbo"]);
    expect(res.subcategories.length).toBeGreaterThan(1);
  });
});

// After the tests above, which list the whole small catalog: these add products of their own.
describe("search words", () => {
  it("ranks titles holding the word as typed first: 'kemeja' finds shirts before tables (the stemmer makes both 'meja')", async () => {
    await aProduct(bandung.owner, { title: "Meja Lipat Kayu Jati", price: 350000 });
    await aProduct(bandung.owner, { title: "Meja Belajar Anak Minimalis", price: 275000 });
    const res = await search("q=kemeja");
    const titles = res.items.map((i) => i.title);
    expect(titles[0]).toBe("Kemeja Batik Pria Lengan Panjang");
    expect(titles.indexOf("Kemeja Batik Pria Lengan Panjang")).toBeLessThan(Math.min(...["Meja Lipat Kayu Jati", "Meja Belajar Anak Minimalis"].map((t) => titles.indexOf(t)).filter((i) => i >= 0)));
    expect((await search("q=meja")).items[0].title).toMatch(/^Meja/);
  });

  it("puts the words as typed first in every sort: 'kemeja' by price, highest first, lists the shirt before the dearer tables", async () => {
    // (The tables of the test above: 350,000 and 275,000; the shirt: 99,000.) In plain price order the tables came first.
    const res = await search("q=kemeja&urut=price_desc");
    expect(res.items.map((i) => i.title)).toEqual(["Kemeja Batik Pria Lengan Panjang", "Meja Lipat Kayu Jati", "Meja Belajar Anak Minimalis"]);
    expect(res.total).toBe(3);
    expect((await search("q=kemeja&urut=price_asc")).items.map((i) => i.title)).toEqual(["Kemeja Batik Pria Lengan Panjang", "Meja Belajar Anak Minimalis", "Meja Lipat Kayu Jati"]);
    // Page by page (one product a page), across the step from the exact part to the stemmed part, nothing repeats or goes missing.
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof searchListings>> = await searchListings({ q: "kemeja", sort: "price_desc", after, limit: 1 });
      seen.push(...page.rows.map((r) => r.title));
      after = page.next;
    } while (after && seen.length < 10);
    expect(seen).toEqual(["Kemeja Batik Pria Lengan Panjang", "Meja Lipat Kayu Jati", "Meja Belajar Anak Minimalis"]);
  });

  it("corrects a misspelt word against the title words and says so: 'gamsi' searches 'gamis'", async () => {
    const res = await search("q=gamsi+hitam");
    expect(res.correctedQuery).toBe("gamis hitam");
    expect(res.fuzzy).toBe(true);
    expect(res.items.map((i) => i.title)).toEqual(["Gamis Hitam Polos", "Gamis Syari Hitam Jumbo"]);
    expect(res.total).toBe(2);
    expect((await search("q=gamis")).correctedQuery).toBeNull();
  });

  it("learns the words of new titles at once (the dictionary is filled by a trigger)", async () => {
    expect((await search("q=blangkon")).total).toBe(0);
    await aProduct(bandung.owner, { title: "Blangkon Jawa Asli Solo" });
    const res = await search("q=blankgon");
    expect(res.correctedQuery).toBe("blangkon");
    expect(res.items.map((i) => i.title)).toEqual(["Blangkon Jawa Asli Solo"]);
  });

  it("does not count a suspended shop's products in the total", async () => {
    const other = await aSeller({ status: "approved" });
    const cheaper = await aProduct(other.owner, { title: "Songket Palembang Tenun Emas", price: 500000 });
    await aProduct(other.owner, { title: "Songket Lepus Merah", price: 700000 });
    const leaf = await leafCategory();
    const inLeaf = () => browse(parseBrowseParams(new URL("http://x/")), { categorySlug: leaf.slug });
    // A later page (here: after the cheaper songket, sorted by price) is counted by its own statement: the same total.
    const secondPage = () => search(`q=songket&urut=price_asc&setelah=${encodeCursor([String(cheaper.priceRupiah), cheaper.id, true])}`);
    expect((await search("q=songket")).total).toBe(2);
    expect((await secondPage()).items.map((i) => i.title)).toEqual(["Songket Lepus Merah"]);
    expect((await secondPage()).total).toBe(2);
    const leafBefore = await inLeaf();
    await db().shop.update({ where: { id: other.shop.id }, data: { status: "suspended" } });
    const res = await search("q=songket");
    expect(res.items).toEqual([]);
    expect(res.total).toBe(0);
    expect((await secondPage()).total).toBe(0);
    // A category page (counted beside its list) leaves them out too.
    expect((await inLeaf()).total).toBe(leafBefore.total - 2);
  });
});
