import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireIrisSandbox, sandboxPayoutDetails } from "~/services/sandbox-iris.server";
import { replyResponse } from "~/services/sandbox-midtrans.server";

// Embedded Iris sandbox: GET /api/v1/payouts/{reference_no}.
export async function loader({ request, params }: LoaderFunctionArgs) {
  requireIrisSandbox();
  return replyResponse(await sandboxPayoutDetails({ authorization: request.headers.get("Authorization"), referenceNo: params.referenceNo! }));
}
