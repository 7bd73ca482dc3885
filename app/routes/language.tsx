import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { isLocale } from "~/i18n/i18n";
import { getCurrentUser, safeRedirect } from "~/infra/auth.server";
import { localeCookie } from "~/infra/cookies.server";
import { setUserLocale } from "~/models/user.server";

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get("locale");
  if (!isLocale(locale)) throw new Response("Bad locale", { status: 400 });
  const user = await getCurrentUser(request);
  // Remembered on the account too, so mails go out in the language the user chose.
  if (user) await setUserLocale(user.id, locale);
  return redirect(safeRedirect(form.get("redirectTo")), { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}

export async function loader() {
  return redirect("/");
}
