import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireShopOwner } from "~/infra/auth.server";
import { orHttpError } from "~/infra/http.server";
import { sellerStatementCsv } from "~/services/seller-finance.server";

/** The shop's whole statement (every line of its available balance, with running balance) as CSV. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireShopOwner(request);
  return new Response(await orHttpError(() => sellerStatementCsv(user.id)), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="mutasi-saldo-lapak.csv"', "Cache-Control": "private, no-store" },
  });
}
