import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireShopOwner } from "~/infra/auth.server";
import { exportProductsCsv } from "~/services/product-import.server";

/** All of the shop's products as CSV, in the import template's columns (every cell neutralised, see domain/csv.ts). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireShopOwner(request);
  return new Response(await exportProductsCsv(user), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="produk-lapak.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
