import type { ActionFunctionArgs } from "@remix-run/node";
import { readJson, replyResponse, requireSandbox, sandboxRefund } from "~/services/sandbox-midtrans.server";

// Embedded Midtrans sandbox: POST /v2/{order_id}/refund (idempotent by refund_key).
export async function action({ request, params }: ActionFunctionArgs) {
  requireSandbox();
  const reply = await sandboxRefund({ authorization: request.headers.get("Authorization"), orderId: params.orderId!, body: await readJson(request), now: new Date() });
  return replyResponse(reply);
}
