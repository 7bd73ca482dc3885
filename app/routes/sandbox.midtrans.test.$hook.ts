import type { ActionFunctionArgs } from "@remix-run/node";
import { readJson, replyResponse, requireSandbox, runTestHook } from "~/services/sandbox-midtrans.server";

// Embedded sandbox test hooks (notify with a given status, replay, reorder, expire, deliver now). Server key required.
export async function action({ request, params }: ActionFunctionArgs) {
  requireSandbox();
  const reply = await runTestHook({ authorization: request.headers.get("Authorization"), hook: params.hook!, body: (await readJson(request)) ?? {}, now: new Date() });
  return replyResponse(reply);
}
