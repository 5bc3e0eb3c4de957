import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { unauthenticated } from '../graphql/errors.js';
import { ACCESS_TOKEN_TYPE, ROLES, type AccessTokenClaims, type RoleName, type Viewer } from './viewer.js';

export interface TokenVerifierOptions {
  /** Where the keys come from: the auth service's JWKS (remote) or a local key set (tests, the auth service itself). */
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string;
  /** Allowed clock difference between services, in seconds. */
  clockToleranceSeconds?: number;
}

export type TokenVerifier = (token: string) => Promise<Viewer>;

/**
 * The JWKS of the auth service, cached; a token signed with a key id it does not know triggers one refetch, at
 * most once every 30 s (so forged key ids cannot make us hammer the auth service).
 */
export function remoteKeySet(jwksUrl: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000, timeoutDuration: 5000 });
}

/**
 * Verifies an RS256 access token (signature, `iss`, `aud`, `typ` = at+jwt, expiry) and returns the viewer.
 * `alg: none`, HMAC and every other algorithm are refused. Any failure is UNAUTHENTICATED with one generic
 * message, so callers learn nothing about which check failed.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  return async (token) => {
    let payload: Record<string, unknown> & AccessTokenClaims;
    try {
      ({ payload } = await jwtVerify<AccessTokenClaims>(token, options.keys, {
        algorithms: ['RS256'],
        issuer: options.issuer,
        audience: options.audience,
        typ: ACCESS_TOKEN_TYPE,
        clockTolerance: options.clockToleranceSeconds ?? 5,
        requiredClaims: ['sub', 'exp', 'iat'],
      }));
    } catch {
      throw unauthenticated('The access token is invalid or has expired.');
    }
    const roles = (Array.isArray(payload.roles) ? payload.roles : []).filter((role): role is RoleName => (ROLES as readonly string[]).includes(role));
    return {
      subject: String(payload.sub),
      kind: payload.client_id && payload.client_id === payload.sub ? 'client' : 'user',
      roles,
      studentId: typeof payload.student_id === 'string' ? payload.student_id : undefined,
      enterpriseId: typeof payload.enterprise_id === 'string' ? payload.enterprise_id : undefined,
      universityId: typeof payload.university_id === 'string' ? payload.university_id : undefined,
      scopes: typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [],
    };
  };
}

/** The bearer token of an Authorization header, or undefined; a malformed header is UNAUTHENTICATED. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/.exec(header.trim());
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <access token>".');
  return match[1];
}
