import type { ActionFunctionArgs } from "@remix-run/node";
import { handleMidtransNotification } from "~/services/payments.server";

// Midtrans HTTP notification (and the embedded sandbox's). A 2xx tells the gateway to stop retrying; a refused
// notification gets a 4xx with a short reason and changes nothing.
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method Not Allowed", { status: 405 });
  let body: unknown = null;
  try {
    body = await request.json();
  } catch {
    // handled as malformed below
  }
  const result = await handleMidtransNotification(body);
  return Response.json(result.outcome === "refused" ? { ok: false, reason: result.reason } : { ok: true, outcome: result.outcome }, { status: result.status });
}

export function loader() {
  return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}
