import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { FormError, SelectField, TextField } from "~/components/forms/fields";
import { useZodForm } from "~/components/forms/use-zod-form";
import { useT } from "~/components/i18n";
import { StepDocuments } from "~/components/kyc/step-documents";
import { BackLink, LockedNotice, StepFooter, StepLock, useOnboarding } from "~/components/kyc/step-helpers";
import { compareNikWithData, parseNik } from "~/domain/kyc/nik";
import { requireUser } from "~/infra/auth.server";
import { parseForm } from "~/infra/forms.server";
import { IdentityStepSchema } from "~/schemas/onboarding";
import { saveIdentityStep } from "~/services/onboarding.server";
import { saveStep } from "~/services/step-actions.server";

const NIK_FIELD = Object.fromEntries(["nik_format", "nik_province", "nik_regency", "nik_birthdate", "nik_serial", "validation.required"].map((k) => [k, "nik"]));

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = await parseForm(request, IdentityStepSchema);
  if (!parsed.ok) return parsed.response;
  const saved = await saveStep(() => saveIdentityStep(user, parsed.data), NIK_FIELD, parsed.values);
  if (!saved.ok) return saved.response;
  // Mismatches are warnings: the seller sees them and may continue; the reviewer sees a flag.
  if (saved.value.length) return { saved: true as const, warnings: saved.value };
  return redirect("/seller/onboarding/tax");
}

export default function IdentityStep() {
  const t = useT();
  const { onboarding, ownerName } = useOnboarding();
  const actionData = useActionData<typeof action>();
  const identity = onboarding?.identity;
  const form = useZodForm(IdentityStepSchema, actionData, {
    fullName: identity?.fullName || ownerName,
    birthDate: identity?.birthDate ?? "",
    sex: identity?.sex ?? "",
    nikOnFile: identity?.nikMasked ? "1" : "",
  });
  if (!onboarding) return <LockedNotice reason="onboarding.noShop" />;
  const editable = onboarding.replaceable.includes("ktp");

  // Live check while typing: what the NIK says against what the seller typed.
  const nik = form.watch("nik");
  const birthDate = form.watch("birthDate");
  const sex = form.watch("sex");
  const parsedNik = nik ? parseNik(nik) : null;
  const live = parsedNik?.ok && /^\d{4}-\d{2}-\d{2}$/.test(birthDate ?? "") && (sex === "L" || sex === "P") ? compareNikWithData(parsedNik, { birthDate, sex }) : [];
  // Warnings are about what is on the screen: those of the post just made, or those saved with the NIK on
  // file while the fields still show the saved data. After a refused post the typed data is on the screen,
  // so only the live check speaks.
  const savedNow = actionData && "saved" in actionData;
  const showsSaved = !actionData && !nik && birthDate === (identity?.birthDate ?? "") && sex === (identity?.sex ?? "");
  const stored = savedNow ? actionData.warnings : showsSaved ? (identity?.warnings ?? []) : [];
  const warnings = [...new Set([...stored, ...live])];

  return (
    <section className="narrow">
      <h2>{t("onboarding.step.identity")}</h2>
      <StepLock editable={editable} shopEditable={onboarding.editable} />
      <FormError error={actionData && "errors" in actionData ? actionData.errors?._form : undefined} />
      {warnings.length ? (
        <div className="alert alert--warn" role="status">
          <p>{t("onboarding.identity.warningLead")}</p>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{t(w)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {savedNow ? (
        <p>
          <span role="status">{t("onboarding.savedWithWarnings")}</span>{" "}
          <Link to="/seller/onboarding/tax" className="button">
            {t("onboarding.continue")} →
          </Link>
        </p>
      ) : null}
      <StepDocuments
        kinds={[
          { kind: "ktp", label: t("onboarding.identity.ktpPhoto"), hint: t("onboarding.identity.ktpHint") },
          { kind: "selfie", label: t("onboarding.identity.selfie") },
        ]}
      />
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <fieldset disabled={!editable}>
          <input type="hidden" {...form.register("nikOnFile")} />
          <TextField label={t("onboarding.identity.fullName")} autoComplete="name" error={form.errorOf("fullName")} {...form.register("fullName")} />
          <TextField
            label={t("onboarding.identity.nik")}
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
            error={form.errorOf("nik")}
            hint={identity?.nikMasked ? t("onboarding.identity.nikSaved", { nik: identity.nikMasked }) : undefined}
            {...form.register("nik")}
          />
          <TextField label={t("onboarding.identity.birthDateLabel")} type="date" autoComplete="bday" error={form.errorOf("birthDate")} {...form.register("birthDate")} />
          <SelectField label={t("onboarding.identity.sex")} error={form.errorOf("sex")} {...form.register("sex")}>
            <option value="">{t("onboarding.choose")}</option>
            <option value="L">{t("onboarding.identity.male")}</option>
            <option value="P">{t("onboarding.identity.female")}</option>
          </SelectField>
          <StepFooter submitting={form.submitting} label={savedNow ? "onboarding.saveAgain" : undefined} />
        </fieldset>
      </Form>
      <BackLink to="/seller/onboarding/shop" />
    </section>
  );
}
