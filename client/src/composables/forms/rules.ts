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

/*
 * Two-factor sign-in (subgraphs/auth: totp.service.ts): a code of the authenticator app is 6 digits; a recovery
 * code is two groups of 4 lower-case letters and digits (`abcd-2345`). Spaces are dropped, as apps show
 * "123 456" and people copy them that way.
 */
const totpCodePattern = /^\d{6}$/;
const recoveryCodePattern = /^[a-z2-9]{4}-[a-z2-9]{4}$/;

export function normaliseTotpCode(value: string): string {
  return value.replace(/\s+/g, '');
}

/** A code of the app, or a recovery code (the dash is optional when typed, added here). */
export function normaliseSecondFactorCode(value: string): string {
  const code = value.replace(/\s+/g, '').toLowerCase();
  return /^[a-z2-9]{8}$/.test(code) && !totpCodePattern.test(code) ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

export function totpCodeProblem(value: string): string | null {
  const code = normaliseTotpCode(value);
  if (code === '') return 'form.errors.totpCodeRequired';
  return totpCodePattern.test(code) ? null : 'form.errors.totpCodeFormat';
}

export function secondFactorCodeProblem(value: string): string | null {
  const code = normaliseSecondFactorCode(value);
  if (code === '') return 'form.errors.secondFactorCodeRequired';
  return totpCodePattern.test(code) || recoveryCodePattern.test(code) ? null : 'form.errors.secondFactorCodeFormat';
}
