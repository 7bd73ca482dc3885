// Typed error kinds; app/infra/http.server.ts maps each to an HTTP status in one place.
export type DomainErrorCode =
  | "not_found"
  | "forbidden"
  | "unauthenticated"
  | "conflict"
  | "invalid_transition"
  | "validation"
  | "rate_limited";

export class DomainError extends Error {
  constructor(
    public readonly code: DomainErrorCode,
    public readonly messageKey: string,
    public readonly vars?: Record<string, string | number>,
  ) {
    super(`${code}: ${messageKey}`);
    this.name = "DomainError";
  }
}
