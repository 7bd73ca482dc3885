import { describe, expect, it } from "vitest";
import {
  LEGACY_REGENCIES,
  PROVINCES,
  REGENCIES,
  findLegacyRegency,
  findProvince,
  findRegency,
  regenciesOf,
  resolveRegency,
} from "./data";

describe("provinces", () => {
  it("lists the 38 provinces, including the four created in 2022", () => {
    expect(PROVINCES).toHaveLength(38);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(38);
    expect(findProvince("93")?.name).toBe("Papua Selatan");
    expect(findProvince("94")?.name).toBe("Papua Tengah");
    expect(findProvince("95")?.name).toBe("Papua Pegunungan");
    expect(findProvince("96")?.name).toBe("Papua Barat Daya");
  });

  it("finds well-known provinces by code", () => {
    expect(findProvince("11")?.name).toBe("Aceh");
    expect(findProvince("31")?.name).toBe("DKI Jakarta");
    expect(findProvince("32")?.name).toBe("Jawa Barat");
    expect(findProvince("34")?.name).toBe("DI Yogyakarta");
    expect(findProvince("65")?.name).toBe("Kalimantan Utara");
    expect(findProvince("91")?.name).toBe("Papua");
    expect(findProvince("92")?.name).toBe("Papua Barat");
  });

  it("knows no province for codes that are not used", () => {
    for (const code of ["00", "10", "20", "22", "37", "50", "99", "3", "320"]) {
      expect(findProvince(code)).toBeUndefined();
    }
  });
});

describe("regencies", () => {
  it("lists all 514 regencies and cities: 416 kabupaten and 98 kota", () => {
    expect(REGENCIES.length).toBeGreaterThanOrEqual(514);
    expect(REGENCIES).toHaveLength(514);
    expect(new Set(REGENCIES.map((r) => r.code)).size).toBe(REGENCIES.length);
    expect(REGENCIES.filter((r) => r.name.startsWith("Kabupaten "))).toHaveLength(416);
    expect(REGENCIES.filter((r) => r.name.startsWith("Kota "))).toHaveLength(98);
  });

  it("uses Kemendagri codes: 01-69 for a kabupaten, 71-99 for a kota, under an existing province", () => {
    for (const r of REGENCIES) {
      expect(r.code).toMatch(/^\d{4}$/);
      expect(r.code.slice(0, 2)).toBe(r.provinceCode);
      expect(findProvince(r.provinceCode)).toBeDefined();
      const serial = Number(r.code.slice(2));
      if (r.name.startsWith("Kota ")) expect(serial).toBeGreaterThanOrEqual(71);
      else expect(serial).toBeLessThanOrEqual(69);
    }
    for (const p of PROVINCES) expect(regenciesOf(p.code).length).toBeGreaterThan(0);
  });

  it("finds well-known regencies and cities by code", () => {
    expect(findRegency("3201")).toEqual({ code: "3201", provinceCode: "32", name: "Kabupaten Bogor" });
    expect(findRegency("3273")?.name).toBe("Kota Bandung");
    expect(findRegency("3578")?.name).toBe("Kota Surabaya");
    expect(findRegency("1101")?.name).toBe("Kabupaten Aceh Selatan");
    expect(findRegency("5171")?.name).toBe("Kota Denpasar");
    expect(findRegency("9301")?.name).toBe("Kabupaten Merauke");
    expect(findRegency("9671")?.name).toBe("Kota Sorong");
    expect(findRegency("32.73")?.name).toBe("Kota Bandung");
  });

  it("numbers Jakarta as Kemendagri does (not BPS): 3171 Pusat ... 3174 Selatan, 3175 Timur", () => {
    expect(regenciesOf("31").map((r) => [r.code, r.name])).toEqual([
      ["3101", "Kabupaten Adm. Kepulauan Seribu"],
      ["3171", "Kota Adm. Jakarta Pusat"],
      ["3172", "Kota Adm. Jakarta Utara"],
      ["3173", "Kota Adm. Jakarta Barat"],
      ["3174", "Kota Adm. Jakarta Selatan"],
      ["3175", "Kota Adm. Jakarta Timur"],
    ]);
  });

  it("lists the regencies of a province", () => {
    const jabar = regenciesOf("32");
    expect(jabar).toHaveLength(27);
    expect(jabar[0]?.name).toBe("Kabupaten Bogor");
    expect(regenciesOf("99")).toEqual([]);
  });

  it("does not return retired codes from findRegency", () => {
    expect(findRegency("9101")).toBeUndefined();
    expect(findRegency("6473")).toBeUndefined();
    expect(findRegency("3299")).toBeUndefined();
  });
});

describe("legacy regency codes (for NIKs issued before a split)", () => {
  it("maps every retired code to the current regency of the same name", () => {
    for (const legacy of LEGACY_REGENCIES) {
      expect(findRegency(legacy.code)).toBeUndefined();
      const successor = findRegency(legacy.successorCode);
      expect(successor?.name, legacy.code).toBe(legacy.name);
      expect(resolveRegency(legacy.code)).toBe(successor);
    }
  });

  it("covers the 2022 Papua split and the 2012 Kalimantan Utara split", () => {
    expect(findLegacyRegency("9101")).toMatchObject({ provinceCode: "91", successorCode: "9301", retiredIn: 2022 });
    expect(findLegacyRegency("9271")?.successorCode).toBe("9671");
    expect(findLegacyRegency("6473")).toMatchObject({ name: "Kota Tarakan", successorCode: "6571", retiredIn: 2012 });
    // Regencies that stayed in Papua keep their code and are not legacy.
    expect(findLegacyRegency("9103")).toBeUndefined();
    expect(findRegency("9103")?.name).toBe("Kabupaten Jayapura");
  });

  it("resolves current codes to themselves and unknown codes to nothing", () => {
    expect(resolveRegency("3201")?.name).toBe("Kabupaten Bogor");
    expect(resolveRegency("9104")?.code).toBe("9401");
    expect(resolveRegency("9999")).toBeUndefined();
  });
});
