import { expect } from "vitest";
import { DomainError } from "../../app/domain/errors";

/** Expects the promise to fail with a DomainError of this code (and message key, when given). */
export async function rejects(p: Promise<unknown>, code: string, key?: string) {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  if (key) expect((error as DomainError).messageKey).toBe(key);
}
