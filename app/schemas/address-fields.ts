import { z } from "zod";
import { normalizeIndonesianPhone } from "~/domain/kyc/phone";
import { findProvince, findRegency } from "~/domain/regions/data";

// Fields of an Indonesian address, shared by the shop's address (onboarding) and the buyer's address book.
// Messages are i18n keys.

/** An Indonesian phone number, normalised (+62…). */
export const indonesianPhone = () =>
  z
    .string()
    .trim()
    .min(1, "validation.required")
    .refine((p) => normalizeIndonesianPhone(p) !== null, "onboarding.shop.phone")
    .transform((p) => normalizeIndonesianPhone(p) ?? p);

export const provinceCode = () => z.string().refine((c) => Boolean(findProvince(c)), "onboarding.shop.provinceRequired");
export const regencyCode = () => z.string().min(1, "onboarding.shop.regencyRequired");
export const postalCode = () => z.string().trim().regex(/^[1-9]\d{4}$/, "onboarding.shop.postalCode");

/** The regency must lie in the chosen province (for a schema's superRefine). */
export function checkRegencyInProvince(v: { provinceCode: string; regencyCode: string }, ctx: z.RefinementCtx) {
  const regency = findRegency(v.regencyCode);
  if (v.regencyCode && (!regency || regency.provinceCode !== v.provinceCode)) {
    ctx.addIssue({ code: "custom", path: ["regencyCode"], message: "onboarding.shop.regencyRequired" });
  }
}
