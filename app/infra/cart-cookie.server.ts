import { createCookie } from "@remix-run/node";
import type { CartOwner } from "~/models/cart.server";
import { secureCookies } from "./env.server";
import { hashToken, newToken } from "./tokens.server";

// Before sign-in the cart belongs to a random token in this cookie; only its SHA-256 is stored.
const cartCookie = createCookie("lapak_cart", { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies(), maxAge: 30 * 24 * 3600 });

async function tokenOf(request: Request): Promise<string | null> {
  const token = await cartCookie.parse(request.headers.get("Cookie"));
  return typeof token === "string" && token.length > 20 ? token : null;
}

/** Whose cart this request reads: the user's, the cookie's, or none yet. */
export async function cartOwnerOf(request: Request, user: { id: string } | null): Promise<CartOwner | null> {
  if (user) return { userId: user.id };
  const token = await tokenOf(request);
  return token ? { anonTokenHash: hashToken(token) } : null;
}

/** For adding to a cart: an anonymous visitor gets a cookie on first add. */
export async function cartOwnerForWrite(request: Request, user: { id: string } | null): Promise<{ owner: CartOwner; setCookie?: string }> {
  const existing = await cartOwnerOf(request, user);
  if (existing) return { owner: existing };
  const { token, hash } = newToken();
  return { owner: { anonTokenHash: hash }, setCookie: await cartCookie.serialize(token) };
}

/** At sign-in: the anonymous cart's key (to merge) and the header that forgets the cookie. */
export async function takeAnonymousCart(request: Request): Promise<{ anonTokenHash: string; clearCookie: string } | null> {
  const token = await tokenOf(request);
  if (!token) return null;
  return { anonTokenHash: hashToken(token), clearCookie: await cartCookie.serialize("", { maxAge: 0 }) };
}
