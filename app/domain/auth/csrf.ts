// A mutating request from another site is refused. Browsers send Origin on every cross-origin POST
// and Sec-Fetch-Site on all modern requests; a request with neither (curl, a server) is not a CSRF vector.
// The whole origin is compared (scheme, host and port): http://lapak.id is another site than https://lapak.id.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The origins a form of this app is posted from. APP_URL's origin when configured; behind a trusted proxy,
 * the Host the proxy passed with the scheme from X-Forwarded-Proto; otherwise, with no APP_URL, the request's
 * own origin (the app itself serves plain http).
 */
export function expectedOrigins(req: { host?: string | null; forwardedProto?: string | null }, config: { appUrl?: string; trustProxy: boolean }): string[] {
  const origins: string[] = [];
  if (config.appUrl) origins.push(new URL(config.appUrl).origin);
  if (req.host) {
    const proto = req.forwardedProto?.split(",")[0]?.trim().toLowerCase();
    if (config.trustProxy) origins.push(`${proto === "https" ? "https" : "http"}://${req.host}`.toLowerCase());
    else if (!config.appUrl) origins.push(`http://${req.host}`.toLowerCase());
  }
  return origins;
}

export function isForeignMutation(method: string, headers: { origin?: string | null; secFetchSite?: string | null }, allowedOrigins: string[]): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (headers.secFetchSite === "cross-site") return true;
  if (!headers.origin) return false;
  if (headers.origin === "null") return true;
  let origin: string;
  try {
    origin = new URL(headers.origin).origin;
  } catch {
    return true;
  }
  return !allowedOrigins.some((allowed) => sameOrigin(allowed, origin));
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
