// Mail that carries a secret (a password-reset token today) is stored in the outbox with a placeholder
// instead of the secret. Only the delivery step turns the placeholder into the real token, which is derived
// from the server's secret and never stored: the outbox table, the admin outbox page and the logs never
// hold a usable token. See docs/decisions/0004-mail-secrets.md.
const PLACEHOLDER = /⟦secret:([a-z-]+):([0-9a-f-]{36})⟧/g;

export function secretPlaceholder(purpose: string, id: string): string {
  return `⟦secret:${purpose}:${id}⟧`;
}

/** The text as an admin may read it: each secret replaced by a label. */
export function redactSecrets(text: string, label: string): string {
  return text.replace(PLACEHOLDER, label);
}

/** The text as the recipient gets it. */
export function revealSecrets(text: string, tokenFor: (purpose: string, id: string) => string): string {
  return text.replace(PLACEHOLDER, (_, purpose: string, id: string) => tokenFor(purpose, id));
}

/** For log lines: the value of any query parameter that carries a token. */
export function redactUrlSecrets(url: string): string {
  return url.replace(/([?&](?:token|code|secret)=)[^&#]*/gi, "$1[redacted]");
}
