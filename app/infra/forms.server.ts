import { data } from "@remix-run/node";
import type { z } from "zod";
import { isPasswordField } from "~/domain/auth/password-fields";
import { env } from "./env.server";

export type FieldErrors = Record<string, string>;

/** First error per field, as i18n keys, in the shape the form components read. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    if (!out[key]) out[key] = issue.message;
  }
  return out;
}

/** Parses form data with the same schema the browser used; on failure returns a 400 with field errors and the typed values. */
export async function parseForm<S extends z.ZodType>(request: Request, schema: S, formData?: FormData) {
  const form = formData ?? (await request.formData());
  const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const parsed = schema.safeParse(values);
  // What was typed goes back with any refusal (here, or later from the service), so nothing typed is lost
  // when the page is rendered again without JavaScript. Passwords are never sent back to the browser.
  const safeValues = Object.fromEntries(Object.entries(values).filter(([k]) => !isPasswordField(k)));
  if (parsed.success) return { ok: true as const, data: parsed.data as z.infer<S>, form, values: safeValues };
  return { ok: false as const, response: data({ errors: fieldErrors(parsed.error), values: safeValues }, { status: 400 }) };
}

export function formError(key: string, status = 400, field = "_form", values: Record<string, string> = {}) {
  return data({ errors: { [field]: key } as FieldErrors, values }, { status });
}

export function clientIp(request: Request): string {
  // Behind a proxy, the first X-Forwarded-For hop is the client (set TRUST_PROXY only when there is one).
  if (env().TRUST_PROXY === "true") {
    const forwarded = request.headers.get("X-Forwarded-For")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return request.headers.get("X-Lapak-Client-Ip") ?? "unknown";
}
