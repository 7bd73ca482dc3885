import { DomainError, type DomainErrorCode } from "~/domain/errors";

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

export function forbidden(): never {
  throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

export function notFound(): never {
  throw new Response("Not Found", { status: 404, statusText: "Not Found" });
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
