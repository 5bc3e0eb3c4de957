import { createHash, randomBytes } from 'node:crypto';
import { ACCESS_TOKEN_TYPE, type AccessTokenClaims } from '@stages/platform';
import { SignJWT } from 'jose';
import type { User } from '../user/user.entity.js';
import type { ActiveKey } from './signing-keys.js';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_SECONDS = 7 * 24 * 3600;

export interface TokenSettings {
  issuer: string;
  audience: string;
}

/** An RS256 access token (RFC 9068 profile) naming the user, their roles and organisations. */
export function issueAccessToken(user: User, key: ActiveKey, settings: TokenSettings): Promise<string> {
  const claims: AccessTokenClaims = { roles: user.roles };
  if (user.studentId) claims.student_id = user.studentId;
  if (user.enterpriseId) claims.enterprise_id = user.enterpriseId;
  if (user.universityId) claims.university_id = user.universityId;
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: ACCESS_TOKEN_TYPE })
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setSubject(user.id)
    .setIssuedAt()
    .setJti(randomBytes(12).toString('base64url'))
    .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
    .sign(key.privateKey);
}

/** 256 random bits, URL-safe; only its hash is stored. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** An access token for a confidential client acting for itself (client credentials): no user, only scopes. */
export function issueClientToken(clientId: string, scope: string, key: ActiveKey, settings: TokenSettings): Promise<string> {
  const claims: AccessTokenClaims = { client_id: clientId, scope };
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: ACCESS_TOKEN_TYPE })
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setSubject(clientId)
    .setIssuedAt()
    .setJti(randomBytes(12).toString('base64url'))
    .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
    .sign(key.privateKey);
}
