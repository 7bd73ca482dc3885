// Keys are made by the server (e.g. shops/{shopId}/kyc/{id}.webp); anything else is a bug or an attack.
const KEY_PATTERN = /^[a-z0-9][a-z0-9/_.-]{0,400}$/i;

export function assertValidKey(key: string) {
  if (!KEY_PATTERN.test(key) || key.includes("..") || key.includes("//")) throw new Error(`Invalid storage key: ${key}`);
}
