import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

const BASE = "http://lapak.test";

type Args = { cookie?: string; ip?: string; params?: Record<string, string> };

export function getRequest(path: string, opts: Args = {}) {
  return new Request(`${BASE}${path}`, { headers: headers(opts) });
}

export function postForm(path: string, fields: Record<string, string | Blob> | FormData, opts: Args = {}) {
  let body: FormData;
  if (fields instanceof FormData) body = fields;
  else {
    body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
  }
  return new Request(`${BASE}${path}`, { method: "POST", body, headers: headers(opts) });
}

function headers(opts: Args) {
  const h = new Headers();
  if (opts.cookie) h.set("Cookie", opts.cookie);
  h.set("X-Lapak-Client-Ip", opts.ip ?? "10.0.0.1");
  return h;
}

/** Calls a loader/action and returns what Remix would turn into a response: thrown Responses included. */
export async function call<T>(fn: (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<T> | T, request: Request, params: Record<string, string> = {}) {
  try {
    const result = await fn({ request, params, context: {} } as never);
    return { thrown: false as const, result, status: statusOf(result), headers: headersOf(result) };
  } catch (error) {
    if (error instanceof Response) return { thrown: true as const, result: error as unknown as T, status: error.status, headers: error.headers };
    throw error;
  }
}

function statusOf(result: unknown): number {
  if (result instanceof Response) return result.status;
  const init = (result as { init?: { status?: number } } | null)?.init;
  if (result && typeof result === "object" && "type" in result && (result as { type: string }).type === "DataWithResponseInit") return init?.status ?? 200;
  return 200;
}

function headersOf(result: unknown): Headers {
  if (result instanceof Response) return result.headers;
  const init = (result as { init?: { headers?: HeadersInit } } | null)?.init;
  return new Headers(init?.headers);
}

/** The data of a `data()` result or the plain object a loader returned. */
export function payload<T = Record<string, unknown>>(result: unknown): T {
  if (result && typeof result === "object" && "type" in result && (result as { type: string }).type === "DataWithResponseInit") return (result as unknown as { data: T }).data;
  return result as T;
}

/** The session cookie a response sets, ready for the next request. */
export function sessionCookieFrom(h: Headers): string | undefined {
  const all = h.getSetCookie?.() ?? [h.get("Set-Cookie") ?? ""];
  const line = all.find((c) => c.startsWith("lapak_session="));
  return line?.split(";")[0];
}
