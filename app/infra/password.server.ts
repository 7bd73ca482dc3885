import { hash, verify } from "@node-rs/argon2";
import { env } from "./env.server";

// argon2id with the library's defaults (OWASP-recommended: 19 MiB, 2 passes). The test suite sets
// PASSWORD_HASH_COST=test (refused in production): 1 MiB, 1 pass, about a tenth of the time, for the suite's many
// sign-ups and log-ins. What a test checks of a hash (argon2id, verifies, salted) is the same at either cost.
const TEST_COST = { memoryCost: 1024, timeCost: 1 };

export function hashPassword(password: string): Promise<string> {
  return env().PASSWORD_HASH_COST === "test" ? hash(password, TEST_COST) : hash(password);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}
