import { sendJson, type SubgraphRoute } from '@stages/platform';
import { signingKeys } from './signing-keys.js';

/** `/.well-known/jwks.json`: the public keys that verify Stages access tokens (current and recently retired). */
export const jwksRoute: SubgraphRoute = async (_req, res, runtime) => {
  sendJson(res, 200, { keys: await signingKeys.jwks(runtime.em()) }, { 'cache-control': 'public, max-age=300' });
};

/** `/.well-known/openid-configuration`: discovery metadata (RFC 8414) for what the service offers so far. */
export const discoveryRoute: SubgraphRoute = async (_req, res, runtime) => {
  const issuer = runtime.auth.issuer.replace(/\/$/, '');
  sendJson(
    res,
    200,
    {
      issuer,
      jwks_uri: runtime.auth.jwksUrl,
      token_endpoint_auth_methods_supported: ['none'],
      id_token_signing_alg_values_supported: ['RS256'],
      access_token_signing_alg_values_supported: ['RS256'],
      subject_types_supported: ['public'],
      response_types_supported: [],
      grant_types_supported: ['refresh_token'],
    },
    { 'cache-control': 'public, max-age=300' },
  );
};
