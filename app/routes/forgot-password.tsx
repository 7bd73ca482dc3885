import type { ActionFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { FormError, TextField } from "~/components/forms/fields";
import { useZodForm } from "~/components/forms/use-zod-form";
import { useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { DomainError } from "~/domain/errors";
import { clientIp, formError, parseForm } from "~/infra/forms.server";
import { statusOf } from "~/infra/http.server";
import { ForgotPasswordSchema } from "~/schemas/auth";
import { requestPasswordReset } from "~/services/auth.server";

export const meta = titleMeta("auth.forgotTitle");

export async function action({ request }: ActionFunctionArgs) {
  const parsed = await parseForm(request, ForgotPasswordSchema);
  if (!parsed.ok) return parsed.response;
  try {
    await requestPasswordReset(parsed.data.email, clientIp(request));
  } catch (error) {
    if (error instanceof DomainError) return formError(error.messageKey, statusOf(error));
    throw error;
  }
  return { sent: true as const };
}

export default function ForgotPassword() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const form = useZodForm(ForgotPasswordSchema, actionData);
  if (actionData && "sent" in actionData) {
    return (
      <section className="narrow">
        <h1>{t("auth.forgotTitle")}</h1>
        <div className="alert alert--success" role="status">
          {t("auth.forgotSent")}
        </div>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t("auth.forgotTitle")}</h1>
      <p>{t("auth.forgotLead")}</p>
      <FormError error={actionData?.errors?._form} />
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <TextField label={t("form.email")} type="email" autoComplete="email" inputMode="email" error={form.errorOf("email")} {...form.register("email")} />
        <button type="submit" disabled={form.submitting}>
          {t("auth.forgotButton")}
        </button>
      </Form>
    </section>
  );
}
