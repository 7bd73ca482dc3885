// Brute-force protection without handing strangers a way to lock owners out. Failed logins are counted
// per (account, address) and per address over a sliding window. A lock therefore only ever applies to the
// address that failed: the owner signing in from their own phone or laptop is never refused because someone
// else guessed wrong. One address guessing many accounts is stopped by the per-address count.
// The count is taken and the attempt reserved under a lock before the password is checked (see
// app/models/login-attempt.server.ts), so a burst of parallel guesses gets at most the limit checked.
export const THROTTLE = {
  windowMinutes: 15,
  maxFailuresPerAccountAndAddress: 5,
  maxFailuresPerAddress: 30,
} as const;

export interface RecentFailures {
  /** failures for this account from this address since the window opened (or since its last success there) */
  byAccountAndAddress: number;
  /** failures from this address, any account */
  byAddress: number;
}

export function isLoginThrottled(failures: RecentFailures): boolean {
  return failures.byAccountAndAddress >= THROTTLE.maxFailuresPerAccountAndAddress || failures.byAddress >= THROTTLE.maxFailuresPerAddress;
}

// Password-reset requests, counted whether or not the email is registered (so the answer reveals nothing):
// a few per account so a user is not mail-bombed, more per address for a shared office or campus network.
export const RESET_THROTTLE = {
  windowMinutes: 60,
  maxPerAccount: 3,
  maxPerAddress: 10,
} as const;
