import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/infra/auth.server";
import { findShopOfOwner, isSlugTaken } from "~/models/shop.server";

/** Live availability check for the shop URL while the seller types. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const slug = (new URL(request.url).searchParams.get("slug") ?? "").trim().toLowerCase();
  const own = await findShopOfOwner(user.id);
  // json(): a resource route's raw object is deprecated under single fetch (React Router 7 will refuse it).
  return json({ slug, available: /^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/.test(slug) && !(await isSlugTaken(slug, own?.id)) });
}
