import type { LoaderFunctionArgs } from "@remix-run/node";
import { useT } from "~/components/i18n";
import { titleMeta } from "~/components/meta";
import { requireShopOwner } from "~/infra/auth.server";

export const meta = titleMeta("seller.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireShopOwner(request);
  return null;
}

export default function SellerHome() {
  const t = useT();
  return <h1>{t("seller.title")}</h1>;
}
