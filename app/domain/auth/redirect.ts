// Where to send a user after login, sign-up or a language switch. The target is resolved the way a browser
// would resolve a Location header against the app's own origin (tabs and newlines dropped, backslashes read
// as slashes, "//host" as another host), and only a path on that same origin is accepted. The result is the
// serialised path, so no control character ever reaches a Location header.
export function sameOriginPath(target: unknown, appOrigin: string, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/")) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(target, appOrigin);
  } catch {
    return fallback;
  }
  if (resolved.origin !== new URL(appOrigin).origin) return fallback;
  // "/..//evil.example" normalises to the path "//evil.example", which a browser reads as a host.
  const path = resolved.pathname.replace(/^\/+/, "/");
  return `${path}${resolved.search}${resolved.hash}`;
}

/** Where a log-in lands when nothing asked for a page: the admin's desk, the seller's shop, else the shop front. */
export function homeAfterLogin(user: { isAdmin: boolean; hasShop: boolean }): string {
  if (user.isAdmin) return "/admin";
  return user.hasShop ? "/seller" : "/";
}
