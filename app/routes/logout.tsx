import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession } from "~/infra/auth.server";
import { redirectWithFlash } from "~/infra/flash.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const cookie = await endSession(request);
  return redirectWithFlash(request, "/", { kind: "info", key: "auth.loggedOut" }, { "Set-Cookie": cookie });
}
