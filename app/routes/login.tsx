import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { FormError, TextField } from "~/components/forms/fields";
import { useZodForm } from "~/components/forms/use-zod-form";
import { useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { homeAfterLogin } from "~/domain/auth/redirect";
import { DomainError } from "~/domain/errors";
import { getCurrentUser, safeRedirect, startSession } from "~/infra/auth.server";
import { takeAnonymousCart } from "~/infra/cart-cookie.server";
import { redirectWithFlash } from "~/infra/flash.server";
import { clientIp, formError, parseForm } from "~/infra/forms.server";
import { statusOf } from "~/infra/http.server";
import { LoginSchema } from "~/schemas/auth";
import { logIn } from "~/services/auth.server";
import { mergeAnonymousCart } from "~/services/cart.server";

export const meta = titleMeta("auth.loginTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getCurrentUser(request)) throw redirect("/");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = await parseForm(request, LoginSchema);
  if (!parsed.ok) return parsed.response;
  try {
    const ip = clientIp(request);
    const user = await logIn(parsed.data, ip);
    const cookie = await startSession(user.id, { ip, userAgent: request.headers.get("User-Agent") ?? undefined });
    const headers = new Headers({ "Set-Cookie": cookie });
    const anonCart = await takeAnonymousCart(request);
    if (anonCart) {
      await mergeAnonymousCart(user.id, anonCart.anonTokenHash);
      headers.append("Set-Cookie", anonCart.clearCookie);
    }
    // Back to the page that asked for a log-in; else where this user works (homeAfterLogin).
    const home = homeAfterLogin({ isAdmin: user.isAdmin, hasShop: Boolean(user.shop) });
    return redirectWithFlash(request, safeRedirect(parsed.data.redirectTo, home), { kind: "success", key: "auth.loggedIn" }, headers);
  } catch (error) {
    // The email comes back (also without JavaScript); the password never does.
    if (error instanceof DomainError) return formError(error.messageKey, statusOf(error), "_form", parsed.values);
    throw error;
  }
}

export default function Login() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const form = useZodForm(LoginSchema, actionData);
  return (
    <section className="narrow">
      <h1>{t("auth.loginTitle")}</h1>
      <FormError error={actionData?.errors?._form} />
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField label={t("form.email")} type="email" autoComplete="email" inputMode="email" error={form.errorOf("email")} {...form.register("email")} />
        <TextField label={t("form.password")} type="password" autoComplete="current-password" error={form.errorOf("password")} {...form.register("password")} />
        <button type="submit" disabled={form.submitting}>
          {form.submitting ? t("form.sending") : t("auth.loginButton")}
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">{t("auth.forgot")}</Link>
      </p>
      <p>
        {t("auth.noAccount")} <Link to={`/signup${params.get("redirectTo") ? `?redirectTo=${encodeURIComponent(params.get("redirectTo")!)}` : ""}`}>{t("nav.signup")}</Link>
      </p>
    </section>
  );
}
