/** "Toko Berkah Jaya!" → "toko-berkah-jaya" (ASCII, for URLs). */
export function slugify(input: string, maxLength = 40): string {
  return input
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " dan ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/g, "");
}

/**
 * "Murah Sekali" → "Toko Murah Sekali", but "Toko Murah Sekali" stays as it is: many shop names already start
 * with "Toko", and texts such as "pengajuan toko {name}" would say it twice. `word` carries the case the
 * sentence needs ("Toko" at the start, "toko" inside); a name that starts with it keeps its own case.
 */
export function withShopWord(name: string, word: "Toko" | "toko" = "Toko"): string {
  const trimmed = name.trim();
  return /^toko(\s|$)/i.test(trimmed) ? trimmed : `${word} ${trimmed}`;
}

/** The message variables for a shop's name: `shop` as typed, `shopTitle` to start a sentence, `shopRef` inside one. */
export function shopNameVars(name: string): { shop: string; shopTitle: string; shopRef: string } {
  return { shop: name, shopTitle: withShopWord(name, "Toko"), shopRef: withShopWord(name, "toko") };
}
