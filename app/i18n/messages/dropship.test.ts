import { describe, expect, it } from "vitest";
import { isPluralForm } from "../i18n";
import { dropshipMessages } from "./dropship";

describe("dropshipMessages", () => {
  it("has the same keys in Indonesian and English (English plural forms aside), none empty", () => {
    expect(Object.keys(dropshipMessages.en).filter((k) => !isPluralForm(k)).sort()).toEqual(Object.keys(dropshipMessages.id).sort());
    for (const text of [...Object.values(dropshipMessages.id), ...Object.values(dropshipMessages.en)]) expect(text.trim()).not.toBe("");
  });
});
