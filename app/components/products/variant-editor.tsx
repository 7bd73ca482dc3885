import { type KeyboardEvent, useEffect, useId, useState } from "react";
import { PRODUCT_LIMITS, variantCombinations } from "~/domain/catalog/product";
import { VariantRowSchema } from "~/schemas/product";
import type { useZodForm } from "../forms/use-zod-form";
import { useT } from "../i18n";
import { formattedRupiah } from "./rupiah-input";

type ProductForm = ReturnType<typeof useZodForm>;

// Variants: up to two types with their options; every combination gets its own price, stock, SKU and
// weight. Cells left alone follow the base fields; the table is sent as JSON in `variantsJson`.

type Cell = "price" | "stock" | "sku" | "weightGrams";
type RowValues = Record<Cell, string>;
interface VariantRowJson extends RowValues {
  option1: string;
  option2: string | null;
}

const comboKey = (o1: string, o2: string | null) => `${o1}\u0001${o2 ?? ""}`;
const unique = (list: string[]) => [...new Set(list)];

function readVariants(json: string | undefined): VariantRowJson[] {
  try {
    const rows: unknown = JSON.parse(json || "[]");
    return Array.isArray(rows) ? (rows.filter((r) => r && typeof r === "object" && typeof r.option1 === "string") as VariantRowJson[]) : [];
  } catch {
    return [];
  }
}

export function VariantEditor({ form, error, onProblemChange }: { form: ProductForm; error?: string; onProblemChange: (problem: boolean) => void }) {
  const t = useT();
  const id = useId();
  const [initial] = useState(() => {
    const rows = readVariants(form.getValues("variantsJson"));
    const type1 = form.getValues("variantType1") ?? "";
    const type2 = form.getValues("variantType2") ?? "";
    const overrides: Record<string, Partial<RowValues>> = {};
    for (const r of rows) overrides[comboKey(r.option1, r.option2 ?? null)] = { price: String(r.price ?? ""), stock: String(r.stock ?? ""), sku: String(r.sku ?? ""), weightGrams: String(r.weightGrams ?? "") };
    return {
      enabled: Boolean(type1),
      type1,
      type2,
      options1: unique(rows.map((r) => r.option1)),
      options2: unique(rows.map((r) => r.option2 ?? "").filter(Boolean)),
      overrides,
    };
  });
  const [enabled, setEnabled] = useState(initial.enabled);
  const [type1, setType1] = useState(initial.type1);
  const [type2, setType2] = useState(initial.type2);
  const [options1, setOptions1] = useState<string[]>(initial.options1);
  const [options2, setOptions2] = useState<string[]>(initial.options2);
  const [overrides, setOverrides] = useState(initial.overrides);

  const [basePrice, baseStock, baseWeight] = form.watch(["price", "stock", "weightGrams"]);
  const base: RowValues = { price: basePrice ?? "", stock: baseStock ?? "", sku: "", weightGrams: baseWeight ?? "" };
  const useType2 = enabled && type2.trim() !== "" && options2.length > 0;
  const combos = enabled ? variantCombinations(options1, useType2 ? options2 : []) : [];
  const rows: VariantRowJson[] = combos.map((c) => ({ ...c, ...base, ...overrides[comboKey(c.option1, c.option2)] }));
  const cellErrors = rows.map((r) => {
    const parsed = VariantRowSchema.safeParse(r);
    const out: Partial<Record<Cell, string>> = {};
    if (!parsed.success) for (const issue of parsed.error.issues) out[issue.path[0] as Cell] ??= issue.message;
    return out;
  });
  const nameMissing = enabled && options1.length > 0 && type1.trim() === "";
  const problem = enabled && (nameMissing || combos.length === 0 || cellErrors.some((e) => Object.keys(e).length > 0));
  const showErrors = form.formState.submitCount > 0 || Boolean(error);

  const json = enabled ? JSON.stringify(rows) : "[]";
  const variantType1 = enabled ? type1.trim() : "";
  const variantType2 = useType2 ? type2.trim() : "";
  const { setValue } = form;
  const validateNow = form.formState.isSubmitted;
  useEffect(() => {
    const opts = { shouldValidate: validateNow };
    setValue("variantType1", variantType1, opts);
    setValue("variantType2", variantType2, opts);
    setValue("variantsJson", json, opts);
  }, [setValue, validateNow, json, variantType1, variantType2]);
  useEffect(() => onProblemChange(problem), [problem, onProblemChange]);

  const setCell = (key: string, cell: Cell, value: string) => setOverrides((o) => ({ ...o, [key]: { ...o[key], [cell]: value } }));

  return (
    <div className="sp-variants">
      <div className="field field--checkbox">
        <label>
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> {t("sellerProducts.variants.enable")}
        </label>
      </div>
      {enabled ? (
        <>
          <VariantType
            label={t("sellerProducts.variants.type1")}
            placeholder={t("sellerProducts.variants.type1Placeholder")}
            optionPlaceholder={t("sellerProducts.variants.option1Placeholder")}
            name={type1}
            onName={setType1}
            options={options1}
            onOptions={setOptions1}
            nameError={showErrors && nameMissing ? "validation.required" : undefined}
          />
          <VariantType
            label={t("sellerProducts.variants.type2")}
            placeholder={t("sellerProducts.variants.type2Placeholder")}
            optionPlaceholder={t("sellerProducts.variants.option2Placeholder")}
            name={type2}
            onName={setType2}
            options={options2}
            onOptions={setOptions2}
          />

          <h3 id={`${id}-table`}>{t("sellerProducts.variants.table")}</h3>
          {combos.length === 0 ? (
            <p className="muted">{t("sellerProducts.variants.none")}</p>
          ) : (
            <>
              <p className="field__hint">
                {t("sellerProducts.variants.tableHint")} {t("sellerProducts.variants.count", { count: combos.length })}
              </p>
              <button type="button" className="link-button" onClick={() => setOverrides({})}>
                {t("sellerProducts.variants.fillAll")}
              </button>
              <ul className="sp-variant-rows" aria-labelledby={`${id}-table`}>
                {rows.map((r, i) => {
                  const key = comboKey(r.option1, r.option2);
                  const label = r.option2 ? `${r.option1} · ${r.option2}` : r.option1;
                  const errs = showErrors ? cellErrors[i] : {};
                  const cell = (name: Cell, text: string, extra: { inputMode?: "numeric"; onBlur?: () => void } = {}) => (
                    <div className={`field${errs[name] ? " field--error" : ""}`}>
                      <label htmlFor={`${id}-${i}-${name}`}>{text}</label>
                      <input
                        id={`${id}-${i}-${name}`}
                        value={r[name]}
                        autoComplete="off"
                        inputMode={extra.inputMode}
                        onChange={(e) => setCell(key, name, e.target.value)}
                        onBlur={extra.onBlur}
                        aria-invalid={errs[name] ? true : undefined}
                        aria-describedby={errs[name] ? `${id}-${i}-${name}-error` : undefined}
                      />
                      {errs[name] ? (
                        <p className="field__error" id={`${id}-${i}-${name}-error`}>
                          {t(errs[name]!)}
                        </p>
                      ) : null}
                    </div>
                  );
                  return (
                    <li key={key}>
                      <fieldset className="sp-variant">
                        <legend>{label}</legend>
                        <div className="sp-grid-2">
                          {cell("price", t("sellerProducts.variants.price"), {
                            inputMode: "numeric",
                            onBlur: () => {
                              const f = formattedRupiah(r.price);
                              if (f !== null && f !== r.price) setCell(key, "price", f);
                            },
                          })}
                          {cell("stock", t("sellerProducts.variants.stock"), { inputMode: "numeric" })}
                          {cell("weightGrams", t("sellerProducts.variants.weight"), { inputMode: "numeric" })}
                          {cell("sku", t("sellerProducts.variants.sku"))}
                        </div>
                      </fieldset>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </>
      ) : null}
      {error ? (
        <p className="field__error" role="alert">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

function VariantType({
  label,
  placeholder,
  optionPlaceholder,
  name,
  onName,
  options,
  onOptions,
  nameError,
}: {
  label: string;
  placeholder: string;
  optionPlaceholder: string;
  name: string;
  onName: (name: string) => void;
  options: string[];
  onOptions: (options: string[]) => void;
  nameError?: string;
}) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState("");
  const full = options.length >= PRODUCT_LIMITS.optionsPerTypeMax;

  const commit = (text: string) => {
    const parts = text.split(",").map((s) => s.trim().slice(0, 40)).filter(Boolean);
    const next = [...options];
    for (const p of parts) if (!next.some((o) => o.toLowerCase() === p.toLowerCase()) && next.length < PRODUCT_LIMITS.optionsPerTypeMax) next.push(p);
    onOptions(next);
    setDraft("");
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter" || e.key === ",") {
      e.preventDefault(); // Enter would submit the whole product form
      commit(draft);
    } else if (e.key === "Backspace" && draft === "" && options.length) {
      onOptions(options.slice(0, -1));
    }
  };

  return (
    <div className="sp-variant-type">
      {/* No `name`: the type names reach the action through the hidden variantType1/2 fields. */}
      <div className={`field${nameError ? " field--error" : ""}`}>
        <label htmlFor={`${id}-name`}>{label}</label>
        <input
          id={`${id}-name`}
          value={name}
          placeholder={placeholder}
          maxLength={30}
          autoComplete="off"
          onChange={(e) => onName(e.target.value)}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${id}-name-error` : undefined}
        />
        {nameError ? (
          <p className="field__error" id={`${id}-name-error`} role="alert">
            {t(nameError)}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-option`}>{name.trim() ? t("sellerProducts.variants.options", { type: name.trim() }) : t("sellerProducts.variants.optionsFallback")}</label>
        {options.length ? (
          <ul className="sp-chips">
            {options.map((o) => (
              <li key={o} className="sp-chip">
                <span>{o}</span>
                <button type="button" onClick={() => onOptions(options.filter((x) => x !== o))} aria-label={t("sellerProducts.variants.removeOption", { option: o })}>
                  <span aria-hidden="true">✕</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="sp-chip-input">
          <input
            id={`${id}-option`}
            value={draft}
            disabled={full}
            placeholder={optionPlaceholder}
            autoComplete="off"
            enterKeyHint="done"
            aria-describedby={`${id}-option-hint`}
            onChange={(e) => (e.target.value.includes(",") ? commit(e.target.value) : setDraft(e.target.value))}
            onKeyDown={onKeyDown}
            onBlur={() => draft.trim() && commit(draft)}
          />
          <button type="button" className="button-secondary" onClick={() => commit(draft)} disabled={full || !draft.trim()}>
            {t("sellerProducts.variants.addOption")}
          </button>
        </div>
        <p className="field__hint" id={`${id}-option-hint`}>
          {full ? t("sellerProducts.variants.optionsMax") : t("sellerProducts.variants.optionsHint")}
        </p>
      </div>
    </div>
  );
}
