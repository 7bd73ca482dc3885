import type { ActionFunctionArgs } from "@remix-run/node";
import { appOrigin } from "~/infra/env.server";
import { readJson, replyResponse, requireSandbox, snapCreate } from "~/services/sandbox-midtrans.server";

// Embedded Midtrans sandbox: Snap "create transaction".
export async function action({ request }: ActionFunctionArgs) {
  requireSandbox();
  if (request.method !== "POST") return new Response("Method Not Allowed", { status: 405 });
  const reply = await snapCreate({
    authorization: request.headers.get("Authorization"),
    body: await readJson(request),
    overrideNotification: request.headers.get("X-Override-Notification"),
    publicBase: appOrigin(),
    now: new Date(),
  });
  return replyResponse(reply);
}

export function loader() {
  requireSandbox();
  return new Response("Method Not Allowed", { status: 405 });
}
