import type { ActionFunctionArgs, LoaderFunctionArgs, MetaArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSubmit } from "@remix-run/react";
import { type ChangeEvent, type DragEvent, type FormEvent, type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import { FormError, TextAreaField, TextField } from "~/components/forms/fields";
import { useZodForm } from "~/components/forms/use-zod-form";
import { useT } from "~/components/i18n";
import { downscaleIfNeeded } from "~/components/kyc/document-upload";
import { classifyFile, formatFileSize, progressPercent } from "~/components/kyc/downscale";
import { titleMeta } from "~/components/meta";
import { parseRupiahInput, PRODUCT_LIMITS, type ProductStatus, variantCombinations } from "~/domain/catalog/product";
import { DomainError } from "~/domain/errors";
import { volumetricExceedsActual, volumetricWeightGrams } from "~/domain/shipping/billable-weight";
import type { Translate, Vars } from "~/i18n/i18n";
import { formatNumber, formatWeight } from "~/i18n/format";
import { requireShopOwner } from "~/infra/auth.server";
import { redirectWithFlash } from "~/infra/flash.server";
import { formError, parseForm } from "~/infra/forms.server";
import { notFound, statusOf } from "~/infra/http.server";
import { localeOf } from "~/infra/locale.server";
import { categoryTree } from "~/models/category.server";
import { findOwnProduct } from "~/models/product.server";
import { findShopOfOwner } from "~/models/shop.server";
import { ProductFormSchema, VariantRowSchema } from "~/schemas/product";
import { PHOTO_MAX_BYTES, photoUrl, saveProduct } from "~/services/catalog.server";

// The product form, for a new product (seller.products.new.tsx re-exports this module) and for editing one.

export const meta = (args: MetaArgs) => titleMeta(args.params.productId ? "sellerProducts.edit.title" : "sellerProducts.new.title")(args);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireShopOwner(request);
  const shop = (await findShopOfOwner(user.id))!;
  const [tree, locale] = await Promise.all([categoryTree(), localeOf(request)]);
  const categories = tree.all.filter((c) => !c.retired).map((c) => ({ id: c.id, name: locale === "en" && c.nameEn ? c.nameEn : c.name, parentId: c.parentId, level: c.level }));

  let product = null;
  if (params.productId !== undefined) {
    const p = UUID.test(params.productId) ? await findOwnProduct(shop.id, params.productId) : null;
    if (!p) notFound();
    const hasVariants = Boolean(p.variantType1);
    product = {
      id: p.id,
      slug: p.slug,
      status: p.status as ProductStatus,
      blockedReason: p.blockedReason,
      version: p.updatedAt.toISOString(),
      photos: p.photos.map((ph) => ({ id: ph.id, url: photoUrl(ph.keySmall) })),
      values: {
        title: p.title,
        description: p.description,
        categoryId: String(p.categoryId),
        condition: p.condition,
        price: formatNumber(p.priceRupiah),
        stock: String(p.stock),
        sku: p.sku ?? "",
        minOrder: String(p.minOrder),
        weightGrams: String(p.weightGrams),
        lengthCm: p.lengthCm ? String(p.lengthCm) : "",
        widthCm: p.widthCm ? String(p.widthCm) : "",
        heightCm: p.heightCm ? String(p.heightCm) : "",
        photoIds: p.photos.map((ph) => ph.id).join(","),
        variantType1: p.variantType1 ?? "",
        variantType2: p.variantType2 ?? "",
        variantsJson: JSON.stringify(
          hasVariants
            ? p.variants.map((v) => ({ option1: v.option1, option2: v.option2, price: formatNumber(v.priceRupiah), stock: String(v.stock), sku: v.sku ?? "", weightGrams: String(v.weightGrams) }))
            : [],
        ),
      },
    };
  }
  return { shopStatus: shop.status, categories, product, photoMaxBytes: PHOTO_MAX_BYTES };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireShopOwner(request);
  if (params.productId !== undefined && !UUID.test(params.productId)) notFound();
  const parsed = await parseForm(request, ProductFormSchema);
  if (!parsed.ok) return parsed.response;
  let saved: Awaited<ReturnType<typeof saveProduct>>;
  try {
    saved = await saveProduct(user, parsed.data, params.productId);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === "not_found") notFound();
    return formError(error.messageKey, statusOf(error), error.messageKey === "product.categoryLeaf" ? "categoryId" : "_form");
  }
  const { product, publishError } = saved;
  const key = publishError
    ? `sellerProducts.saved.notPublished.${publishError}`
    : product.status === "active"
      ? "sellerProducts.saved.active"
      : product.status === "draft"
        ? "sellerProducts.saved.draft"
        : "sellerProducts.saved.other";
  return redirectWithFlash(request, `/seller/products/${product.id}`, { kind: publishError ? "error" : "success", key });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Category = LoaderData["categories"][number];
type ProductForm = ReturnType<typeof useZodForm>;

const EMPTY_VALUES = {
  title: "",
  description: "",
  categoryId: "",
  condition: "new",
  price: "",
  stock: "",
  sku: "",
  minOrder: "1",
  weightGrams: "",
  lengthCm: "",
  widthCm: "",
  heightCm: "",
  photoIds: "",
  variantType1: "",
  variantType2: "",
  variantsJson: "[]",
};

/** "125000" → "125.000" when the seller leaves the field; text that is not a price stays for the error to point at. */
function formattedRupiah(value: string): string | null {
  const n = parseRupiahInput(value);
  return n === null ? null : formatNumber(n);
}

export default function ProductFormPage() {
  const { product } = useLoaderData<typeof loader>();
  // A fresh editor after each save, so what is shown is what was stored.
  return <ProductEditor key={product ? `${product.id}@${product.version}` : "new"} />;
}

function ProductEditor() {
  const t = useT();
  const { product, categories, shopStatus, photoMaxBytes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = useZodForm(ProductFormSchema, actionData, product?.values ?? EMPTY_VALUES);
  const submit = useSubmit();
  const [photosBusy, setPhotosBusy] = useState(false);
  const [busyNotice, setBusyNotice] = useState(false);
  const [variantProblem, setVariantProblem] = useState(false);
  const blocked = product?.status === "blocked";
  const active = product?.status === "active";
  const serverErrors = actionData && "errors" in actionData ? actionData.errors : undefined;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const target = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    form.setValue("intent", submitter?.value === "publish" ? "publish" : "draft");
    setBusyNotice(photosBusy);
    // The browser checks with the same schema first (and counts the attempt, which shows the variant
    // cells' errors); then Remix posts the form with the pressed button, and the action checks again.
    void form.handleSubmit(() => {
      if (photosBusy || variantProblem) return;
      submit(submitter ?? target, { method: "post" });
    })(event);
  };

  const [weight, length, width, height] = form.watch(["weightGrams", "lengthCm", "widthCm", "heightCm"]);
  const volumetric = volumetricNotice(weight, length, width, height);
  // "All three or none" waits until the seller has been through the three fields (or tried to save).
  const touched = form.formState.touchedFields as Record<string, boolean | undefined>;
  const dimsVisited = form.formState.isSubmitted || Boolean(touched.lengthCm && touched.widthCm && touched.heightCm);
  const dimensionsError = form.errorOf("lengthCm") === "product.dimensionsAllOrNone" ? (dimsVisited ? "product.dimensionsAllOrNone" : undefined) : undefined;
  const lengthError = form.errorOf("lengthCm") === "product.dimensionsAllOrNone" ? undefined : form.errorOf("lengthCm");

  return (
    <section className="sp-form">
      <p>
        <Link to="/seller/products">← {t("sellerProducts.back")}</Link>
      </p>
      <h1>{t(product ? "sellerProducts.edit.title" : "sellerProducts.new.title")}</h1>
      {product ? (
        <p>
          {t("sellerProducts.statusLabel")}: <span className={`badge sp-status sp-status--${product.status}`}>{t(`sellerProducts.status.${product.status}`)}</span>
          {active ? (
            <>
              {" · "}
              <Link to={`/produk/${product.slug}`}>{t("sellerProducts.viewPublic")}</Link>
            </>
          ) : null}
        </p>
      ) : null}
      {blocked ? (
        <div className="alert alert--error" role="alert">
          {t("sellerProducts.blockedNotice", { reason: product?.blockedReason ?? "" })}
        </div>
      ) : null}
      <FormError error={serverErrors?._form} />

      <Form method="post" noValidate onSubmit={onSubmit}>
        <fieldset disabled={blocked}>
          <div className="card">
            <h2>{t("sellerProducts.photos.title")}</h2>
            <PhotoManager
              initial={product?.photos ?? []}
              maxBytes={photoMaxBytes}
              disabled={blocked}
              error={form.errorOf("photoIds")}
              onChange={(ids) => form.setValue("photoIds", ids.join(","), { shouldValidate: form.formState.isSubmitted })}
              onBusyChange={setPhotosBusy}
            />
            <input type="hidden" {...form.register("photoIds")} />
          </div>

          <div className="card">
            <h2>{t("sellerProducts.form.section.info")}</h2>
            <TextField label={t("sellerProducts.form.title")} hint={t("sellerProducts.form.titleHint")} maxLength={PRODUCT_LIMITS.titleMax} error={form.errorOf("title")} {...form.register("title")} />
            <CategoryPicker
              categories={categories}
              value={form.watch("categoryId") ?? ""}
              error={form.errorOf("categoryId")}
              onChange={(id) => form.setValue("categoryId", id, { shouldValidate: true })}
            />
            <input type="hidden" {...form.register("categoryId")} />
            <fieldset className={`field sp-choice${form.errorOf("condition") ? " field--error" : ""}`} aria-describedby={form.errorOf("condition") ? "f-condition-error" : undefined}>
              <legend>{t("sellerProducts.form.condition")}</legend>
              <div className="row">
                <label>
                  <input type="radio" {...form.registerRadio("condition", "new")} /> {t("sellerProducts.form.conditionNew")}
                </label>
                <label>
                  <input type="radio" {...form.registerRadio("condition", "used")} /> {t("sellerProducts.form.conditionUsed")}
                </label>
              </div>
              {form.errorOf("condition") ? (
                <p className="field__error" id="f-condition-error" role="alert">
                  {t(form.errorOf("condition")!)}
                </p>
              ) : null}
            </fieldset>
            <TextAreaField label={t("sellerProducts.form.description")} rows={6} maxLength={PRODUCT_LIMITS.descriptionMax} error={form.errorOf("description")} {...form.register("description")} />
          </div>

          <div className="card">
            <h2>{t("sellerProducts.form.section.price")}</h2>
            <div className="sp-grid-2">
              <TextField
                label={t("sellerProducts.form.price")}
                hint={t("sellerProducts.form.priceHint")}
                inputMode="numeric"
                autoComplete="off"
                error={form.errorOf("price")}
                {...form.register("price", {
                  onBlur: (e: { target: HTMLInputElement }) => {
                    const f = formattedRupiah(e.target.value);
                    if (f !== null && f !== e.target.value) form.setValue("price", f, { shouldValidate: true });
                  },
                })}
              />
              <TextField label={t("sellerProducts.form.stock")} inputMode="numeric" autoComplete="off" error={form.errorOf("stock")} {...form.register("stock")} />
              <TextField label={t("sellerProducts.form.minOrder")} inputMode="numeric" autoComplete="off" error={form.errorOf("minOrder")} {...form.register("minOrder")} />
              <TextField label={t("sellerProducts.form.sku")} hint={t("sellerProducts.form.skuHint")} autoComplete="off" autoCapitalize="characters" error={form.errorOf("sku")} {...form.register("sku")} />
            </div>
          </div>

          <div className="card">
            <h2>{t("sellerProducts.variants.title")}</h2>
            <VariantEditor form={form} error={form.errorOf("variantsJson") ?? form.errorOf("variantType1")} onProblemChange={setVariantProblem} />
            <input type="hidden" {...form.register("variantType1")} />
            <input type="hidden" {...form.register("variantType2")} />
            <input type="hidden" {...form.register("variantsJson")} />
          </div>

          <div className="card">
            <h2>{t("sellerProducts.form.section.shipping")}</h2>
            <TextField label={t("sellerProducts.form.weight")} hint={t("sellerProducts.form.weightHint")} inputMode="numeric" autoComplete="off" error={form.errorOf("weightGrams")} {...form.register("weightGrams")} />
            <fieldset className="sp-dims" aria-describedby="sp-dims-hint">
              <legend>{t("sellerProducts.form.dimensions")}</legend>
              <p className="field__hint" id="sp-dims-hint">
                {t("sellerProducts.form.dimensionsHint")}
              </p>
              <div className="sp-grid-3">
                <TextField label={t("sellerProducts.form.length")} inputMode="numeric" autoComplete="off" error={lengthError} {...form.register("lengthCm", { deps: ["widthCm", "heightCm"] })} />
                <TextField label={t("sellerProducts.form.width")} inputMode="numeric" autoComplete="off" error={form.errorOf("widthCm")} {...form.register("widthCm", { deps: ["lengthCm"] })} />
                <TextField label={t("sellerProducts.form.height")} inputMode="numeric" autoComplete="off" error={form.errorOf("heightCm")} {...form.register("heightCm", { deps: ["lengthCm"] })} />
              </div>
              {/* The schema files "fill all three or none" under lengthCm; it is about the three together. */}
              {dimensionsError ? (
                <p className="field__error" role="alert">
                  {t(dimensionsError)}
                </p>
              ) : null}
              <p className="field__warning sp-volumetric" role="status">
                {volumetric ? t("sellerProducts.form.volumetricWarning", volumetric) : ""}
              </p>
            </fieldset>
          </div>

          {blocked ? null : (
            <div className="sp-actions">
              {shopStatus !== "approved" && !active ? <p className="field__hint">{t("sellerProducts.form.draftOnlyHint")}</p> : null}
              {busyNotice && photosBusy ? (
                <p className="field__warning" role="status">
                  {t("sellerProducts.photos.busy")}
                </p>
              ) : null}
              <div className="row">
                {active ? (
                  <button type="submit" name="intent" value="publish" disabled={form.submitting}>
                    {form.submitting ? t("sellerProducts.form.saving") : t("sellerProducts.form.saveChanges")}
                  </button>
                ) : (
                  <>
                    <button type="submit" name="intent" value="draft" className="button-secondary" disabled={form.submitting}>
                      {t("sellerProducts.form.saveDraft")}
                    </button>
                    <button type="submit" name="intent" value="publish" disabled={form.submitting}>
                      {form.submitting ? t("sellerProducts.form.saving") : t("sellerProducts.form.savePublish")}
                    </button>
                  </>
                )}
              </div>
            </div>
          )}
        </fieldset>
      </Form>
    </section>
  );
}

/** The warning under the package size: only for numbers the schema would accept. */
function volumetricNotice(weight?: string, length?: string, width?: string, height?: string): Vars | null {
  const whole = (v: string | undefined, max: number) => (v && /^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= max ? Number(v) : null);
  const weightGrams = whole(weight, PRODUCT_LIMITS.weightMax);
  const dims = [length, width, height].map((d) => whole(d, PRODUCT_LIMITS.dimensionMax));
  if (weightGrams === null || dims.some((d) => d === null)) return null;
  const [lengthCm, widthCm, heightCm] = dims as number[];
  if (!volumetricExceedsActual({ weightGrams, lengthCm, widthCm, heightCm })) return null;
  return { volumetric: formatWeight(volumetricWeightGrams({ lengthCm, widthCm, heightCm })), actual: formatWeight(weightGrams) };
}

// ---------------------------------------------------------------------------------------------------
// Category: search the leaves by name or path, or drill down level by level.

const fold = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

function CategoryPicker({ categories, value, error, onChange }: { categories: Category[]; value: string; error?: string; onChange: (id: string) => void }) {
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

// ---------------------------------------------------------------------------------------------------
// Photos: each one is uploaded as soon as it is picked; the form only submits the ordered ids.

const PHOTO_ACCEPT = "image/jpeg,image/png,image/webp";

interface PhotoItem {
  key: string;
  id?: string;
  url?: string;
  /** Object URL of the picked file, shown until the page is left. */
  localUrl?: string;
  status: "preparing" | "uploading" | "done" | "error";
  percent: number | null;
  error?: { key: string; vars?: Vars; retryable: boolean };
  file?: File;
}

type PhotoOutcome = { ok: true; photo: { id: string; url: string } } | { ok: false; error: string; vars?: Vars };

/** The upload route's answer; anything unexpected (HTML login page, 5xx) becomes a generic error of ours. */
function parsePhotoResponse(status: number, body: string): PhotoOutcome {
  if (status === 0) return { ok: false, error: "network" };
  let obj: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = JSON.parse(body);
    obj = parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : null;
  } catch {
    obj = null;
  }
  const photo = obj?.photo as { id?: unknown; url?: unknown } | undefined;
  if (status >= 200 && status < 300 && obj?.ok === true && typeof photo?.id === "string" && typeof photo.url === "string" && photo.url.startsWith("/")) {
    return { ok: true, photo: { id: photo.id, url: photo.url } };
  }
  if (status >= 400 && status < 500 && obj?.ok === false && typeof obj.error === "string" && /^[\w.-]{1,120}$/.test(obj.error)) {
    const vars = obj.vars && typeof obj.vars === "object" ? (Object.fromEntries(Object.entries(obj.vars).filter(([, v]) => typeof v === "string" || typeof v === "number")) as Vars) : undefined;
    return { ok: false, error: obj.error, vars };
  }
  if (status === 401 || status === 403) return { ok: false, error: "session" };
  if (status === 413) return { ok: false, error: "tooLarge" };
  return { ok: false, error: "server" };
}

function photoErrorText(t: Translate, key: string, vars: Vars): string {
  const own = `sellerProducts.photoError.${key}`;
  if (t(own) !== own) return t(own, vars);
  const shared = t(key, vars);
  return shared === key ? t("sellerProducts.photoError.server") : shared;
}

let photoSeq = 0;

function PhotoManager({
  initial,
  maxBytes,
  disabled,
  error,
  onChange,
  onBusyChange,
}: {
  initial: { id: string; url: string }[];
  maxBytes: number;
  disabled: boolean;
  error?: string;
  onChange: (ids: string[]) => void;
  onBusyChange: (busy: boolean) => void;
}) {
  const t = useT();
  const inputId = useId();
  const [items, setItems] = useState<PhotoItem[]>(() => initial.map((p) => ({ key: p.id, id: p.id, url: p.url, status: "done", percent: null })));
  const xhrs = useRef(new Map<string, XMLHttpRequest>());
  const dragged = useRef<string | null>(null);
  const max = PRODUCT_LIMITS.photosMax;

  const update = (key: string, patch: Partial<PhotoItem>) => setItems((list) => list.map((it) => (it.key === key ? { ...it, ...patch } : it)));

  const ids = items.filter((it) => it.status === "done" && it.id).map((it) => it.id!);
  const idsKey = ids.join(",");
  const busy = items.some((it) => it.status === "preparing" || it.status === "uploading");
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const mounted = useRef(false);
  useEffect(() => {
    if (mounted.current) onChangeRef.current(idsKey ? idsKey.split(",") : []);
    mounted.current = true;
  }, [idsKey]);
  useEffect(() => onBusyChange(busy), [busy, onBusyChange]);

  // Leaving the page cancels uploads and frees the local previews.
  const itemsRef = useRef(items);
  itemsRef.current = items;
  useEffect(
    () => () => {
      for (const xhr of xhrs.current.values()) xhr.abort();
      for (const it of itemsRef.current) if (it.localUrl) URL.revokeObjectURL(it.localUrl);
    },
    [],
  );

  function upload(key: string, file: File) {
    xhrs.current.get(key)?.abort();
    const xhr = new XMLHttpRequest();
    xhrs.current.set(key, xhr);
    update(key, { status: "uploading", percent: 0, error: undefined, file });
    const fail = (code: string, vars?: Vars) => {
      xhrs.current.delete(key);
      update(key, { status: "error", percent: null, error: { key: code, vars, retryable: true } });
    };
    xhr.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) update(key, { percent: progressPercent(e.loaded, e.total) });
    });
    xhr.addEventListener("load", () => {
      const outcome = parsePhotoResponse(xhr.status, xhr.responseText);
      if (!outcome.ok) return fail(outcome.error, outcome.vars);
      xhrs.current.delete(key);
      update(key, { status: "done", id: outcome.photo.id, url: outcome.photo.url, percent: null, file: undefined });
    });
    xhr.addEventListener("error", () => fail("network"));
    xhr.addEventListener("timeout", () => fail("network"));
    const body = new FormData();
    body.append("file", file, file.name);
    xhr.open("POST", "/seller/products/photos");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.send(body);
  }

  async function add(event: ChangeEvent<HTMLInputElement>) {
    const picked = [...(event.currentTarget.files ?? [])].slice(0, Math.max(0, max - items.length));
    event.currentTarget.value = ""; // picking the same file again fires a change
    for (const original of picked) {
      const key = `new-${++photoSeq}`;
      const category = classifyFile(original.type, original.name);
      const localUrl = category === "raster" ? URL.createObjectURL(original) : undefined;
      setItems((list) => [...list, { key, localUrl, status: "preparing", percent: null }]);
      if (category !== "raster" && category !== "heic") {
        update(key, { status: "error", error: { key: "type", retryable: false } });
        continue;
      }
      let file = original;
      if (category === "raster") file = await downscaleIfNeeded(original).catch(() => original);
      if (file.size === 0) update(key, { status: "error", error: { key: "empty", retryable: false } });
      else if (file.size > maxBytes) update(key, { status: "error", error: { key: "tooLarge", retryable: false } });
      else upload(key, file);
    }
  }

  function remove(key: string) {
    xhrs.current.get(key)?.abort();
    xhrs.current.delete(key);
    setItems((list) => {
      const gone = list.find((it) => it.key === key);
      if (gone?.localUrl) URL.revokeObjectURL(gone.localUrl);
      return list.filter((it) => it.key !== key);
    });
  }

  function move(key: string, to: number) {
    setItems((list) => {
      const from = list.findIndex((it) => it.key === key);
      if (from < 0 || to < 0 || to >= list.length) return list;
      const next = [...list];
      const [it] = next.splice(from, 1);
      next.splice(to, 0, it);
      return next;
    });
  }

  const onDrop = (event: DragEvent<HTMLLIElement>, index: number) => {
    event.preventDefault();
    if (dragged.current) move(dragged.current, index);
    dragged.current = null;
  };

  return (
    <div className={`field sp-photos${error ? " field--error" : ""}`}>
      <p className="field__hint" id={`${inputId}-hint`}>
        {t("sellerProducts.photos.hint")}
      </p>
      <ol className="sp-photos__grid">
        {items.map((it, index) => (
          <li
            key={it.key}
            className={`sp-photo sp-photo--${it.status}`}
            draggable={!disabled && it.status === "done"}
            onDragStart={() => (dragged.current = it.key)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => onDrop(e, index)}
          >
            <div className="sp-photo__frame">
              {it.localUrl || it.url ? <img src={it.localUrl ?? it.url} alt={t("sellerProducts.photos.alt", { n: index + 1 })} /> : null}
              {index === 0 ? <span className="sp-photo__cover">{t("sellerProducts.photos.cover")}</span> : null}
              {it.status === "preparing" || it.status === "uploading" ? (
                <span className="sp-photo__progress" role="status">
                  {it.status === "preparing"
                    ? t("sellerProducts.photos.preparing")
                    : it.percent === null
                      ? t("sellerProducts.photos.uploadingUnknown")
                      : t("sellerProducts.photos.uploading", { percent: it.percent })}
                  {it.status === "uploading" ? <progress max={100} value={it.percent ?? undefined} /> : null}
                </span>
              ) : null}
            </div>
            {it.error ? (
              <p className="field__error sp-photo__error" role="alert">
                {photoErrorText(t, it.error.key, { max: formatFileSize(maxBytes), ...it.error.vars })}
              </p>
            ) : null}
            <div className="sp-photo__tools">
              {it.error?.retryable && it.file ? (
                <button type="button" className="sp-icon-button sp-icon-button--wide" onClick={() => upload(it.key, it.file!)}>
                  {t("sellerProducts.photos.retry")}
                </button>
              ) : (
                <>
                  <button type="button" className="sp-icon-button" onClick={() => move(it.key, index - 1)} disabled={index === 0} aria-label={t("sellerProducts.photos.earlier", { n: index + 1 })}>
                    <span aria-hidden="true">←</span>
                  </button>
                  <button type="button" className="sp-icon-button" onClick={() => move(it.key, index + 1)} disabled={index === items.length - 1} aria-label={t("sellerProducts.photos.later", { n: index + 1 })}>
                    <span aria-hidden="true">→</span>
                  </button>
                </>
              )}
              <button type="button" className="sp-icon-button" onClick={() => remove(it.key)} aria-label={t("sellerProducts.photos.remove", { n: index + 1 })}>
                <span aria-hidden="true">✕</span>
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div className="row">
        {items.length < max ? (
          <>
            <input id={inputId} className="sp-photos__input" type="file" accept={PHOTO_ACCEPT} multiple disabled={disabled} onChange={add} aria-describedby={`${inputId}-hint`} />
            <label htmlFor={inputId} className="button-secondary sp-photos__pick">
              {t("sellerProducts.photos.add")}
            </label>
          </>
        ) : (
          <p className="muted">{t("sellerProducts.photos.full")}</p>
        )}
        <span className="muted">{t("sellerProducts.photos.count", { count: ids.length, max })}</span>
      </div>
      {error ? (
        <p className="field__error" role="alert">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------
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

function VariantEditor({ form, error, onProblemChange }: { form: ProductForm; error?: string; onProblemChange: (problem: boolean) => void }) {
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
