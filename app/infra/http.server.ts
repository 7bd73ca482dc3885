import type { z } from "zod";
import { DomainError, type DomainErrorCode } from "~/domain/errors";
import { isCleanText } from "~/schemas/params";

const STATUS: Record<DomainErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  conflict: 409,
  invalid_transition: 409,
  validation: 400,
  rate_limited: 429,
};

export function statusOf(error: DomainError): number {
  return STATUS[error.code];
}

export function badRequest(): never {
  throw new Response("Bad Request", { status: 400, statusText: "Bad Request" });
}

export function forbidden(): never {
  throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

export function notFound(): never {
  throw new Response("Not Found", { status: 404, statusText: "Not Found" });
}

/** An upload's body must be multipart/form-data: a plain form post or a script's JSON is a 400, not a parse error (500). */
export function requireMultipart(request: Request) {
  if (!/^multipart\/form-data\s*;/i.test(request.headers.get("Content-Type") ?? "")) badRequest();
}

/** The database (or another service the page needs) is away for now: the error page says so and asks to retry. */
export function serviceUnavailable(): Response {
  return new Response("Service Unavailable", { status: 503, statusText: "Service Unavailable", headers: { "Retry-After": "5", "Cache-Control": "no-store" } });
}

/** Runs a use case and turns a DomainError into a thrown Response with the right status. */
export async function orHttpError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) {
      throw new Response(error.messageKey, { status: statusOf(error), statusText: error.code });
    }
    throw error;
  }
}

/**
 * For pages that show a full NIK, NPWP or account number: no browser or proxy keeps a copy. Set on the loader's
 * data and re-exported as the route's `headers` so the document response carries it too.
 */
export const NO_STORE = { "Cache-Control": "private, no-store" } as const;
export const noStoreHeaders = () => NO_STORE;

/**
 * The path parameters of a route, checked by `schema` (see app/schemas/params.ts). A value that cannot
 * name anything (not a UUID, a NUL byte in a slug) is a 404 before any query runs.
 */
export function routeParams<S extends z.ZodType>(params: Record<string, string | undefined>, schema: S): z.output<S> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) notFound();
  return parsed.data;
}

/**
 * The query string, checked by `schema`: a control character in any name or value, or a value the schema
 * refuses, is a 400 with the normal error page. Schemas that prefer to ignore a stale value use `.catch()`.
 * Names in `many` may repeat (`?order=a&order=b`) and are read as arrays; any other name keeps its last value.
 */
export function queryParams<S extends z.ZodType>(from: Request | URL, schema: S, options: { many?: readonly string[] } = {}): z.output<S> {
  const url = from instanceof URL ? from : new URL(from.url);
  const entries = [...url.searchParams];
  if (entries.some(([k, v]) => !isCleanText(k) || !isCleanText(v))) badRequest();
  const values: Record<string, string | string[]> = Object.fromEntries(entries);
  for (const name of options.many ?? []) values[name] = url.searchParams.getAll(name);
  const parsed = schema.safeParse(values);
  if (!parsed.success) badRequest();
  return parsed.data;
}

/**
 * Reads an opaque pagination cursor (base64url of a JSON array) and checks its whole shape with `schema`.
 * Anything else (not base64, not JSON, a wrong type, a non-UUID id) is undefined: the first page.
 */
export function decodeCursor<S extends z.ZodType>(cursor: string | null | undefined, schema: S): z.output<S> | undefined {
  if (!cursor || cursor.length > 300) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

export function encodeCursor(values: readonly unknown[]) {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}
