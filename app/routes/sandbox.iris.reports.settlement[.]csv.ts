import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { queryParams } from "~/infra/http.server";
import { irisCreatorAuthorized, requireIrisSandbox } from "~/services/sandbox-iris.server";
import { irisSettlementCsv } from "~/services/settlement-reports.server";

// Embedded Iris sandbox: the day's payout settlement report (creator key).
export async function loader({ request }: LoaderFunctionArgs) {
  requireIrisSandbox();
  if (!irisCreatorAuthorized(request.headers.get("Authorization"))) return new Response("Unauthorized", { status: 401 });
  const { date } = queryParams(request, z.object({ date: z.iso.date() }));
  return new Response(await irisSettlementCsv(date), { headers: { "Content-Type": "text/csv; charset=utf-8", "Cache-Control": "no-store" } });
}
