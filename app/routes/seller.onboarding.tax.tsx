import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { FormError, TextField } from "~/components/forms/fields";
import { useZodForm } from "~/components/forms/use-zod-form";
import { useT } from "~/components/i18n";
import { StepDocuments } from "~/components/kyc/step-documents";
import { BackLink, LockedNotice, StepFooter, StepLock, useOnboarding } from "~/components/kyc/step-helpers";
import { requireUser } from "~/infra/auth.server";
import { parseForm } from "~/infra/forms.server";
import { TaxStepSchema } from "~/schemas/onboarding";
import { saveTaxStep } from "~/services/onboarding.server";
import { saveStep } from "~/services/step-actions.server";

const NPWP_FIELD = Object.fromEntries(["npwp_format", "npwp_checksum", "npwp_nik_invalid", "validation.required", "onboarding.tax.nikFirst"].map((k) => [k, "npwp"]));

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = await parseForm(request, TaxStepSchema);
  if (!parsed.ok) return parsed.response;
  const saved = await saveStep(() => saveTaxStep(user, parsed.data), NPWP_FIELD, parsed.values);
  if (!saved.ok) return saved.response;
  return redirect("/seller/onboarding/bank");
}

export default function TaxStep() {
  const t = useT();
  const { onboarding } = useOnboarding();
  const actionData = useActionData<typeof action>();
  const tax = onboarding?.tax;
  const form = useZodForm(TaxStepSchema, actionData, { npwpIsNik: tax?.npwpIsNik ?? false, npwpOnFile: tax?.npwpMasked && !tax.npwpIsNik ? "1" : "" } as never);
  if (!onboarding) return <LockedNotice reason="onboarding.noShop" />;
  const editable = onboarding.replaceable.includes("npwp");
  const npwpIsNik = Boolean(form.watch("npwpIsNik" as never));
  return (
    <section className="narrow">
      <h2>{t("onboarding.step.tax")}</h2>
      <StepLock editable={editable} shopEditable={onboarding.editable} />
      <FormError error={actionData?.errors?._form} />
      <StepDocuments kinds={[{ kind: "npwp", label: t("onboarding.tax.photo") }]} />
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <fieldset disabled={!editable}>
          <input type="hidden" {...form.register("npwpOnFile")} />
          <div className="field field--checkbox">
            <label>
              <input type="checkbox" {...form.registerCheckbox("npwpIsNik")} /> {t("onboarding.tax.npwpIsNik")}
            </label>
          </div>
          {npwpIsNik ? null : (
            <TextField
              label={t("onboarding.tax.npwp")}
              inputMode="numeric"
              autoComplete="off"
              error={form.errorOf("npwp")}
              hint={tax?.npwpMasked && !tax.npwpIsNik ? t("onboarding.tax.npwpSaved", { npwp: tax.npwpMasked }) : t("onboarding.tax.npwpHint")}
              {...form.register("npwp")}
            />
          )}
          <StepFooter submitting={form.submitting} />
        </fieldset>
      </Form>
      <BackLink to="/seller/onboarding/identity" />
    </section>
  );
}
