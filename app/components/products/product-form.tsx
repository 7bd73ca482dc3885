import { Form, Link } from "@remix-run/react";
import { useState } from "react";
import { PRODUCT_LIMITS } from "~/domain/catalog/product";
import { volumetricExceedsActual, volumetricWeightGrams } from "~/domain/shipping/billable-weight";
import type { Vars } from "~/i18n/i18n";
import { formatWeight } from "~/i18n/format";
import { ProductFormSchema } from "~/schemas/product";
import type { ProductEditorData } from "~/services/product-editor.server";
import { FormError, TextAreaField, TextField } from "../forms/fields";
import { type ActionErrors, useZodForm } from "../forms/use-zod-form";
import { useT } from "../i18n";
import { CategoryPicker } from "./category-picker";
import { PhotoManager } from "./photo-manager";
import { formattedRupiah } from "./rupiah-input";
import { VariantEditor } from "./variant-editor";

// The product form, for a new product and for editing one: photos, the facts, price and stock, variants
// and the parcel size. The route (seller.products.$productId.tsx) loads, saves and renders it.

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

export function ProductForm({ data, actionData }: { data: ProductEditorData; actionData: unknown }) {
  const t = useT();
  const { product, categories, shopStatus, photoMaxBytes } = data;
  const [photosBusy, setPhotosBusy] = useState(false);
  const [busyNotice, setBusyNotice] = useState(false);
  const [variantProblem, setVariantProblem] = useState(false);
  // The shared submit path: the pressed button decides the intent before the schema checks (publishing asks
  // more), and nothing is posted while photos are still uploading or the variant table has a problem.
  const form = useZodForm(ProductFormSchema, actionData, product?.values ?? EMPTY_VALUES, {
    beforeValidate: (submitter) => {
      form.setValue("intent", submitter?.value === "publish" ? "publish" : "draft");
      setBusyNotice(photosBusy);
    },
    canSubmit: () => !photosBusy && !variantProblem,
  });
  const blocked = product?.status === "blocked";
  const active = product?.status === "active";
  const serverErrors = (actionData as ActionErrors | undefined)?.errors;

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

      <Form method="post" noValidate onSubmit={form.onSubmit}>
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
            <input type="hidden" {...form.registerHidden("photoIds")} />
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
            <input type="hidden" {...form.registerHidden("categoryId")} />
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
            <input type="hidden" {...form.registerHidden("variantType1")} />
            <input type="hidden" {...form.registerHidden("variantType2")} />
            <input type="hidden" {...form.registerHidden("variantsJson")} />
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
