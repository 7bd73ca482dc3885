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

/** Reads (and so consumes) the flash; returns the header that clears it (null when there was none to clear). */
export async function readFlash(request: Request): Promise<{ flash: Flash | null; setCookie: string | null }> {
  const cookie = request.headers.get("Cookie");
  // Most requests carry no flash: no cookie to parse, and no signed cookie to write back on every page.
  if (!cookie?.includes("lapak_flash=")) return { flash: null, setCookie: null };
  const session = await flashStorage.getSession(cookie);
  const flash = (session.get("flash") as Flash | undefined) ?? null;
  return { flash, setCookie: flash ? await flashStorage.commitSession(session) : null };
}
