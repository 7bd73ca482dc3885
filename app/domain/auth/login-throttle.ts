// Brute-force protection: failed logins are counted per account and per IP over a sliding window.
export const THROTTLE = {
  windowMinutes: 15,
  maxFailuresPerEmail: 5,
  maxFailuresPerIp: 30,
} as const;

export function isLoginThrottled(failures: { byEmail: number; byIp: number }): boolean {
  return failures.byEmail >= THROTTLE.maxFailuresPerEmail || failures.byIp >= THROTTLE.maxFailuresPerIp;
}
