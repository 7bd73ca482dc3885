import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { FormError, SelectField, TextAreaField, TextField } from "~/components/forms/fields";
import { useHydrated } from "~/components/forms/needs-javascript";
import { useZodForm } from "~/components/forms/use-zod-form";
import { useT } from "~/components/i18n";
import { LockedNotice, useOnboarding } from "~/components/kyc/step-helpers";
import { slugify } from "~/domain/text";
import { requireUser } from "~/infra/auth.server";
import { parseForm } from "~/infra/forms.server";
import { ShopStepSchema } from "~/schemas/onboarding";
import { saveShopStep } from "~/services/onboarding.server";
import { saveStep } from "~/services/step-actions.server";
import { ProvinceOptions, RegencyOptions } from "~/components/region-options";

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = await parseForm(request, ShopStepSchema);
  if (!parsed.ok) return parsed.response;
  const saved = await saveStep(() => saveShopStep(user, parsed.data), { "onboarding.shop.slugTaken": "slug" }, parsed.values);
  if (!saved.ok) return saved.response;
  return redirect("/seller/onboarding/identity");
}

export default function ShopStep() {
  const t = useT();
  const { onboarding } = useOnboarding();
  const actionData = useActionData<typeof action>();
  const shop = onboarding?.shop;
  const form = useZodForm(ShopStepSchema, actionData, shop ?? { name: "", slug: "", provinceCode: "", regencyCode: "" });
  const editable = !onboarding || onboarding.shop.status === "draft";
  const slugTouched = useRef(Boolean(shop?.slug));
  const hydrated = useHydrated();
  const slugCheck = useFetcher<{ available: boolean; slug: string }>();

  const name = form.watch("name");
  const slug = form.watch("slug");
  const provinceCode = form.watch("provinceCode");

  // Suggest a slug from the name until the seller edits it by hand.
  useEffect(() => {
    if (!slugTouched.current && name) form.setValue("slug", slugify(name));
  }, [name, form]);

  // Check availability as the seller types (debounced).
  useEffect(() => {
    if (!slug || slug.length < 3) return;
    const timer = setTimeout(() => slugCheck.load(`/seller/onboarding/slug?slug=${encodeURIComponent(slug)}`), 350);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slug]);

  const slugStatus = slugCheck.data && slugCheck.data.slug === slug ? (slugCheck.data.available ? t("onboarding.shop.slugFree") : t("onboarding.shop.slugTaken")) : null;

  return (
    <section className="narrow">
      <h2>{t("onboarding.step.shop")}</h2>
      {!editable ? <LockedNotice reason={onboarding?.editable ? "onboarding.notRequested" : "onboarding.locked"} /> : null}
      <FormError error={actionData?.errors?._form} />
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <fieldset disabled={!editable}>
          <TextField label={t("onboarding.shop.name")} autoComplete="organization" error={form.errorOf("name")} {...form.register("name")} />
          <TextField
            label={t("onboarding.shop.slug")}
            autoCapitalize="none"
            error={form.errorOf("slug")}
            hint={t("onboarding.shop.slugHint", { slug: slug || "…" })}
            warning={slugStatus}
            {...form.register("slug", { onChange: () => (slugTouched.current = true) })}
          />
          <TextAreaField label={t("onboarding.shop.description")} rows={3} error={form.errorOf("description")} {...form.register("description")} />
          <h3>{t("onboarding.shop.address")}</h3>
          <SelectField label={t("onboarding.shop.province")} error={form.errorOf("provinceCode")} {...form.register("provinceCode", { onChange: () => form.setValue("regencyCode", "") })}>
            <option value="">{t("onboarding.choose")}</option>
            <ProvinceOptions />
          </SelectField>
          <SelectField label={t("onboarding.shop.regency")} error={form.errorOf("regencyCode")} {...form.register("regencyCode")}>
            <option value="">{t("onboarding.choose")}</option>
            <RegencyOptions provinceCode={provinceCode} allWhenEmpty={!hydrated} />
          </SelectField>
          <TextField label={t("onboarding.shop.district")} error={form.errorOf("district")} {...form.register("district")} />
          <TextField label={t("onboarding.shop.postalCodeLabel")} inputMode="numeric" autoComplete="postal-code" maxLength={5} error={form.errorOf("postalCode")} {...form.register("postalCode")} />
          <TextAreaField label={t("onboarding.shop.street")} rows={2} autoComplete="street-address" error={form.errorOf("street")} {...form.register("street")} />
          <TextField label={t("onboarding.shop.phoneLabel")} type="tel" inputMode="tel" autoComplete="tel" error={form.errorOf("phone")} {...form.register("phone")} />
          <button type="submit" disabled={form.submitting}>
            {form.submitting ? t("form.sending") : t("onboarding.saveNext")}
          </button>
        </fieldset>
      </Form>
    </section>
  );
}
