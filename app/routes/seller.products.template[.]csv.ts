import type { LoaderFunctionArgs } from "@remix-run/node";
import { productCsvTemplate } from "~/domain/catalog/product-csv";
import { requireShopOwner } from "~/infra/auth.server";

/**
 * The bulk-upload template. `?pemisah=titik-koma` gives ";" as separator: Excel set to Indonesian
 * reads "," files as one column.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireShopOwner(request);
  const semicolon = new URL(request.url).searchParams.get("pemisah") === "titik-koma";
  return new Response(productCsvTemplate({ delimiter: semicolon ? ";" : "," }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="template-produk-lapak.csv"',
      "Cache-Control": "no-store",
    },
  });
}
