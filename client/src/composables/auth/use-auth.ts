import { computed, readonly, shallowRef } from 'vue';
import { MeDocument, type Me, type Role } from '../../graphql/auth';
import { graphqlClient, resetGraphqlClient } from '../../graphql/client';
import { i18n } from '../../i18n';
import { authorizeUrl, callbackPath, exchangeCode, OAuthError } from './oauth';
import { codeChallengeS256, createCodeVerifier, createState, webCryptoAvailable } from './pkce';
import { endSession, hasStoredSession, onSessionEnded, refreshSession, startSession } from './session';

/** `restoring` until the session kept by this tab (if any) has been checked after a page load. */
export type AuthStatus = 'restoring' | 'anonymous' | 'signed-in';

/**
 * Why a sign-in did not complete, shown by the sign-in page (`/signin?error=…`):
 * - `access_denied`: the person cancelled, or the auth service refused;
 * - `rejected`: the auth service refused the request itself (`invalid_request`, `invalid_scope`, …);
 * - `invalid_state`: the callback does not belong to a sign-in started in this tab (or it was already used);
 * - `invalid_grant`: the code was refused (expired, used, or the verifier did not match);
 * - `unavailable`: the auth service could not be reached;
 * - `insecure_context`: the browser offers no Web Crypto here (plain http on another host than 127.0.0.1);
 * - `account_unavailable`: tokens were issued but the account could not be loaded;
 * - `session_expired`: a session ended on its own (refused refresh).
 */
export const signInErrors = [
  'access_denied',
  'rejected',
  'invalid_state',
  'invalid_grant',
  'unavailable',
  'insecure_context',
  'account_unavailable',
  'session_expired',
] as const;
export type SignInErrorCode = (typeof signInErrors)[number];

export function isSignInErrorCode(value: unknown): value is SignInErrorCode {
  return typeof value === 'string' && (signInErrors as readonly string[]).includes(value);
}

export class SignInError extends Error {
  constructor(readonly code: SignInErrorCode) {
    super(code);
    this.name = 'SignInError';
  }
}

/** What `signIn` keeps across the redirect to the auth service, in this tab's sessionStorage. */
interface PendingSignIn {
  state: string;
  codeVerifier: string;
  returnTo: string | null;
  startedAt: number;
}

const pendingKey = 'stages.auth.pending';
/** A sign-in page left open longer than this must be started again. */
const pendingLifetimeMs = 30 * 60_000;

const user = shallowRef<Me | null>(null);
const status = shallowRef<AuthStatus>('restoring');
let restoring: Promise<void> | null = null;

onSessionEnded(() => {
  user.value = null;
  status.value = 'anonymous';
  resetGraphqlClient();
});

/**
 * A path inside this app to return to after sign-in, or null. Refuses absolute and protocol-relative URLs
 * (`//evil.example`, `/\evil.example`) so the parameter cannot send anyone to another site.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return null;
  }
  if (value.startsWith(callbackPath) || value.startsWith('/signin')) return null;
  return value;
}

function savePending(pending: PendingSignIn): void {
  sessionStorage.setItem(pendingKey, JSON.stringify(pending));
}

/** Reads and removes the pending sign-in: a callback can be completed once. */
function takePending(): PendingSignIn | null {
  try {
    const raw = sessionStorage.getItem(pendingKey);
    sessionStorage.removeItem(pendingKey);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<PendingSignIn>;
    if (typeof value.state !== 'string' || typeof value.codeVerifier !== 'string') return null;
    if (typeof value.startedAt !== 'number' || Date.now() - value.startedAt > pendingLifetimeMs) return null;
    return {
      state: value.state,
      codeVerifier: value.codeVerifier,
      returnTo: safeReturnPath(value.returnTo),
      startedAt: value.startedAt,
    };
  } catch {
    return null;
  }
}

/** Loads `me` with the current access token. */
async function loadMe(): Promise<boolean> {
  const result = await graphqlClient.value.query(MeDocument, {}, { requestPolicy: 'network-only' }).toPromise();
  const me = result.data?.me;
  if (!me) return false;
  user.value = me;
  status.value = 'signed-in';
  return true;
}

/** After a page load: trades this tab's refresh token (if any) for an access token and loads the account. */
export function restoreSession(): Promise<void> {
  restoring ??= (async () => {
    if (!hasStoredSession()) {
      status.value = 'anonymous';
      return;
    }
    const outcome = await refreshSession();
    if (outcome === 'refreshed' && (await loadMe())) return;
    // `ended` already cleared the session; `unavailable` keeps the refresh token for the next page load.
    if (outcome === 'refreshed') await endSession();
    status.value = 'anonymous';
  })();
  return restoring;
}

/**
 * Starts the sign-in: a PKCE verifier and a state for this attempt are kept in this tab's sessionStorage,
 * then the browser goes to the auth service's sign-in page, which comes back to `/auth/callback`.
 */
export async function signIn(returnTo?: string | null): Promise<void> {
  if (!webCryptoAvailable()) throw new SignInError('insecure_context');
  const codeVerifier = createCodeVerifier();
  const state = createState();
  const codeChallenge = await codeChallengeS256(codeVerifier);
  savePending({ state, codeVerifier, returnTo: safeReturnPath(returnTo), startedAt: Date.now() });
  window.location.assign(authorizeUrl({ state, codeChallenge, locale: String(i18n.global.locale.value) }));
}

/**
 * Completes the sign-in from the callback's query: checks the state, exchanges the code with the verifier,
 * keeps the tokens and loads the account. Returns the path to go back to.
 */
export async function completeSignIn(query: {
  code?: unknown;
  state?: unknown;
  error?: unknown;
}): Promise<string | null> {
  // A session restored from this tab must settle first, or its refresh could overwrite the new tokens.
  await restoreSession();
  const pending = takePending();
  if (!pending || typeof query.state !== 'string' || query.state !== pending.state) {
    throw new SignInError('invalid_state');
  }
  if (query.error !== undefined) {
    if (query.error === 'access_denied') throw new SignInError('access_denied');
    const transient = query.error === 'temporarily_unavailable' || query.error === 'server_error';
    throw new SignInError(transient ? 'unavailable' : 'rejected');
  }
  if (typeof query.code !== 'string' || query.code === '') throw new SignInError('invalid_state');

  let tokens;
  try {
    tokens = await exchangeCode(query.code, pending.codeVerifier);
  } catch (error) {
    throw new SignInError(error instanceof OAuthError && error.refused ? 'invalid_grant' : 'unavailable');
  }
  resetGraphqlClient();
  startSession(tokens);
  if (!(await loadMe())) {
    await endSession();
    throw new SignInError('account_unavailable');
  }
  return pending.returnTo;
}

/** Signs out: the tokens are forgotten in this tab and the refresh token is revoked on the server. */
export async function signOut(): Promise<void> {
  await endSession();
  user.value = null;
  status.value = 'anonymous';
}

export function hasAnyRole(account: { readonly roles: readonly Role[] } | null, allowed: readonly Role[]): boolean {
  return account !== null && account.roles.some((role) => allowed.includes(role));
}

/** The signed-in user and the sign-in actions, shared by the whole app. */
export function useAuth() {
  return {
    user: readonly(user),
    status: readonly(status),
    signedIn: computed(() => status.value === 'signed-in' && user.value !== null),
    hasRole: (allowed: readonly Role[]) => hasAnyRole(user.value, allowed),
    restoreSession,
    signIn,
    signOut,
  };
}
