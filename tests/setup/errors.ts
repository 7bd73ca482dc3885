import { expect } from "vitest";
import { DomainError } from "../../app/domain/errors";

/** The DomainError a promise rejects with (fails the test when it resolves or throws something else). */
export async function domainErrorOf(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}
