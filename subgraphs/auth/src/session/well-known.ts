import { sendJson, type SubgraphRoute } from '@stages/platform';
import { CLIENT_SCOPES } from '../oauth/oauth-clients.js';
import { signingKeys } from './signing-keys.js';

/** `/.well-known/jwks.json`: the public keys that verify Stages access tokens (current and recently retired). */
export const jwksRoute: SubgraphRoute = async (_req, res, runtime) => {
  sendJson(res, 200, { keys: await signingKeys.jwks(runtime.em()) }, { 'cache-control': 'public, max-age=300' });
};

/** `/.well-known/openid-configuration`: discovery metadata (RFC 8414). */
export const discoveryRoute: SubgraphRoute = async (_req, res, runtime) => {
  const issuer = runtime.auth.issuer.replace(/\/$/, '');
  sendJson(
    res,
    200,
    {
      issuer,
      jwks_uri: runtime.auth.jwksUrl,
      authorization_endpoint: `${issuer}/oauth/authorize`,
      token_endpoint: `${issuer}/oauth/token`,
      revocation_endpoint: `${issuer}/oauth/revoke`,
      token_endpoint_auth_methods_supported: ['none', 'client_secret_basic', 'client_secret_post'],
      access_token_signing_alg_values_supported: ['RS256'],
      subject_types_supported: ['public'],
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: ['openid', 'profile', 'email', ...CLIENT_SCOPES],
      ui_locales_supported: ['fr', 'en'],
    },
    { 'cache-control': 'public, max-age=300' },
  );
};
