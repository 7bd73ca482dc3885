import { useId, useMemo, useState } from "react";
import { useT } from "../i18n";

// Category: search the leaves by name or path, or drill down level by level.

export interface Category {
  id: number;
  name: string;
  parentId: number | null;
  level: number;
}

const fold = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

export function CategoryPicker({ categories, value, error, onChange }: { categories: Category[]; value: string; error?: string; onChange: (id: string) => void }) {
  const t = useT();
  const id = useId();
  const { byId, children, leaves } = useMemo(() => {
    const byId = new Map(categories.map((c) => [c.id, c]));
    const children = new Map<number | null, Category[]>();
    for (const c of categories) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
    const pathOf = (c: Category) => {
      const names: string[] = [];
      for (let n: Category | undefined = c; n; n = n.parentId ? byId.get(n.parentId) : undefined) names.unshift(n.name);
      return names.join(" › ");
    };
    const leaves = categories.filter((c) => c.level === 3).map((c) => ({ ...c, path: pathOf(c), folded: fold(pathOf(c)), foldedName: fold(c.name) }));
    return { byId, children, leaves };
  }, [categories]);

  const selected = value ? leaves.find((l) => String(l.id) === value) : undefined;
  const selectedParent = selected?.parentId ? byId.get(selected.parentId) : undefined;
  const [level1, setLevel1] = useState<string>(selectedParent?.parentId ? String(selectedParent.parentId) : "");
  const [level2, setLevel2] = useState<string>(selectedParent ? String(selectedParent.id) : "");
  const [query, setQuery] = useState("");

  const words = fold(query).split(/\s+/).filter(Boolean);
  const matches = words.length
    ? leaves
        .filter((l) => words.every((w) => l.folded.includes(w)))
        .sort((a, b) => Number(words.some((w) => b.foldedName.includes(w))) - Number(words.some((w) => a.foldedName.includes(w))))
    : [];
  const shown = matches.slice(0, 12);

  const pick = (leafId: number) => {
    const leaf = byId.get(leafId);
    const parent = leaf?.parentId ? byId.get(leaf.parentId) : undefined;
    setLevel2(parent ? String(parent.id) : "");
    setLevel1(parent?.parentId ? String(parent.parentId) : "");
    setQuery("");
    onChange(String(leafId));
  };

  return (
    <div className={`field sp-category${error ? " field--error" : ""}`} role="group" aria-labelledby={`${id}-label`}>
      <span className="sp-label" id={`${id}-label`}>
        {t("sellerProducts.form.category")}
      </span>
      <p className="sp-category__selected" role="status">
        {selected ? (
          <>
            <span className="muted">{t("sellerProducts.form.categorySelected")}: </span>
            <strong>{selected.path}</strong>
          </>
        ) : (
          <span className="muted">{t("sellerProducts.form.categoryNone")}</span>
        )}
      </p>
      {error ? (
        <p className="field__error" role="alert">
          {t(error)}
        </p>
      ) : null}

      <label htmlFor={`${id}-search`}>{t("sellerProducts.form.categorySearch")}</label>
      <input
        id={`${id}-search`}
        type="search"
        value={query}
        autoComplete="off"
        enterKeyHint="search"
        aria-describedby={`${id}-search-hint`}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            if (shown.length === 1) pick(shown[0].id);
          }
        }}
      />
      <p className="field__hint" id={`${id}-search-hint`}>
        {t("sellerProducts.form.categorySearchHint")}
      </p>
      {words.length ? (
        shown.length ? (
          <ul className="sp-category__results">
            {shown.map((l) => (
              <li key={l.id}>
                <button type="button" className="sp-category__result" onClick={() => pick(l.id)} aria-pressed={String(l.id) === value}>
                  {l.path}
                </button>
              </li>
            ))}
            {matches.length > shown.length ? <li className="muted">{t("sellerProducts.form.categoryMore")}</li> : null}
          </ul>
        ) : (
          <p className="muted" role="status">
            {t("sellerProducts.form.categoryNoMatch")}
          </p>
        )
      ) : null}

      <details className="sp-category__browse">
        <summary>{t("sellerProducts.form.categoryBrowse")}</summary>
        <div className="sp-category__levels">
          <label htmlFor={`${id}-l1`}>{t("sellerProducts.form.categoryLevel1")}</label>
          <select
            id={`${id}-l1`}
            value={level1}
            onChange={(e) => {
              setLevel1(e.target.value);
              setLevel2("");
            }}
          >
            <option value="">{t("sellerProducts.form.choose")}</option>
            {(children.get(null) ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-l2`}>{t("sellerProducts.form.categoryLevel2")}</label>
          <select id={`${id}-l2`} value={level2} disabled={!level1} onChange={(e) => setLevel2(e.target.value)}>
            <option value="">{t("sellerProducts.form.choose")}</option>
            {(level1 ? (children.get(Number(level1)) ?? []) : []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-l3`}>{t("sellerProducts.form.categoryLevel3")}</label>
          <select id={`${id}-l3`} value={selected && String(selected.parentId) === level2 ? value : ""} disabled={!level2} onChange={(e) => e.target.value && pick(Number(e.target.value))}>
            <option value="">{t("sellerProducts.form.choose")}</option>
            {(level2 ? (children.get(Number(level2)) ?? []) : []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      </details>
    </div>
  );
}
