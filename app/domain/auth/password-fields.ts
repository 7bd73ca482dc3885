/**
 * Form fields that hold a password (password, passwordConfirm, newPassword...). A refused post never sends one back
 * to the browser, and the form empties them, so a mistyped password is typed again rather than sent again.
 */
export function isPasswordField(name: string): boolean {
  return /password/i.test(name);
}
