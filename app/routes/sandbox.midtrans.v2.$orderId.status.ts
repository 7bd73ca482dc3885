import type { LoaderFunctionArgs } from "@remix-run/node";
import { replyResponse, requireSandbox, sandboxStatus } from "~/services/sandbox-midtrans.server";

// Embedded Midtrans sandbox: GET /v2/{order_id}/status.
export async function loader({ request, params }: LoaderFunctionArgs) {
  requireSandbox();
  return replyResponse(await sandboxStatus({ authorization: request.headers.get("Authorization"), orderId: params.orderId! }));
}
