// A mutating request from another site is refused. Browsers send Origin on every cross-origin POST
// and Sec-Fetch-Site on all modern requests; a request with neither (curl, a server) is not a CSRF vector.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isForeignMutation(method: string, headers: { origin?: string | null; host?: string | null; secFetchSite?: string | null }): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (headers.secFetchSite === "cross-site") return true;
  if (!headers.origin) return false;
  if (headers.origin === "null") return true;
  try {
    return new URL(headers.origin).host !== headers.host;
  } catch {
    return true;
  }
}
