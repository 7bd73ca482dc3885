import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "~/infra/auth.server";
import { loadOnboarding } from "~/services/onboarding.server";

/** Resume where the seller left off: the first incomplete step, else the review page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const state = await loadOnboarding(user.id);
  if (!state) throw redirect("/seller/onboarding/shop");
  if (!state.editable) throw redirect("/seller/onboarding/review");
  const first = (["shop", "identity", "tax", "bank"] as const).find((s) => !state.complete[s]);
  throw redirect(`/seller/onboarding/${first ?? "review"}`);
}
