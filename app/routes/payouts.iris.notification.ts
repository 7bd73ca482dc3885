import type { ActionFunctionArgs } from "@remix-run/node";
import { handleIrisNotification } from "~/services/payouts.server";

// Iris payout notification (and the embedded sandbox's). The signature covers the raw body, so it is read as text.
// A 2xx tells the provider to stop retrying; a refused notification gets a 4xx and changes nothing.
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method Not Allowed", { status: 405 });
  const result = await handleIrisNotification(await request.text(), request.headers.get("Iris-Signature"));
  return Response.json(result.outcome === "refused" ? { ok: false, reason: result.reason } : { ok: true, outcome: result.outcome }, { status: result.status });
}

export function loader() {
  return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}
