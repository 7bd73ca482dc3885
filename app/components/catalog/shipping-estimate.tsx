import { useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { findRegency } from "~/domain/regions/data";
import { formatRupiah, formatWeight } from "~/i18n/format";
import { useT } from "../i18n";
import { ProvinceOptions, RegencyOptions } from "~/components/region-options";

/** What GET /produk/<slug>/ongkir answers (app/routes/produk.$slug.ongkir.ts). */
export type OngkirResult =
  | {
      destination: { regencyCode: string; name: string; province: string };
      quotes: { serviceCode: string; courier: string; service: string; kind: string; minimumKg: number; billableKg: number; priceRupiah: number; etdMinDays: number; etdMaxDays: number }[];
    }
  | { error: string };

// Buyers have no saved address yet, so the last destination is remembered on the device. When
// accounts get a default address, a signed-in buyer's should be preselected instead of this.
const STORAGE_KEY = "lapak:ongkir-tujuan";

function savedRegency(): string | null {
  try {
    const code = window.localStorage.getItem(STORAGE_KEY);
    return code && findRegency(code) ? code : null;
  } catch {
    return null; // storage blocked (private mode, settings): nothing remembered
  }
}

function remember(code: string) {
  try {
    window.localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // not remembered; the estimate still works
  }
}

/**
 * Destination picker (province, then city/regency) and the quotes for the chosen variant and quantity.
 * The quotes come from the resource route, so the product page itself stays one query.
 */
export function ShippingEstimate({ slug, weightGrams, quantity, origin }: { slug: string; weightGrams: number; quantity: number; origin: string | null }) {
  const t = useT();
  const fetcher = useFetcher<OngkirResult>();
  const [province, setProvince] = useState("");
  const [regency, setRegency] = useState("");

  useEffect(() => {
    const code = savedRegency();
    if (code) {
      setProvince(findRegency(code)!.provinceCode);
      setRegency(code);
    }
  }, []);

  const ready = Boolean(regency) && Number.isSafeInteger(quantity) && quantity >= 1;
  useEffect(() => {
    if (!ready) return;
    const query = new URLSearchParams({ kota: regency, berat: String(weightGrams), jumlah: String(quantity) });
    fetcher.load(`/produk/${encodeURIComponent(slug)}/ongkir?${query}`);
    // fetcher.load is not a dependency: only a new destination, variant weight or quantity asks again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, slug, regency, weightGrams, quantity]);

  const data = fetcher.data;
  const current = data && "destination" in data && data.destination.regencyCode === regency ? data : null;
  const loading = fetcher.state === "loading";

  return (
    <section className="card shipping" aria-labelledby="shipping-title">
      <h2 id="shipping-title">{t("browse.shipping.title")}</h2>
      <p className="shipping__sample">
        <span className="badge badge--sample">{t("browse.shipping.sample")}</span>
      </p>
      {origin ? <p className="muted">{t("browse.shipping.from", { place: origin })}</p> : null}
      <div className="shipping__pickers">
        <div className="field">
          <label htmlFor="ongkir-provinsi">{t("browse.shipping.province")}</label>
          <select
            id="ongkir-provinsi"
            value={province}
            onChange={(e) => {
              setProvince(e.target.value);
              setRegency("");
            }}
          >
            <option value="">{t("browse.shipping.chooseProvince")}</option>
            <ProvinceOptions />
          </select>
        </div>
        <div className="field">
          <label htmlFor="ongkir-kota">{t("browse.shipping.regency")}</label>
          <select
            id="ongkir-kota"
            value={regency}
            disabled={!province}
            onChange={(e) => {
              setRegency(e.target.value);
              if (e.target.value) remember(e.target.value);
            }}
          >
            <option value="">{t("browse.shipping.chooseRegency")}</option>
            <RegencyOptions provinceCode={province} />
          </select>
        </div>
      </div>

      <div aria-live="polite" className="shipping__result">
        {!regency ? <p className="muted">{t("browse.shipping.hint")}</p> : null}
        {regency && loading && !current ? <p role="status">{t("browse.shipping.loading")}</p> : null}
        {regency && !loading && data && "error" in data ? <p className="field__error">{t("browse.shipping.error")}</p> : null}
        {current ? (
          <>
            <p className="muted">
              {t("browse.shipping.to", { regency: current.destination.name, province: current.destination.province, weight: formatWeight(weightGrams * quantity), count: quantity })}
            </p>
            {current.quotes.length ? (
              // A list, not a table: four columns do not fit a 360 px card, and each quote reads as one line.
              <ul className="shipping__list" aria-busy={loading || undefined}>
                {current.quotes.map((q) => (
                  <li key={q.serviceCode} className="shipping__quote">
                    <span className="shipping__service">
                      {q.courier} {q.service}
                      {q.kind === "cargo" ? <span className="badge badge--sample">{t("browse.shipping.cargo", { min: q.minimumKg })}</span> : null}
                    </span>
                    <span className="shipping__price num">{formatRupiah(q.priceRupiah)}</span>
                    <span className="shipping__detail muted">
                      {t("browse.shipping.billable")}: {formatWeight(q.billableKg * 1000)} · {t("browse.shipping.etd")}:{" "}
                      {q.etdMinDays === q.etdMaxDays ? t("browse.shipping.day", { min: q.etdMinDays, count: q.etdMinDays }) : t("browse.shipping.days", { min: q.etdMinDays, max: q.etdMaxDays })}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("browse.shipping.none")}</p>
            )}
          </>
        ) : null}
      </div>
    </section>
  );
}
