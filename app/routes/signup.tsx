import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { FormError, TextField } from "~/components/forms/fields";
import { useZodForm } from "~/components/forms/use-zod-form";
import { useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { DomainError } from "~/domain/errors";
import { getCurrentUser, safeRedirect, startSession } from "~/infra/auth.server";
import { takeAnonymousCart } from "~/infra/cart-cookie.server";
import { redirectWithFlash } from "~/infra/flash.server";
import { clientIp, formError, parseForm } from "~/infra/forms.server";
import { statusOf } from "~/infra/http.server";
import { localeOf } from "~/infra/locale.server";
import { SignupSchema } from "~/schemas/auth";
import { signUp } from "~/services/auth.server";
import { mergeAnonymousCart } from "~/services/cart.server";

export const meta = titleMeta("auth.signupTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getCurrentUser(request)) throw redirect("/");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = await parseForm(request, SignupSchema, form);
  if (!parsed.ok) return parsed.response;
  try {
    const user = await signUp({ ...parsed.data, locale: await localeOf(request) });
    const cookie = await startSession(user.id, { ip: clientIp(request), userAgent: request.headers.get("User-Agent") ?? undefined });
    const headers = new Headers({ "Set-Cookie": cookie });
    const anonCart = await takeAnonymousCart(request);
    if (anonCart) {
      await mergeAnonymousCart(user.id, anonCart.anonTokenHash);
      headers.append("Set-Cookie", anonCart.clearCookie);
    }
    return redirectWithFlash(request, safeRedirect(form.get("redirectTo")), { kind: "success", key: "auth.signedUp" }, headers);
  } catch (error) {
    if (error instanceof DomainError) return formError(error.messageKey, statusOf(error), error.code === "conflict" ? "email" : "_form", parsed.values);
    throw error;
  }
}

export default function Signup() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const form = useZodForm(SignupSchema, actionData);
  return (
    <section className="narrow">
      <h1>{t("auth.signupTitle")}</h1>
      <FormError error={actionData?.errors?._form} />
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <TextField label={t("form.name")} autoComplete="name" error={form.errorOf("name")} {...form.register("name")} />
        <TextField label={t("form.email")} type="email" autoComplete="email" inputMode="email" error={form.errorOf("email")} {...form.register("email")} />
        <TextField label={t("form.password")} type="password" autoComplete="new-password" error={form.errorOf("password")} hint={t("validation.passwordMin")} {...form.register("password")} />
        <TextField label={t("form.passwordConfirm")} type="password" autoComplete="new-password" error={form.errorOf("passwordConfirm")} {...form.register("passwordConfirm")} />
        <button type="submit" disabled={form.submitting}>
          {form.submitting ? t("form.sending") : t("auth.signupButton")}
        </button>
      </Form>
      <p>
        {t("auth.haveAccount")} <Link to="/login">{t("nav.login")}</Link>
      </p>
    </section>
  );
}
