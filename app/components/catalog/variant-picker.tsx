import { useT } from "../i18n";

export interface PickerVariant {
  id: string;
  option1: string;
  option2: string | null;
  priceRupiah: number;
  stock: number;
  weightGrams: number;
}

/** The options of each variant type, in the seller's order. */
export function optionsOf(variants: readonly PickerVariant[], typeIndex: 0 | 1): string[] {
  const seen = new Set<string>();
  for (const v of variants) {
    const option = typeIndex === 0 ? v.option1 : v.option2;
    if (option) seen.add(option);
  }
  return [...seen];
}

export function findVariant(variants: readonly PickerVariant[], choice: readonly (string | null)[]): PickerVariant | undefined {
  return variants.find((v) => v.option1 === choice[0] && (v.option2 ?? null) === (choice[1] ?? null));
}

/** The first combination in stock (else the first one): what the page shows before the buyer picks. */
export function initialChoice(variants: readonly PickerVariant[]): (string | null)[] {
  const v = variants.find((x) => x.stock > 0) ?? variants[0];
  return v ? [v.option1, v.option2 ?? null] : [];
}

/** One group of radio buttons per variant type ("Warna", "Ukuran"), styled as chips; works with the keyboard. */
export function VariantPicker({ types, variants, choice, onChange }: { types: string[]; variants: PickerVariant[]; choice: (string | null)[]; onChange: (choice: (string | null)[]) => void }) {
  const t = useT();
  return (
    <div className="variant-picker">
      {types.map((type, i) => {
        const typeIndex = i as 0 | 1;
        return (
          <fieldset key={type} className="variant-picker__group">
            <legend>
              {type}
              {choice[i] ? <span className="muted">: {choice[i]}</span> : null}
            </legend>
            <div className="chips chips--options">
              {optionsOf(variants, typeIndex).map((option) => {
                const next = [...choice];
                next[i] = option;
                const candidate = findVariant(variants, next);
                const soldOut = !candidate || candidate.stock <= 0;
                return (
                  <label key={option} className={`chip chip--option${soldOut ? " chip--soldout" : ""}`}>
                    <input type="radio" name={`varian-${i}`} value={option} checked={choice[i] === option} onChange={() => onChange(next)} />
                    <span>{option}</span>
                  </label>
                );
              })}
            </div>
          </fieldset>
        );
      })}
      {!findVariant(variants, choice) ? (
        <p className="field__warning" role="status">
          {t("browse.product.unavailable")}
        </p>
      ) : null}
    </div>
  );
}
