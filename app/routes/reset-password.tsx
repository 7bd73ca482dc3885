import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError, TextField } from "~/components/forms/fields";
import { useZodForm } from "~/components/forms/use-zod-form";
import { useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { DomainError } from "~/domain/errors";
import { redirectWithFlash } from "~/infra/flash.server";
import { formError, parseForm } from "~/infra/forms.server";
import { hashToken } from "~/infra/tokens.server";
import { findUsableResetToken } from "~/models/password-reset.server";
import { ResetPasswordSchema } from "~/schemas/auth";
import { resetPassword } from "~/services/auth.server";

export const meta = titleMeta("auth.resetTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const usable = token ? Boolean(await findUsableResetToken(hashToken(token), new Date())) : false;
  return { token, usable };
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = await parseForm(request, ResetPasswordSchema);
  if (!parsed.ok) return parsed.response;
  try {
    await resetPassword(parsed.data.token, parsed.data.password);
  } catch (error) {
    if (error instanceof DomainError) return formError(error.messageKey, 400);
    throw error;
  }
  return redirectWithFlash(request, "/login", { kind: "success", key: "auth.resetDone" });
}

export default function ResetPassword() {
  const t = useT();
  const { token, usable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = useZodForm(ResetPasswordSchema, actionData, { token });
  if (!usable) {
    return (
      <section className="narrow">
        <h1>{t("auth.resetTitle")}</h1>
        <div className="alert alert--error" role="alert">
          {t("auth.resetInvalid")}
        </div>
        <Link to="/forgot-password">{t("auth.forgotButton")}</Link>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t("auth.resetTitle")}</h1>
      <FormError error={actionData?.errors?._form} />
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" {...form.register("token")} />
        <TextField label={t("form.password")} type="password" autoComplete="new-password" error={form.errorOf("password")} {...form.register("password")} />
        <TextField label={t("form.passwordConfirm")} type="password" autoComplete="new-password" error={form.errorOf("passwordConfirm")} {...form.register("passwordConfirm")} />
        <button type="submit" disabled={form.submitting}>
          {t("auth.resetButton")}
        </button>
      </Form>
    </section>
  );
}
