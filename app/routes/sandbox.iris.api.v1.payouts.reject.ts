import type { ActionFunctionArgs } from "@remix-run/node";
import { requireIrisSandbox, sandboxRejectPayouts } from "~/services/sandbox-iris.server";
import { readJson, replyResponse } from "~/services/sandbox-midtrans.server";

// Embedded Iris sandbox: POST /api/v1/payouts/reject (approver key).
export async function action({ request }: ActionFunctionArgs) {
  requireIrisSandbox();
  return replyResponse(await sandboxRejectPayouts({ authorization: request.headers.get("Authorization"), body: await readJson(request), now: new Date() }));
}
