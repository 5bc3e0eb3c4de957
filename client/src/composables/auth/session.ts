import { shallowRef } from 'vue';
import { OAuthError, refreshTokens, revokeToken, type TokenSet } from './oauth';

/*
 * The tokens of the signed-in session. No Vue component, router or GraphQL here: the GraphQL client reads the
 * access token from this module, and `use-auth.ts` builds the signed-in user on top of it.
 *
 * Where the tokens live, and why:
 * - The access token (a 15-minute bearer JWT) stays in memory only. It never reaches Web Storage, so nothing that
 *   reads storage later (another script, a shared computer's profile, a crash dump of the disk) finds it.
 * - The refresh token is in sessionStorage, so a reload or a deep link in the same tab keeps the session (the
 *   app trades it for a new access token on start). sessionStorage belongs to this tab and disappears with it:
 *   other tabs and the next browser session never see it, unlike localStorage. It is still readable by script
 *   on this origin, which is why it is rotated on every use (a stolen copy that is replayed revokes the whole
 *   session, RFC 9700), and why the gateway's CSP only runs scripts from this origin. An httpOnly cookie would
 *   hide it from script entirely, but needs the server to set it (a backend-for-frontend); the OAuth contract
 *   here returns tokens in JSON to a public client.
 * - Rotation has one consequence for tabs: a tab duplicated by the browser copies sessionStorage, and whichever
 *   copy refreshes second presents an already-used token, which ends the session in both tabs (by design of the
 *   server's reuse detection). Signing in again fixes it.
 */

const refreshTokenKey = 'stages.auth.refreshToken';
/** Refresh this long before the access token expires. */
const refreshMarginMs = 60_000;
/** A refresh that could not reach the server is tried again after this delay. */
const retryDelayMs = 30_000;
/** The largest delay setTimeout accepts (about 24.8 days). */
const maxTimerMs = 2_147_483_647;

export type SessionEndReason = 'signed-out' | 'expired';
/** `ended`: the server refused the refresh token (used, expired, revoked) and the session is over. */
export type RefreshOutcome = 'refreshed' | 'ended' | 'unavailable';

const accessToken = shallowRef<string | null>(null);
let expiresAt = 0;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<RefreshOutcome> | null = null;
const endListeners = new Set<(reason: SessionEndReason) => void>();

// Fallback when sessionStorage is unavailable (strict privacy settings): the session then ends with the page.
let memoryRefreshToken: string | null = null;

function readStorage(): string | null {
  try {
    return sessionStorage.getItem(refreshTokenKey) ?? memoryRefreshToken;
  } catch {
    return memoryRefreshToken;
  }
}

function writeStorage(value: string | null): void {
  memoryRefreshToken = value;
  try {
    if (value === null) sessionStorage.removeItem(refreshTokenKey);
    else sessionStorage.setItem(refreshTokenKey, value);
  } catch {
    // Kept in memory only (see readStorage).
  }
}

function clearTimer(): void {
  if (refreshTimer !== undefined) clearTimeout(refreshTimer);
  refreshTimer = undefined;
}

function scheduleRefresh(delayMs: number): void {
  clearTimer();
  refreshTimer = setTimeout(() => {
    refreshTimer = undefined;
    void refreshSession().then((outcome) => {
      if (outcome === 'unavailable' && accessToken.value !== null) scheduleRefresh(retryDelayMs);
    });
  }, Math.min(Math.max(delayMs, 0), maxTimerMs));
}

/** The access token to send, or null when signed out. It may be close to expiry: see `accessTokenExpiring`. */
export function currentAccessToken(): string | null {
  return accessToken.value;
}

/** True when an access token exists but expires within the refresh margin (a timer may have been throttled). */
export function accessTokenExpiring(now = Date.now()): boolean {
  return accessToken.value !== null && now >= expiresAt - refreshMarginMs;
}

/** Whether this tab holds a refresh token (a session to restore after a reload). */
export function hasStoredSession(): boolean {
  return readStorage() !== null;
}

/** Adopts the tokens of a sign-in or a refresh and plans the next refresh ~60 s before the access token expires. */
export function startSession(tokens: TokenSet): void {
  const lifetimeMs = tokens.expiresIn * 1000;
  accessToken.value = tokens.accessToken;
  expiresAt = Date.now() + lifetimeMs;
  writeStorage(tokens.refreshToken);
  // Very short lifetimes (tests, misconfiguration) refresh at half-life rather than immediately.
  scheduleRefresh(Math.max(lifetimeMs - refreshMarginMs, lifetimeMs / 2));
}

/** Forgets the session in this tab (memory, storage, timer) without telling the server. */
export function clearSession(reason: SessionEndReason): void {
  const hadSession = accessToken.value !== null || readStorage() !== null;
  clearTimer();
  accessToken.value = null;
  expiresAt = 0;
  writeStorage(null);
  if (hadSession) for (const listener of endListeners) listener(reason);
}

/**
 * Trades the refresh token for new tokens. Concurrent callers share one request: the token is rotated, so a
 * second request with the same token would look like a replay and end the session.
 */
export function refreshSession(): Promise<RefreshOutcome> {
  refreshing ??= (async (): Promise<RefreshOutcome> => {
    const refreshToken = readStorage();
    if (refreshToken === null) {
      clearSession('expired');
      return 'ended';
    }
    try {
      startSession(await refreshTokens(refreshToken));
      return 'refreshed';
    } catch (error) {
      if (error instanceof OAuthError && error.refused) {
        clearSession('expired');
        return 'ended';
      }
      return 'unavailable';
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** Signs out: forgets the session here, then asks the server to revoke the refresh token (best effort). */
export async function endSession(): Promise<void> {
  const refreshToken = readStorage();
  // Wait for a refresh in flight, or it could store a new token after the sign-out.
  if (refreshing) await refreshing.catch(() => undefined);
  const latest = readStorage() ?? refreshToken;
  clearSession('signed-out');
  if (latest !== null) await revokeToken(latest);
}

/** Called whenever the session ends, whether signed out or refused by the server. Returns an unsubscribe. */
export function onSessionEnded(listener: (reason: SessionEndReason) => void): () => void {
  endListeners.add(listener);
  return () => endListeners.delete(listener);
}

// A laptop waking up or a tab coming back to the foreground may have missed the timer: catch up at once.
if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && accessTokenExpiring()) void refreshSession();
  });
}
