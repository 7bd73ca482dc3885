import { createCookie, createCookieSessionStorage } from "@remix-run/node";
import { env, secureCookies } from "./env.server";

const SESSION_DAYS = 30;
export const SESSION_TTL_MS = SESSION_DAYS * 24 * 3600 * 1000;

// Holds only a random token; the session itself lives in the sessions table and can be revoked.
export const sessionCookie = createCookie("lapak_session", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure: secureCookies(),
  maxAge: SESSION_DAYS * 24 * 3600,
});

export const localeCookie = createCookie("lapak_lang", {
  httpOnly: false,
  sameSite: "lax",
  path: "/",
  secure: secureCookies(),
  maxAge: 365 * 24 * 3600,
});

// One-shot messages after a redirect ("Akun berhasil dibuat"), stored as i18n keys.
export const flashStorage = createCookieSessionStorage<Record<string, never>, { flash: { kind: "success" | "error" | "info"; key: string } }>({
  cookie: {
    name: "lapak_flash",
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookies(),
    secrets: [env().SESSION_SECRET],
  },
});
