import { z } from "zod";
import { PRODUCT_LIMITS as L } from "~/domain/catalog/product";
import { rupiahText } from "~/schemas/params";

// The product form, shared by the browser (zodResolver) and the action. Numbers arrive as text,
// prices with thousand dots as sellers type them ("125.000").

const rupiah = z
  .string()
  .trim()
  .min(1, "validation.required")
  .pipe(rupiahText("product.priceInvalid"))
  .pipe(z.number().int().min(L.priceMin, "product.priceRange").max(L.priceMax, "product.priceRange"));

const wholeNumber = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, message)
    .transform(Number)
    .pipe(z.number().int().min(min, message).max(max, message));

const optionalCm = z
  .string()
  .trim()
  .default("")
  .transform((v, ctx) => {
    if (v === "") return null;
    if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > L.dimensionMax) {
      ctx.addIssue({ code: "custom", message: "product.dimensionRange" });
      return z.NEVER;
    }
    return Number(v);
  });

export const VariantRowSchema = z.object({
  option1: z.string().trim().min(1, "validation.required").max(40, "validation.tooLong"),
  option2: z.string().trim().max(40, "validation.tooLong").nullable().optional(),
  price: rupiah,
  stock: wholeNumber(0, L.stockMax, "product.stockRange"),
  sku: z.string().trim().max(50, "validation.tooLong").optional().default(""),
  weightGrams: wholeNumber(L.weightMin, L.weightMax, "product.weightRange"),
});

export const ProductFormSchema = z
  .object({
    title: z.string().trim().min(L.titleMin, "product.titleMin").max(L.titleMax, "validation.tooLong"),
    description: z.string().trim().max(L.descriptionMax, "validation.tooLong").default(""),
    categoryId: z.string().regex(/^\d+$/, "product.categoryRequired").transform(Number),
    condition: z.enum(["new", "used"], { message: "product.conditionRequired" }),
    price: rupiah,
    stock: wholeNumber(0, L.stockMax, "product.stockRange"),
    sku: z.string().trim().max(50, "validation.tooLong").default(""),
    minOrder: wholeNumber(1, L.stockMax, "product.minOrderRange"),
    weightGrams: wholeNumber(L.weightMin, L.weightMax, "product.weightRange"),
    lengthCm: optionalCm,
    widthCm: optionalCm,
    heightCm: optionalCm,
    photoIds: z
      .string()
      .default("")
      .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(z.string().uuid()).max(L.photosMax, "product.photosMax")),
    variantType1: z.string().trim().max(30, "validation.tooLong").default(""),
    variantType2: z.string().trim().max(30, "validation.tooLong").default(""),
    variantsJson: z.string().default("[]"),
    intent: z.enum(["draft", "publish"]).default("draft"),
  })
  .superRefine((v, ctx) => {
    const dims = [v.lengthCm, v.widthCm, v.heightCm];
    if (dims.some((d) => d !== null) && dims.some((d) => d === null)) {
      ctx.addIssue({ code: "custom", path: ["lengthCm"], message: "product.dimensionsAllOrNone" });
    }
    if (v.intent === "publish" && v.photoIds.length < L.photosMin) ctx.addIssue({ code: "custom", path: ["photoIds"], message: "product.needsPhoto" });
    if (v.variantType2 && !v.variantType1) ctx.addIssue({ code: "custom", path: ["variantType1"], message: "validation.required" });
  })
  .transform((v, ctx) => {
    let variants: z.output<typeof VariantRowSchema>[] = [];
    if (v.variantType1) {
      let raw: unknown;
      try {
        raw = JSON.parse(v.variantsJson);
      } catch {
        raw = null;
      }
      const parsed = z.array(VariantRowSchema).min(1).max(400).safeParse(raw);
      if (!parsed.success) {
        ctx.addIssue({ code: "custom", path: ["variantsJson"], message: "product.variantsInvalid" });
        return z.NEVER;
      }
      variants = parsed.data;
    }
    return { ...v, variants };
  });

export type ProductForm = z.output<typeof ProductFormSchema>;
