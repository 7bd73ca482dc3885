import { PROVINCES, regenciesOf } from "~/domain/regions/data";

/** The `<option>`s of every province: one list for the shop address, the search filter and the shipping estimate. */
export function ProvinceOptions() {
  return (
    <>
      {PROVINCES.map((p) => (
        <option key={p.code} value={p.code}>
          {p.name}
        </option>
      ))}
    </>
  );
}

/** The regencies/cities of one province (none until a province is chosen). */
export function RegencyOptions({ provinceCode }: { provinceCode: string | null | undefined }) {
  return (
    <>
      {(provinceCode ? regenciesOf(provinceCode) : []).map((r) => (
        <option key={r.code} value={r.code}>
          {r.name}
        </option>
      ))}
    </>
  );
}
