import { redirect } from "@remix-run/node";
import { flashStorage } from "./cookies.server";

export type Flash = { kind: "success" | "error" | "info"; key: string };

export async function flashHeader(request: Request, flash: Flash): Promise<string> {
  const session = await flashStorage.getSession(request.headers.get("Cookie"));
  session.flash("flash", flash);
  return flashStorage.commitSession(session);
}

export async function redirectWithFlash(request: Request, to: string, flash: Flash, headers: HeadersInit = {}) {
  const h = new Headers(headers);
  h.append("Set-Cookie", await flashHeader(request, flash));
  return redirect(to, { headers: h });
}

/** Reads (and so consumes) the flash; returns the header that clears it. */
export async function readFlash(request: Request): Promise<{ flash: Flash | null; setCookie: string }> {
  const session = await flashStorage.getSession(request.headers.get("Cookie"));
  const flash = (session.get("flash") as Flash | undefined) ?? null;
  return { flash, setCookie: await flashStorage.commitSession(session) };
}
