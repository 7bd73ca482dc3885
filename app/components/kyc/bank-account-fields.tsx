import { SelectField, TextField } from "~/components/forms/fields";
import type { useZodForm } from "~/components/forms/use-zod-form";
import { holderNameMatches } from "~/domain/kyc/bank-account";
import { BANKS, findBank } from "~/domain/kyc/banks";
import { useT } from "../i18n";

/**
 * Bank, account number and holder: onboarding's bank step and a payout account change ask the same way. A holder
 * name that is not the KTP name is a warning (the admin sees it as a flag), never a refusal.
 */
export function BankAccountFields({ form, ktpName, accountHint }: { form: ReturnType<typeof useZodForm>; ktpName: string; accountHint?: string }) {
  const t = useT();
  const bankCode = form.watch("bankCode");
  const holder = form.watch("holderName");
  const lengths = findBank(bankCode ?? "")?.typicalLengths ?? [];
  const holderWarning = holder && ktpName && !holderNameMatches(holder, ktpName) ? t("bank_holder_name_mismatch") : null;
  return (
    <>
      <SelectField label={t("onboarding.bank.bank")} error={form.errorOf("bankCode")} {...form.register("bankCode")}>
        <option value="">{t("onboarding.choose")}</option>
        {BANKS.map((b) => (
          <option key={b.code} value={b.code}>
            {b.name} ({b.code})
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("onboarding.bank.account")}
        inputMode="numeric"
        autoComplete="off"
        error={form.errorOf("accountNumber")}
        hint={accountHint ?? (lengths.length ? t("onboarding.bank.accountHint", { lengths: lengths.join("/") }) : undefined)}
        {...form.register("accountNumber")}
      />
      <TextField label={t("onboarding.bank.holder")} error={form.errorOf("holderName")} hint={t("onboarding.bank.holderHint")} warning={holderWarning} {...form.register("holderName")} />
    </>
  );
}
