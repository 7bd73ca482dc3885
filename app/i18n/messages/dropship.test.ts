import { describe, expect, it } from "vitest";
import { dropshipMessages } from "./dropship";

describe("dropshipMessages", () => {
  it("has the same keys in Indonesian and English, none empty", () => {
    expect(Object.keys(dropshipMessages.en).sort()).toEqual(Object.keys(dropshipMessages.id).sort());
    for (const text of [...Object.values(dropshipMessages.id), ...Object.values(dropshipMessages.en)]) expect(text.trim()).not.toBe("");
  });
});
