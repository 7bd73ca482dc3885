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

/**
 * The regencies/cities of one province (none until a province is chosen). With `allWhenEmpty` and no
 * province yet, every regency grouped by province: the list a page without JavaScript needs, since it
 * cannot narrow the list when the province changes.
 */
export function RegencyOptions({ provinceCode, allWhenEmpty = false }: { provinceCode: string | null | undefined; allWhenEmpty?: boolean }) {
  if (!provinceCode && allWhenEmpty) {
    return (
      <>
        {PROVINCES.map((p) => (
          <optgroup key={p.code} label={p.name}>
            {regenciesOf(p.code).map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </optgroup>
        ))}
      </>
    );
  }
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
