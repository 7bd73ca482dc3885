import { describe, expect, it } from "vitest";
import { compareNikWithData, maskNik, normalizeNik, parseNik, type NikParseOptions, type ParsedNik } from "./nik";

const TODAY: NikParseOptions = { today: "2024-06-01" };

function parsed(input: string, options: NikParseOptions = TODAY): ParsedNik {
  const result = parseNik(input, options);
  if (!result.ok) throw new Error(`expected ${input} to parse, got ${result.error}`);
  return result;
}

describe("parseNik: valid numbers", () => {
  it("decodes a man's NIK: Kabupaten Bogor, Cibinong, born 15 Aug 1990", () => {
    expect(parseNik("3201011508900003", TODAY)).toEqual({
      ok: true,
      nik: "3201011508900003",
      provinceCode: "32",
      regencyCode: "3201",
      districtCode: "320101",
      birthDate: { year: 1990, month: 8, day: 15, yy: 90 },
      sex: "L",
      serial: "0003",
      currentRegencyCode: "3201",
      legacyRegency: false,
    });
  });

  it("decodes a woman's NIK, whose day of birth has 40 added (55 → the 15th)", () => {
    const nik = parsed("3273015508920001");
    expect(nik.sex).toBe("P");
    expect(nik.birthDate).toEqual({ year: 1992, month: 8, day: 15, yy: 92 });
    expect(nik.regencyCode).toBe("3273");
  });

  it("accepts the extremes of the day field: 01 and 31 for men, 41 and 71 for women", () => {
    expect(parsed("3174010101900001").birthDate.day).toBe(1);
    expect(parsed("3174013101900001").birthDate.day).toBe(31);
    expect(parsed("3174014101900001")).toMatchObject({ sex: "P", birthDate: { day: 1 } });
    expect(parsed("3174017101900001")).toMatchObject({ sex: "P", birthDate: { day: 31 } });
  });

  it("strips spaces, dots and dashes people type or paste", () => {
    expect(parsed("3201 0115 0890 0003").nik).toBe("3201011508900003");
    expect(parsed("32.01.01.150890.0003").nik).toBe("3201011508900003");
    expect(parsed(" 3201-01-150890-0003 ").nik).toBe("3201011508900003");
    expect(normalizeNik("32.01 01-15")).toBe("32010115");
  });

  it("keeps a regency code retired by the 2022 Papua split valid, pointing at the current code", () => {
    const nik = parsed("9101011508900001");
    expect(nik).toMatchObject({ provinceCode: "91", regencyCode: "9101", currentRegencyCode: "9301", legacyRegency: true });
    expect(parsed("6473011508900001").currentRegencyCode).toBe("6571");
  });

  it("accepts NIKs from the new Papua provinces", () => {
    expect(parsed("9301011508900001").regencyCode).toBe("9301");
    expect(parsed("9671011508900001").provinceCode).toBe("96");
  });
});

describe("parseNik: the century of the birth year", () => {
  it("reads YY as 20YY when that date is not after today, else 19YY", () => {
    expect(parsed("3201010101050001").birthDate.year).toBe(2005);
    expect(parsed("3201010106240001", { today: "2024-06-01" }).birthDate.year).toBe(2024);
    expect(parsed("3201010206240001", { today: "2024-06-01" }).birthDate.year).toBe(1924);
    expect(parsed("3201010101250001", { today: "2024-06-01" }).birthDate.year).toBe(1925);
    expect(parsed("3201010101250001", { today: "2025-06-01" }).birthDate.year).toBe(2025);
  });

  it("takes today as a Date too, read in UTC", () => {
    expect(parsed("3201010106240001", { today: new Date("2024-06-01T00:00:00Z") }).birthDate.year).toBe(2024);
    expect(() => parseNik("3201010106240001", { today: "2024-13-01" })).toThrow(RangeError);
    expect(() => parseNik("3201010106240001", { today: new Date("nope") })).toThrow(RangeError);
  });

  it("leaves the year undefined without today, still checking the day against the month", () => {
    const result = parseNik("3201011508900003");
    expect(result.ok && result.birthDate).toEqual({ month: 8, day: 15, yy: 90 });
    expect(parseNik("3201012902240001").ok).toBe(true);
    expect(parseNik("3201012902230001")).toEqual({ ok: false, error: "nik_birthdate" });
  });
});

describe("parseNik: errors", () => {
  it("rejects anything that is not 16 digits", () => {
    for (const input of ["", "320101150890000", "32010115089000031", "3201O11508900003", "3201011508900003x", "abc"]) {
      expect(parseNik(input, TODAY)).toEqual({ ok: false, error: "nik_format" });
    }
  });

  it("rejects an unknown province (99) and an unknown regency (3299)", () => {
    expect(parseNik("9901011508900003", TODAY)).toEqual({ ok: false, error: "nik_province" });
    expect(parseNik("0001011508900003", TODAY)).toEqual({ ok: false, error: "nik_province" });
    expect(parseNik("3299011508900003", TODAY)).toEqual({ ok: false, error: "nik_regency" });
    expect(parseNik("3200011508900003", TODAY)).toEqual({ ok: false, error: "nik_regency" });
  });

  it("rejects impossible dates: 31 Feb, day 00, day 32-40, day 72+, month 00 or 13, 31 Apr", () => {
    for (const ddmmyy of ["310299", "000190", "320190", "400190", "720190", "150090", "151390", "310490", "710490"]) {
      expect(parseNik(`320101${ddmmyy}0001`, TODAY), ddmmyy).toEqual({ ok: false, error: "nik_birthdate" });
    }
  });

  it("accepts 29 Feb only in a leap year: 290224 yes, 290223 no, also for women (69)", () => {
    expect(parseNik("3201012902230001", TODAY)).toEqual({ ok: false, error: "nik_birthdate" });
    expect(parsed("3201012902240001").birthDate).toEqual({ year: 2024, month: 2, day: 29, yy: 24 });
    expect(parsed("3201016902240001")).toMatchObject({ sex: "P", birthDate: { day: 29, month: 2 } });
    expect(parseNik("3201016902230001", TODAY)).toEqual({ ok: false, error: "nik_birthdate" });
    // 2000 was a leap year, 1900 was not.
    expect(parsed("3201012902000001").birthDate.year).toBe(2000);
  });

  it("rejects 29 Feb when it falls in the future in 20YY and 19YY was not a leap year", () => {
    // 2100-02-29 does not exist and neither does 1900-02-29.
    expect(parseNik("3201012902000001", { today: "1999-12-31" })).toEqual({ ok: false, error: "nik_birthdate" });
  });

  it("rejects the serial 0000", () => {
    expect(parseNik("3201011508900000", TODAY)).toEqual({ ok: false, error: "nik_serial" });
  });
});

describe("compareNikWithData", () => {
  const man = parsed("3201011508900003");

  it("returns no warning when the typed data agree with the NIK", () => {
    expect(compareNikWithData(man, { birthDate: "1990-08-15", sex: "L" })).toEqual([]);
    expect(compareNikWithData(man, { birthDate: "1990-08-15", sex: "L", regencyCode: "3201" })).toEqual([]);
    expect(compareNikWithData(man, { birthDate: "1990-08-15", sex: "L", provinceCode: "32" })).toEqual([]);
  });

  it("flags a different birth date or sex as warnings", () => {
    expect(compareNikWithData(man, { birthDate: "1990-08-16", sex: "L" })).toEqual(["nik_birthdate_mismatch"]);
    expect(compareNikWithData(man, { birthDate: "1991-08-15", sex: "P" })).toEqual([
      "nik_birthdate_mismatch",
      "nik_sex_mismatch",
    ]);
  });

  it("compares the year only on its last two digits, since the NIK has no century", () => {
    const old = parsed("3201010106240001");
    expect(old.birthDate.year).toBe(2024);
    expect(compareNikWithData(old, { birthDate: "1924-06-01", sex: "L" })).toEqual([]);
  });

  it("compares a woman's real day, not the day + 40 written in the NIK", () => {
    const woman = parsed("3273015508920001");
    expect(compareNikWithData(woman, { birthDate: "1992-08-15", sex: "P" })).toEqual([]);
  });

  it("flags a region that differs, resolving codes retired by a split first", () => {
    expect(compareNikWithData(man, { birthDate: "1990-08-15", sex: "L", regencyCode: "3273" })).toEqual([
      "nik_region_mismatch",
    ]);
    expect(compareNikWithData(man, { birthDate: "1990-08-15", sex: "L", provinceCode: "31" })).toEqual([
      "nik_region_mismatch",
    ]);
    const merauke = parsed("9101011508900001");
    expect(compareNikWithData(merauke, { birthDate: "1990-08-15", sex: "L", regencyCode: "9301" })).toEqual([]);
    expect(compareNikWithData(merauke, { birthDate: "1990-08-15", sex: "L", provinceCode: "93" })).toEqual([]);
  });

  it("throws on a typed birth date the schema should have rejected", () => {
    expect(() => compareNikWithData(man, { birthDate: "1990-02-30", sex: "L" })).toThrow(RangeError);
    expect(() => compareNikWithData(man, { birthDate: "15-08-1990", sex: "L" })).toThrow(RangeError);
  });
});

describe("maskNik", () => {
  it("shows the first and last four digits only", () => {
    expect(maskNik("3201011508900003")).toBe("3201********0003");
    expect(maskNik("3201 0115 0890 0003")).toBe("3201********0003");
    expect(maskNik("12345678")).toBe("********");
  });
});
