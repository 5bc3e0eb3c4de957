import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import { readBody, sendJson, type SubgraphRoute, type SubgraphRuntime } from '@stages/platform';
import { sessionServiceFor } from '../session/session.service.js';
import { signingKeys } from '../session/signing-keys.js';
import { invalidRequestPage, loginPage, pageErrorText, secondFactorPage, type PageError } from './login-page.js';
import { INVALID_CODE } from '../session/session.service.js';
import { OAuthError, OAuthService, type AuthorizeRequest } from './oauth.service.js';

const FORM_LIMIT = 16 * 1024;
// The sign-in page: no framing, no foreign scripts, forms only to ourselves.
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

function services(req: IncomingMessage, runtime: SubgraphRuntime) {
  const ip = runtime.clientIp(req);
  const sessions = sessionServiceFor({ infrastructure: runtime.infrastructure, auth: runtime.auth, clientUrl: runtime.clientUrl, ip });
  const tokens = { issuer: runtime.auth.issuer, audience: runtime.auth.audience };
  return { sessions, oauth: new OAuthService(sessions, signingKeys, tokens, ip) };
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    throw new OAuthError('invalid_request', 'The body must be application/x-www-form-urlencoded.');
  }
  return new URLSearchParams((await readBody(req, FORM_LIMIT)).toString('utf8'));
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location, 'cache-control': 'no-store' }).end();
}

function page(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, PAGE_HEADERS).end(html);
}

function withParams(uri: string, params: Record<string, string>): string {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

/** `/oauth/authorize`: GET shows the sign-in page, POST checks the credentials and redirects with a code. */
export const authorizeRoute: SubgraphRoute = async (req, res, runtime) => {
  const em = runtime.em();
  const { sessions, oauth } = services(req, runtime);
  const isPost = req.method === 'POST';
  let params: URLSearchParams;
  try {
    params = isPost ? await readForm(req) : new URL(req.url ?? '/', 'http://localhost').searchParams;
  } catch {
    return page(res, 400, invalidRequestPage('fr'));
  }
  let request: AuthorizeRequest;
  try {
    request = await oauth.validateAuthorizeRequest(em, params);
  } catch (error) {
    const failure = error as OAuthError & { redirectable?: boolean; redirectUri?: string; state?: string };
    if (failure instanceof OAuthError && failure.redirectable && failure.redirectUri) {
      return redirect(res, withParams(failure.redirectUri, { error: failure.error, error_description: failure.description, state: failure.state ?? '' }));
    }
    if (failure instanceof OAuthError) return page(res, 400, invalidRequestPage(params.get('ui_locales')?.startsWith('en') ? 'en' : 'fr'));
    throw error;
  }
  if (!isPost) return page(res, 200, loginPage(request, runtime.clientUrl));
  const email = params.get('email') ?? '';
  const ticket = params.get('second_factor_ticket');
  try {
    const user = ticket
      ? await sessions.verifySecondFactor(em, ticket.slice(0, 64), params.get('code') ?? '')
      : await sessions.authenticate(em, email.slice(0, 254), (params.get('password') ?? '').slice(0, 128));
    if (!ticket && user.totpEnabledAt) {
      const required = await sessions.secondFactorRequired(user);
      return page(res, 200, secondFactorPage(request, String(required.extensions.secondFactorTicket)));
    }
    const code = await oauth.issueCode(em, request, user);
    return redirect(res, withParams(request.redirectUri, { code, state: request.state }));
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const tooMany = error.extensions.code === 'TOO_MANY_REQUESTS';
    const kind: PageError = tooMany
      ? { tooManyMinutes: Math.max(1, Math.ceil(Number(error.extensions.retryAfterSeconds ?? 60) / 60)) }
      : ticket
        ? error.message === INVALID_CODE ? 'invalidCode' : 'expired'
        : 'wrongCredentials';
    const text = pageErrorText(request.locale, kind);
    if (tooMany) res.setHeader('retry-after', String(error.extensions.retryAfterSeconds ?? 60));
    if (kind === 'invalidCode' || (ticket && tooMany)) return page(res, tooMany ? 429 : 401, secondFactorPage(request, ticket!, text));
    return page(res, tooMany ? 429 : 401, loginPage(request, runtime.clientUrl, text, email));
  }
};

/** `/oauth/token`: authorization_code (with PKCE), refresh_token, client_credentials. */
export const tokenRoute: SubgraphRoute = async (req, res, runtime) => {
  const headers = { 'cache-control': 'no-store', pragma: 'no-cache' };
  if (req.method !== 'POST') return sendJson(res, 405, { error: 'invalid_request', error_description: 'Use POST.' }, headers);
  try {
    const form = await readForm(req);
    const response = await services(req, runtime).oauth.token(runtime.em(), form, req.headers.authorization);
    sendJson(res, 200, response, headers);
  } catch (error) {
    if (error instanceof OAuthError) {
      const extra: Record<string, string> = error.status === 401 ? { 'www-authenticate': 'Basic realm="stages"' } : {};
      return sendJson(res, error.status, { error: error.error, error_description: error.description }, { ...headers, ...extra });
    }
    throw error;
  }
};

/** `/oauth/revoke` (RFC 7009): ends the session of a refresh token; always 200, even for unknown tokens. */
export const revokeRoute: SubgraphRoute = async (req, res, runtime) => {
  if (req.method !== 'POST') return sendJson(res, 405, { error: 'invalid_request' });
  try {
    const form = await readForm(req);
    const token = form.get('token') ?? '';
    if (token.length > 0 && token.length <= 128) await services(req, runtime).sessions.logout(runtime.em(), token);
    res.writeHead(200, { 'cache-control': 'no-store' }).end();
  } catch (error) {
    if (error instanceof OAuthError) return sendJson(res, 400, { error: error.error, error_description: error.description });
    throw error;
  }
};
