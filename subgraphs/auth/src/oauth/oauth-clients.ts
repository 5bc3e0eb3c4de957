import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@stages/platform';
import { OAuthClient, OAuthClientType } from './oauth-client.entity.js';

export const WEB_CLIENT_ID = 'stages-web';

/** Scopes a confidential client (ERP system, integrator) may be granted. */
export const CLIENT_SCOPES = ['universities:read', 'students:read', 'offers:read', 'applications:read', 'internships:read', 'conventions:read', 'reports:read'] as const;

/** Registers the web client, or adds this deployment's callback address to it. */
export async function ensureWebClient(em: EntityManager, clientUrl: string): Promise<void> {
  const redirectUri = `${clientUrl.replace(/\/$/, '')}/auth/callback`;
  const client = await em.findOne(OAuthClient, { clientId: WEB_CLIENT_ID });
  if (!client) {
    em.create(OAuthClient, {
      clientId: WEB_CLIENT_ID,
      name: 'Stages web client',
      type: OAuthClientType.PUBLIC,
      secretHash: null,
      redirectUris: [redirectUri],
      grantTypes: ['authorization_code', 'refresh_token'],
      scopes: [],
      createdAt: new Date(),
    });
  } else if (!client.redirectUris.includes(redirectUri)) {
    client.redirectUris = [...client.redirectUris, redirectUri];
  }
  await em.flush();
}

/** Creates a confidential client; its secret is returned once and only its hash is kept. */
export async function createConfidentialClient(em: EntityManager, name: string, scopes: string[]): Promise<{ clientId: string; clientSecret: string }> {
  const clientId = `client-${randomBytes(9).toString('base64url')}`;
  const clientSecret = randomBytes(32).toString('base64url');
  em.create(OAuthClient, {
    clientId,
    name,
    type: OAuthClientType.CONFIDENTIAL,
    secretHash: createHash('sha256').update(clientSecret, 'utf8').digest('hex'),
    redirectUris: [],
    grantTypes: ['client_credentials'],
    scopes,
    createdAt: new Date(),
  });
  await em.flush();
  return { clientId, clientSecret };
}
