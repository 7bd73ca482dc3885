import { env } from "./env.server";

/** Absolute base URL for links in mails: APP_URL in production, else the host the request came to. */
export function appUrlOf(request: Request): string {
  return env().APP_URL ?? new URL(request.url).origin;
}
