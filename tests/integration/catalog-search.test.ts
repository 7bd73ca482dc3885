import { beforeAll, describe, expect, it } from "vitest";
import { browse, parseBrowseParams } from "../../app/services/browse.server";
import { aProduct } from "../factories/products";
import { aSeller } from "../factories/shops";

let bandung: Awaited<ReturnType<typeof aSeller>>;

beforeAll(async () => {
  bandung = await aSeller({ status: "approved" });
  await aProduct(bandung.owner, { title: "Gamis Hitam Polos", category: "gamis-polos", price: 185000 });
  await aProduct(bandung.owner, { title: "Gamis Syari Hitam Jumbo", category: "gamis-syari", price: 250000 });
  await aProduct(bandung.owner, { title: "Kemeja Batik Pria Lengan Panjang", price: 99000, condition: "used" });
  await aProduct(bandung.owner, { title: "Gamis Putih Draft", publish: false });
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

  it("never shows drafts", async () => {
    const res = await search("q=putih");
    expect(res.items).toEqual([]);
  });

  it("filters by price range, condition and seller province, and sorts by price", async () => {
    expect((await search("min=100000&max=200000")).items.map((i) => i.title)).toEqual(["Gamis Hitam Polos"]);
    expect((await search("kondisi=used")).items.map((i) => i.title)).toEqual(["Kemeja Batik Pria Lengan Panjang"]);
    expect((await search("provinsi=31")).items).toEqual([]);
    expect((await search("provinsi=32&urut=price_asc")).items.map((i) => i.priceRupiah)).toEqual([99000, 185000, 250000]);
  });

  it("pages with a cursor without repeating or skipping", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await browse({ ...parseBrowseParams(new URL("http://x/cari?urut=price_desc")), setelah: cursor ?? undefined });
      seen.push(...page.items.map((i) => i.title));
      cursor = page.next;
    } while (cursor);
    expect(seen).toEqual(["Gamis Syari Hitam Jumbo", "Gamis Hitam Polos", "Kemeja Batik Pria Lengan Panjang"]);
  });

  it("a top-level category shows the products of all its leaves", async () => {
    const res = await browse(parseBrowseParams(new URL("http://x/")), { categorySlug: "fashion-muslim" });
    expect(res.items.map((i) => i.title).sort()).toEqual(["Gamis Hitam Polos", "Gamis Syari Hitam Jumbo"]);
    expect(res.subcategories.length).toBeGreaterThan(1);
  });
});
