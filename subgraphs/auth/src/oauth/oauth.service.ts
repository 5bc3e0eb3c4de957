import { createHash, timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { EntityManager } from '@stages/platform';
import { LockMode } from '@mikro-orm/core';
import { audit } from '../audit/audit.js';
import type { SessionService } from '../session/session.service.js';
import type { SigningKeys } from '../session/signing-keys.js';
import { ACCESS_TOKEN_TTL_SECONDS, hashRefreshToken, issueClientToken, newRefreshToken, type TokenSettings } from '../session/tokens.js';
import { User } from '../user/user.entity.js';
import { AuthorizationCode } from './authorization-code.entity.js';
import { OAuthClient, OAuthClientType } from './oauth-client.entity.js';

const CODE_TTL_MS = 60_000;
const PKCE = /^[A-Za-z0-9._~-]{43,128}$/;
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
const USER_SCOPES = new Set(['openid', 'profile', 'email']);

/** An RFC 6749 error: `error` is the protocol code, `status` the HTTP status of the token endpoint. */
export class OAuthError extends Error {
  constructor(readonly error: string, readonly description: string, readonly status = 400) {
    super(description);
  }
}

export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  state: string;
  scope: string;
  codeChallenge: string;
  locale: 'fr' | 'en';
}

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token?: string;
  scope: string;
}

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest();
const base64url = (value: Buffer) => value.toString('base64url');

function safeEqual(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * OAuth 2.0 for Stages: authorization code with PKCE (S256 only) for the web client, refresh-token rotation,
 * client credentials for ERP systems and integrators (RFC 6749, 7636, 9700).
 */
export class OAuthService {
  constructor(
    private readonly sessions: SessionService,
    private readonly keys: SigningKeys,
    private readonly tokens: TokenSettings,
    private readonly ip: string,
  ) {}

  /**
   * Checks an authorization request. A wrong client or redirect URI must not redirect (it could be an attacker's
   * address): `redirectable` false. Other problems are reported to the client's redirect URI.
   */
  async validateAuthorizeRequest(em: EntityManager, params: URLSearchParams): Promise<AuthorizeRequest> {
    const client = await em.findOne(OAuthClient, { clientId: params.get('client_id') ?? '' });
    const redirectUri = params.get('redirect_uri') ?? '';
    if (!client || !client.redirectUris.includes(redirectUri) || !client.grantTypes.includes('authorization_code')) {
      throw Object.assign(new OAuthError('invalid_request', 'Unknown application or redirect address.'), { redirectable: false });
    }
    const fail = (error: string, description: string) => Object.assign(new OAuthError(error, description), { redirectable: true, redirectUri, state: params.get('state') ?? '' });
    if (params.get('response_type') !== 'code') throw fail('unsupported_response_type', 'Only response_type=code is supported.');
    if (params.get('code_challenge_method') !== 'S256' || !CHALLENGE.test(params.get('code_challenge') ?? '')) {
      throw fail('invalid_request', 'PKCE is required: code_challenge with code_challenge_method=S256.');
    }
    const state = params.get('state') ?? '';
    if (state.length < 8 || state.length > 512) throw fail('invalid_request', 'state must have between 8 and 512 characters.');
    const scopes = (params.get('scope') ?? 'openid').split(' ').filter(Boolean);
    if (scopes.some((scope) => !USER_SCOPES.has(scope))) throw fail('invalid_scope', 'Unknown scope.');
    return {
      clientId: client.clientId,
      redirectUri,
      state,
      scope: scopes.join(' '),
      codeChallenge: params.get('code_challenge')!,
      locale: params.get('ui_locales')?.startsWith('en') ? 'en' : 'fr',
    };
  }

  /** Issues a single-use code, valid one minute, for a signed-in user. */
  async issueCode(em: EntityManager, request: AuthorizeRequest, user: User): Promise<string> {
    const { token, hash } = newRefreshToken();
    await em.insert(AuthorizationCode, {
      codeHash: hash,
      clientId: request.clientId,
      userId: user.id,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      scope: request.scope,
      expiresAt: new Date(Date.now() + CODE_TTL_MS),
      usedAt: null,
    });
    await audit(em, { action: 'oauth.code-issued', userId: user.id, ip: this.ip, details: { clientId: request.clientId } });
    return token;
  }

  async token(em: EntityManager, form: URLSearchParams, authorization: string | undefined): Promise<TokenResponse> {
    switch (form.get('grant_type')) {
      case 'authorization_code':
        return this.exchangeCode(em, form);
      case 'refresh_token':
        return this.refresh(em, form);
      case 'client_credentials':
        return this.clientCredentials(em, form, authorization);
      default:
        throw new OAuthError('unsupported_grant_type', 'grant_type must be authorization_code, refresh_token or client_credentials.');
    }
  }

  private async exchangeCode(em: EntityManager, form: URLSearchParams): Promise<TokenResponse> {
    const verifier = form.get('code_verifier') ?? '';
    if (!PKCE.test(verifier)) throw new OAuthError('invalid_request', 'code_verifier is missing or malformed.');
    const code = await em.transactional(async (tx) => {
      const found = await tx.findOne(AuthorizationCode, { codeHash: hashRefreshToken(form.get('code') ?? '') }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!found || found.usedAt || found.expiresAt <= new Date()) return undefined;
      found.usedAt = new Date();
      return found;
    });
    const invalid = new OAuthError('invalid_grant', 'The code is invalid, expired or already used.');
    if (!code) throw invalid;
    if (code.clientId !== form.get('client_id') || code.redirectUri !== form.get('redirect_uri')) throw invalid;
    if (!safeEqual(base64url(sha256(verifier)), code.codeChallenge)) throw invalid;
    const user = await em.findOne(User, { id: code.userId });
    if (!user) throw invalid;
    const session = await this.sessions.startSession(em, user);
    return { access_token: session.accessToken, token_type: 'Bearer', expires_in: session.expiresIn, refresh_token: session.refreshToken, scope: code.scope };
  }

  private async refresh(em: EntityManager, form: URLSearchParams): Promise<TokenResponse> {
    try {
      const session = await this.sessions.refresh(em, form.get('refresh_token') ?? '');
      return { access_token: session.accessToken, token_type: 'Bearer', expires_in: session.expiresIn, refresh_token: session.refreshToken, scope: 'openid' };
    } catch (error) {
      if (error instanceof GraphQLError) throw new OAuthError('invalid_grant', error.message);
      throw error;
    }
  }

  /** A confidential client authenticates with HTTP Basic (or the form) and gets a token for the scopes it may use. */
  private async clientCredentials(em: EntityManager, form: URLSearchParams, authorization: string | undefined): Promise<TokenResponse> {
    const [clientId, secret] = basicCredentials(authorization) ?? [form.get('client_id') ?? '', form.get('client_secret') ?? ''];
    const client = await em.findOne(OAuthClient, { clientId }, { populate: ['secretHash'] });
    const expected = client?.secretHash ?? '0'.repeat(64);
    const given = createHash('sha256').update(secret, 'utf8').digest('hex');
    if (!client || client.type !== OAuthClientType.CONFIDENTIAL || !safeEqual(given, expected)) {
      await audit(em, { action: 'oauth.client-authentication-failed', ip: this.ip, details: { clientId: clientId.slice(0, 64) } });
      throw new OAuthError('invalid_client', 'Client authentication failed.', 401);
    }
    if (!client.grantTypes.includes('client_credentials')) throw new OAuthError('unauthorized_client', 'This client may not use client_credentials.');
    const requested = (form.get('scope') ?? client.scopes.join(' ')).split(' ').filter(Boolean);
    if (requested.length === 0 || requested.some((scope) => !client.scopes.includes(scope))) throw new OAuthError('invalid_scope', 'A requested scope is not granted to this client.');
    const scope = requested.join(' ');
    const accessToken = await issueClientToken(client.clientId, scope, await this.keys.active(em), this.tokens);
    await audit(em, { action: 'oauth.client-token-issued', ip: this.ip, details: { clientId: client.clientId, scope } });
    return { access_token: accessToken, token_type: 'Bearer', expires_in: ACCESS_TOKEN_TTL_SECONDS, scope };
  }
}

function basicCredentials(header: string | undefined): [string, string] | undefined {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return [decodeURIComponent(decoded.slice(0, colon)), decodeURIComponent(decoded.slice(colon + 1))];
}
