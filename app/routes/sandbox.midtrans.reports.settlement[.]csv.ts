import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { queryParams } from "~/infra/http.server";
import { isAuthorized, requireSandbox } from "~/services/sandbox-midtrans.server";
import { midtransSettlementCsv } from "~/services/settlement-reports.server";

// Embedded Midtrans sandbox: the day's settlement report (server key).
export async function loader({ request }: LoaderFunctionArgs) {
  requireSandbox();
  if (!isAuthorized(request.headers.get("Authorization"))) return new Response("Unauthorized", { status: 401 });
  const { date } = queryParams(request, z.object({ date: z.iso.date() }));
  return new Response(await midtransSettlementCsv(date), { headers: { "Content-Type": "text/csv; charset=utf-8", "Cache-Control": "no-store" } });
}
