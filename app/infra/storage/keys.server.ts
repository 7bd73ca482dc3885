// Keys are made by the server (e.g. shops/{shopId}/kyc/{id}.jpg); anything else is a bug or an attack.
// Segment by segment, so "a//b", "a/./b", "a/" and ".." never reach a driver; the disk driver's own
// sidecar and temp endings are reserved.
const KEY_PATTERN = /^[a-z0-9][a-z0-9_.-]*(\/[a-z0-9][a-z0-9_.-]*)*$/i;

export function assertValidKey(key: string) {
  if (key.length > 400 || !KEY_PATTERN.test(key) || key.includes("..") || /\.(meta\.json|tmp)$/i.test(key)) {
    throw new Error(`Invalid storage key: ${key}`);
  }
}
