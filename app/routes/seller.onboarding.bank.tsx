import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { FormError } from "~/components/forms/fields";
import { useZodForm } from "~/components/forms/use-zod-form";
import { useT } from "~/components/i18n";
import { BankAccountFields } from "~/components/kyc/bank-account-fields";
import { StepDocuments } from "~/components/kyc/step-documents";
import { BackLink, LockedNotice, StepFooter, StepLock, useOnboarding } from "~/components/kyc/step-helpers";
import { requireUser } from "~/infra/auth.server";
import { parseForm } from "~/infra/forms.server";
import { BankStepSchema } from "~/schemas/onboarding";
import { saveBankStep } from "~/services/onboarding.server";
import { saveStep } from "~/services/step-actions.server";

const ACCOUNT_FIELD = Object.fromEntries(["bank_account_format", "validation.required"].map((k) => [k, "accountNumber"]));

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = await parseForm(request, BankStepSchema);
  if (!parsed.ok) return parsed.response;
  const saved = await saveStep(() => saveBankStep(user, parsed.data), { ...ACCOUNT_FIELD, bank_unknown: "bankCode" }, parsed.values);
  if (!saved.ok) return saved.response;
  return redirect("/seller/onboarding/review");
}

export default function BankStep() {
  const t = useT();
  const { onboarding } = useOnboarding();
  const actionData = useActionData<typeof action>();
  const bank = onboarding?.bank;
  const form = useZodForm(BankStepSchema, actionData, { bankCode: bank?.bankCode ?? "", holderName: bank?.holderName ?? "", accountOnFile: bank?.accountMasked ? "1" : "" });
  if (!onboarding) return <LockedNotice reason="onboarding.noShop" />;
  const editable = onboarding.replaceable.includes("bank_book");
  return (
    <section className="narrow">
      <h2>{t("onboarding.step.bank")}</h2>
      <StepLock editable={editable} shopEditable={onboarding.editable} />
      <FormError error={actionData?.errors?._form} />
      <StepDocuments kinds={[{ kind: "bank_book", label: t("onboarding.bank.photo") }]} />
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <fieldset disabled={!editable}>
          <input type="hidden" {...form.register("accountOnFile")} />
          <BankAccountFields form={form} ktpName={onboarding.identity.fullName} accountHint={bank?.accountMasked ? t("onboarding.bank.accountSaved", { account: bank.accountMasked }) : undefined} />
          <StepFooter submitting={form.submitting} />
        </fieldset>
      </Form>
      <BackLink to="/seller/onboarding/tax" />
    </section>
  );
}
