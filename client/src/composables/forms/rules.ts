/*
 * Client-side checks that mirror the auth service's rules (subgraphs/auth: session.service.ts, passwords.ts), so
 * a person learns about a mistake before sending. The server checks again; its BAD_USER_INPUT answers are shown
 * next to the same fields. Each check returns an i18n key under `form.errors`, or null when the value is fine.
 */

export const passwordMinLength = 10;
export const passwordMaxLength = 128;
export const displayNameMinLength = 2;
export const displayNameMaxLength = 120;
export const emailMaxLength = 254;

// The server's pattern, applied to the trimmed, lower-cased address.
const emailPattern = /^[^\s@]{1,64}@[^\s@]{1,189}\.[^\s@]{2,}$/;

export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}

export function emailProblem(value: string): string | null {
  const email = normaliseEmail(value);
  if (email === '') return 'form.errors.emailRequired';
  if (email.length > emailMaxLength || !emailPattern.test(email)) return 'form.errors.emailInvalid';
  return null;
}

/** Lengths are counted as the server counts them (UTF-16 code units, JavaScript's `length`). */
export function passwordProblem(value: string): string | null {
  if (value === '') return 'form.errors.passwordRequired';
  if (value.length < passwordMinLength) return 'form.errors.passwordTooShort';
  if (value.length > passwordMaxLength) return 'form.errors.passwordTooLong';
  return null;
}

export function displayNameProblem(value: string): string | null {
  const name = value.trim();
  if (name === '') return 'form.errors.displayNameRequired';
  if (name.length < displayNameMinLength || name.length > displayNameMaxLength) return 'form.errors.displayNameLength';
  return null;
}

export function requiredChoiceProblem(value: string, key: string): string | null {
  return value === '' ? key : null;
}
