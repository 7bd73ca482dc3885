import { describe, expect, it } from "vitest";
import { dictionaryKeys, translator } from "./i18n";
import "./register";

describe("i18n", () => {
  it("has every key in both languages", () => {
    const id = new Set(dictionaryKeys("id"));
    const en = new Set(dictionaryKeys("en"));
    expect([...id].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !id.has(k))).toEqual([]);
  });
  it("fills variables and falls back to the key", () => {
    expect(translator("id")("home.hello", { name: "Siti" })).toBe("Halo, Siti!");
    expect(translator("en")("home.hello", { name: "Siti" })).toBe("Hello, Siti!");
    expect(translator("id")("no.such.key")).toBe("no.such.key");
  });
});
