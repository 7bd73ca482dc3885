import { describe, it, expect } from "vitest";
import { DomainError } from "../errors";
import { COURIER_SERVICES, findCourierService } from "./couriers";
import {
  PROVINCE_CODES,
  PROVINCE_ISLAND_GROUP,
  TARIFF_SOURCE,
  sampleQuotes,
  sampleRateProvider,
  sampleTariff,
  shippingZone,
  type Quote,
} from "./tariffs";

const JAKARTA = "31";
const JABAR = "32";
const JATIM = "35";
const SUMUT = "12";
const BALI = "51";
const PAPUA = "91";
const PAPUA_PEGUNUNGAN = "95";

const byCode = (quotes: Quote[]) => new Map(quotes.map((q) => [q.serviceCode, q]));

function service(code: string) {
  const found = findCourierService(code);
  if (!found) throw new Error(`no service ${code}`);
  return found;
}

describe("sample tariffs", () => {
  it("says they are a sample", () => {
    expect(TARIFF_SOURCE).toBe("sample");
  });

  it("knows all 38 provinces", () => {
    expect(PROVINCE_CODES).toHaveLength(38);
    expect(PROVINCE_CODES).toContain("96");
    expect(PROVINCE_ISLAND_GROUP["34"]).toBe("jawa");
    expect(PROVINCE_ISLAND_GROUP["21"]).toBe("sumatera");
  });

  it("sorts provinces into zones", () => {
    expect(shippingZone(JAKARTA, JAKARTA)).toBe("same-province");
    expect(shippingZone(JAKARTA, JATIM)).toBe("same-island");
    expect(shippingZone(JAKARTA, SUMUT)).toBe("neighbouring");
    expect(shippingZone(BALI, JAKARTA)).toBe("neighbouring");
    expect(shippingZone(JAKARTA, PAPUA)).toBe("far");
    expect(shippingZone(PAPUA, PAPUA_PEGUNUNGAN)).toBe("same-island");
  });

  it("prices REG in the expected ranges", () => {
    const reg = service("jne-reg");
    expect(sampleTariff(reg, JAKARTA, JAKARTA).pricePerKgRupiah).toBe(9_000);
    expect(sampleTariff(reg, JAKARTA, PAPUA).pricePerKgRupiah).toBeGreaterThanOrEqual(80_000);
    const yes = sampleTariff(service("jne-yes"), JAKARTA, JABAR).pricePerKgRupiah;
    const regJabar = sampleTariff(reg, JAKARTA, JABAR).pricePerKgRupiah;
    expect(yes / regJabar).toBeGreaterThan(1.7);
    expect(yes / regJabar).toBeLessThan(1.9);
    expect(sampleTariff(service("pos-reguler"), JAKARTA, JABAR).pricePerKgRupiah).toBeLessThan(regJabar);
    expect(sampleTariff(service("jnt-cargo"), JAKARTA, JABAR).pricePerKgRupiah).toBeLessThan(regJabar);
  });

  /** Every service × origin × destination that breaks `ok`, as "service origin→destination". */
  function violations(ok: (svc: (typeof COURIER_SERVICES)[number], origin: string, destination: string) => boolean) {
    const found: string[] = [];
    for (const svc of COURIER_SERVICES) {
      for (const origin of PROVINCE_CODES) {
        for (const destination of PROVINCE_CODES) {
          if (!ok(svc, origin, destination)) found.push(`${svc.code} ${origin}→${destination}`);
        }
      }
    }
    return found;
  }

  it("makes every same-province route cheaper and no slower than every route to another island, for every service", () => {
    const found = violations((svc, origin, destination) => {
      if (PROVINCE_ISLAND_GROUP[destination] === PROVINCE_ISLAND_GROUP[origin]) return true;
      const local = sampleTariff(svc, origin, origin);
      const away = sampleTariff(svc, origin, destination);
      return local.pricePerKgRupiah < away.pricePerKgRupiah && local.etdMaxDays <= away.etdMaxDays;
    });
    expect(found).toEqual([]);
  });

  it("gives integer prices in steps of Rp500 and sane delivery estimates on all routes, the same both ways", () => {
    const found = violations((svc, origin, destination) => {
      const t = sampleTariff(svc, origin, destination);
      const back = sampleTariff(svc, destination, origin);
      return (
        Number.isSafeInteger(t.pricePerKgRupiah) &&
        t.pricePerKgRupiah > 0 &&
        t.pricePerKgRupiah % 500 === 0 &&
        Number.isInteger(t.etdMinDays) &&
        t.etdMinDays >= 1 &&
        t.etdMaxDays >= t.etdMinDays &&
        back.pricePerKgRupiah === t.pricePerKgRupiah
      );
    });
    expect(found).toEqual([]);
  });
});

describe("sampleRateProvider.quote", () => {
  it("answers every service, sorted by price, in integer rupiah", async () => {
    const quotes = await sampleRateProvider.quote({
      originProvince: JAKARTA,
      destinationProvince: SUMUT,
      weightGrams: 1_700,
    });
    expect(quotes.map((q) => q.serviceCode).sort()).toEqual(COURIER_SERVICES.map((s) => s.code).sort());
    for (let i = 1; i < quotes.length; i++) {
      expect(quotes[i].priceRupiah).toBeGreaterThanOrEqual(quotes[i - 1].priceRupiah);
    }
    for (const q of quotes) {
      expect(Number.isInteger(q.priceRupiah)).toBe(true);
      expect(q.priceRupiah).toBeGreaterThan(0);
      expect(q.etdMaxDays).toBeGreaterThanOrEqual(q.etdMinDays);
    }
  });

  it("uses each service's own weight rule: 1300 g", () => {
    const quotes = byCode(sampleQuotes({ originProvince: JAKARTA, destinationProvince: JATIM, weightGrams: 1_300 }));
    expect(quotes.get("jne-reg")?.billableKg).toBe(1); // 300 g tolerance, inclusive
    expect(quotes.get("jnt-ez")?.billableKg).toBe(2); // exclusive boundary
    expect(quotes.get("pos-reguler")?.billableKg).toBe(2); // no tolerance
    expect(quotes.get("jnt-cargo")?.billableKg).toBe(10); // cargo minimum
    const reg = quotes.get("jne-reg");
    expect(reg?.priceRupiah).toBe(sampleTariff(service("jne-reg"), JAKARTA, JATIM).pricePerKgRupiah * 1);
  });

  it("uses each service's own volumetric divisor: 60×50×40 cm, 15 kg", () => {
    const quotes = byCode(
      sampleQuotes({
        originProvince: JAKARTA,
        destinationProvince: JAKARTA,
        weightGrams: 15_000,
        lengthCm: 60,
        widthCm: 50,
        heightCm: 40,
      }),
    );
    expect(quotes.get("jne-reg")?.billableKg).toBe(20); // 120000 / 6000
    expect(quotes.get("jnt-cargo")?.billableKg).toBe(24); // / 5000
    expect(quotes.get("idx-cargo")?.billableKg).toBe(30); // / 4000
  });

  it("makes cargo the cheapest choice for a heavy parcel and the dearest for a light one", () => {
    const heavy = sampleQuotes({ originProvince: JAKARTA, destinationProvince: PAPUA, weightGrams: 40_000 });
    expect(["jnt-cargo", "idx-cargo"]).toContain(heavy[0].serviceCode);
    const light = sampleQuotes({ originProvince: JAKARTA, destinationProvince: PAPUA, weightGrams: 500 });
    expect(["jnt-cargo", "idx-cargo"]).toContain(light[light.length - 1].serviceCode);
  });

  it("quotes the same province cheaper than across islands", () => {
    const local = byCode(sampleQuotes({ originProvince: JATIM, destinationProvince: JATIM, weightGrams: 2_000 }));
    const far = byCode(sampleQuotes({ originProvince: JATIM, destinationProvince: PAPUA, weightGrams: 2_000 }));
    for (const [code, quote] of local) {
      expect(quote.priceRupiah).toBeLessThan(far.get(code)!.priceRupiah);
    }
    expect(far.get("jne-reg")!.priceRupiah).toBeGreaterThanOrEqual(160_000);
  });

  it("filters by service code and is deterministic", () => {
    const req = {
      originProvince: BALI,
      destinationProvince: JABAR,
      weightGrams: 2_500,
      serviceCodes: ["jne-reg", "sicepat-reg"],
    };
    const first = sampleQuotes(req);
    expect(first.map((q) => q.serviceCode).sort()).toEqual(["jne-reg", "sicepat-reg"]);
    expect(sampleQuotes(req)).toEqual(first);
  });

  it("rejects unknown provinces and invalid parcels with a coded error", async () => {
    await expect(
      sampleRateProvider.quote({ originProvince: "99", destinationProvince: JAKARTA, weightGrams: 1000 }),
    ).rejects.toMatchObject({ code: "validation", messageKey: "shipping_province_unknown", vars: { province: "99" } });
    const invalid = sampleRateProvider.quote({ originProvince: JAKARTA, destinationProvince: JAKARTA, weightGrams: -5 });
    await expect(invalid).rejects.toBeInstanceOf(DomainError);
    await expect(invalid).rejects.toMatchObject({ code: "validation", messageKey: "shipping_parcel_invalid" });
  });
});
