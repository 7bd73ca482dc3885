import { DomainError } from "~/domain/errors";
import { formError } from "~/infra/forms.server";
import { statusOf } from "~/infra/http.server";

/**
 * Runs a wizard step's save; a DomainError becomes a field or form error, never a crash, sent back with
 * the `values` that were typed so the form comes back filled in.
 */
export async function saveStep<T>(work: () => Promise<T>, fieldFor: Record<string, string> = {}, values: Record<string, string> = {}) {
  try {
    return { ok: true as const, value: await work() };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false as const, response: formError(error.messageKey, statusOf(error), fieldFor[error.messageKey] ?? "_form", values) };
    throw error;
  }
}
