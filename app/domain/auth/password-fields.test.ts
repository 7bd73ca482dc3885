import { describe, expect, it } from "vitest";
import { isPasswordField } from "./password-fields";

describe("password fields", () => {
  it("are the fields named for a password, in any case", () => {
    expect(["password", "passwordConfirm", "newPassword"].every(isPasswordField)).toBe(true);
    expect(["email", "holderName", "accountNumber", "documentId"].some(isPasswordField)).toBe(false);
  });
});
