import { describe, expect, it } from "vitest";
import { redactSecrets, redactUrlSecrets, revealSecrets, secretPlaceholder } from "./secrets";

const ID = "0b0c3a52-6a43-4a3e-9a36-0a6c4f1f2a11";

describe("secrets in mail", () => {
  const text = `Buka http://lapak.test/reset-password?token=${secretPlaceholder("password-reset", ID)} dalam 1 jam`;

  it("shows admins the mail with the token hidden", () => {
    expect(redactSecrets(text, "[disembunyikan]")).toBe("Buka http://lapak.test/reset-password?token=[disembunyikan] dalam 1 jam");
  });

  it("gives the recipient the real token", () => {
    expect(revealSecrets(text, (purpose, id) => `${purpose}/${id}`)).toBe(`Buka http://lapak.test/reset-password?token=password-reset/${ID} dalam 1 jam`);
  });

  it("keeps tokens out of logged URLs", () => {
    expect(redactUrlSecrets("/reset-password?token=abc-DEF_123&x=1")).toBe("/reset-password?token=[redacted]&x=1");
    expect(redactUrlSecrets("/cari?q=token")).toBe("/cari?q=token");
  });
});
