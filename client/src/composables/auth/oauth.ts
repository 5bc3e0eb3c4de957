/**
 * The OAuth 2.0 endpoints of the auth service, served by the gateway on this origin (authorization code with
 * PKCE, RFC 6749 / RFC 7636; revocation, RFC 7009). This app is a public client: it has no secret.
 */

export const oauthClientId = 'stages-web';
export const oauthScope = 'openid';
export const callbackPath = '/auth/callback';

const authorizePath = '/oauth/authorize';
const tokenPath = '/oauth/token';
const revokePath = '/oauth/revoke';

/** Where the auth service sends the browser back: must match the client's registered redirect URI exactly. */
export function redirectUri(): string {
  return `${window.location.origin}${callbackPath}`;
}

export interface TokenSet {
  accessToken: string;
  /** Seconds until the access token expires, counted from the response. */
  expiresIn: number;
  refreshToken: string;
}

/**
 * A refused or failed token request. `code` is the RFC 6749 `error` (`invalid_grant`, `invalid_request`, …) when
 * the server answered one, `unavailable` when it could not be reached or answered something else.
 */
export class OAuthError extends Error {
  constructor(
    readonly code: string,
    readonly status: number | null,
    description?: string,
  ) {
    super(description ?? code);
    this.name = 'OAuthError';
  }

  /** The server refused the grant itself (expired, used or revoked): trying again with it cannot succeed. */
  get refused(): boolean {
    return this.status !== null && this.status >= 400 && this.status < 500;
  }
}

export function authorizeUrl(options: { state: string; codeChallenge: string; locale: string }): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: oauthClientId,
    redirect_uri: redirectUri(),
    scope: oauthScope,
    state: options.state,
    code_challenge: options.codeChallenge,
    code_challenge_method: 'S256',
    ui_locales: options.locale,
  });
  return `${authorizePath}?${query.toString()}`;
}

function post(path: string, form: Record<string, string>): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    // URLSearchParams sends application/x-www-form-urlencoded, as RFC 6749 requires.
    body: new URLSearchParams(form),
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
    cache: 'no-store',
  });
}

function readTokenSet(body: unknown): TokenSet | null {
  if (typeof body !== 'object' || body === null) return null;
  const { access_token, token_type, expires_in, refresh_token } = body as Record<string, unknown>;
  if (typeof access_token !== 'string' || access_token === '') return null;
  if (typeof refresh_token !== 'string' || refresh_token === '') return null;
  if (typeof token_type !== 'string' || token_type.toLowerCase() !== 'bearer') return null;
  if (typeof expires_in !== 'number' || !Number.isFinite(expires_in) || expires_in <= 0) return null;
  return { accessToken: access_token, expiresIn: expires_in, refreshToken: refresh_token };
}

async function tokenRequest(form: Record<string, string>): Promise<TokenSet> {
  let response: Response;
  try {
    response = await post(tokenPath, form);
  } catch (error) {
    throw new OAuthError('unavailable', null, error instanceof Error ? error.message : undefined);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const { error, error_description } = (body ?? {}) as Record<string, unknown>;
    // A 404 or an HTML page is not an OAuth answer: the endpoint is missing, not the grant refused.
    if (typeof error !== 'string') throw new OAuthError('unavailable', null, `HTTP ${response.status}`);
    throw new OAuthError(error, response.status, typeof error_description === 'string' ? error_description : undefined);
  }
  const tokens = readTokenSet(body);
  if (!tokens) throw new OAuthError('unavailable', null, 'unexpected token response');
  return tokens;
}

/** Exchanges the authorization code of the callback, proving with the verifier that this tab asked for it. */
export function exchangeCode(code: string, codeVerifier: string): Promise<TokenSet> {
  return tokenRequest({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri(),
    client_id: oauthClientId,
    code_verifier: codeVerifier,
  });
}

/** New tokens for a refresh token; the server rotates it, so the one passed here must never be used again. */
export function refreshTokens(refreshToken: string): Promise<TokenSet> {
  return tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: oauthClientId });
}

/** Ends the session of a refresh token on the server. Resolves false when the server could not be told. */
export async function revokeToken(refreshToken: string): Promise<boolean> {
  try {
    const response = await post(revokePath, {
      token: refreshToken,
      token_type_hint: 'refresh_token',
      client_id: oauthClientId,
    });
    return response.ok;
  } catch {
    return false;
  }
}
