import { redirect } from "@remix-run/node";
import { type Permission, permissionsOf, type Principal, rolesOf } from "~/domain/auth/permissions";
import { deleteSessionByTokenHash, findLiveSession, insertSession } from "~/models/session.server";
import { sessionCookie, SESSION_TTL_MS } from "./cookies.server";
import { sameOriginPath } from "~/domain/auth/redirect";
import { db } from "./db.server";
import { appOrigin } from "./env.server";
import { forbidden } from "./http.server";
import { hashToken, newToken } from "./tokens.server";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  locale: string;
  shopStatus: string | null;
  roles: ReturnType<typeof rolesOf>;
  permissions: Permission[];
  sessionTokenHash: string;
}

async function sessionTokenOf(request: Request): Promise<string | null> {
  const token = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof token === "string" && token.length > 20 ? token : null;
}

/** The one way to load who is asking. Cached per request object. */
const cache = new WeakMap<Request, Promise<CurrentUser | null>>();
export function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  let pending = cache.get(request);
  if (!pending) {
    pending = loadCurrentUser(request);
    cache.set(request, pending);
  }
  return pending;
}

async function loadCurrentUser(request: Request): Promise<CurrentUser | null> {
  const token = await sessionTokenOf(request);
  if (!token) return null;
  const tokenHash = hashToken(token);
  const session = await findLiveSession(tokenHash, new Date());
  if (!session) return null;
  const { shopStatus } = session;
  const principal: Principal = { isAdmin: session.user.isAdmin, shopStatus };
  return {
    ...session.user,
    shopStatus,
    roles: rolesOf(principal),
    permissions: [...permissionsOf(principal)],
    sessionTokenHash: tokenHash,
  };
}

export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

export async function requirePermission(request: Request, permission: Permission): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!user.permissions.includes(permission)) forbidden();
  return user;
}

export async function requireAdmin(request: Request): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!user.isAdmin) forbidden();
  return user;
}

/** Seller areas: the caller must own a shop (any state). */
export async function requireShopOwner(request: Request): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!user.shopStatus) forbidden();
  return user;
}

export async function startSession(userId: string, meta: { ip?: string; userAgent?: string }): Promise<string> {
  const { token, hash } = newToken();
  await insertSession(db(), { tokenHash: hash, userId, expiresAt: new Date(Date.now() + SESSION_TTL_MS), ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) });
  return sessionCookie.serialize(token);
}

export async function endSession(request: Request): Promise<string> {
  const token = await sessionTokenOf(request);
  if (token) await deleteSessionByTokenHash(hashToken(token));
  return sessionCookie.serialize("", { maxAge: 0 });
}

/** The one check for every redirectTo: only a path on the app's own origin, so a crafted link cannot bounce a user to another site. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  return sameOriginPath(to, appOrigin(), fallback);
}
