import { defineSubgraph, resolveVisibleReference } from '@stages/platform';
import { migrations } from '../migrations/index.js';
import { createLoaders } from './context.js';
import { AuditEvent } from './audit/audit-event.entity.js';
import { memberApprovedConsumer } from './consumers/member-approved.js';
import { AuthorizationCode } from './oauth/authorization-code.entity.js';
import { OAuthClient } from './oauth/oauth-client.entity.js';
import { InvitationResolver } from './invitation/invitation.resolver.js';
import { OAuthClientResolver } from './oauth/oauth-client.resolver.js';
import { ensureWebClient } from './oauth/oauth-clients.js';
import { authorizeRoute, revokeRoute, tokenRoute } from './oauth/oauth.routes.js';
import { EmailToken } from './session/email-token.entity.js';
import { RefreshToken } from './session/refresh-token.entity.js';
import { SessionResolver } from './session/session.resolver.js';
import { SigningKeyResolver } from './session/signing-key.resolver.js';
import { RecoveryCode } from './totp/recovery-code.entity.js';
import { TotpResolver } from './totp/totp.resolver.js';
import { SigningKey } from './session/signing-key.entity.js';
import { signingKeys } from './session/signing-keys.js';
import { discoveryRoute, jwksRoute } from './session/well-known.js';
import { User } from './user/user.entity.js';
import { canReadUser } from './user/user.policy.js';
import { UserAdminResolver } from './user/user-admin.resolver.js';
import { UserResolver } from './user/user.resolver.js';

export const authSubgraph = defineSubgraph({
  name: 'auth',
  defaultPort: 8001,
  entities: [User, SigningKey, RefreshToken, EmailToken, AuditEvent, OAuthClient, AuthorizationCode, RecoveryCode],
  migrations,
  resolvers: [UserResolver, SessionResolver, OAuthClientResolver, TotpResolver, SigningKeyResolver, InvitationResolver, UserAdminResolver],
  referenceResolvers: {
    User: { __resolveReference: (reference, ctx) => resolveVisibleReference(ctx.loaders.userById, reference.id, ctx.viewer, (user) => canReadUser(ctx.viewer, user.id)) },
  },
  createLoaders,
  consumers: [memberApprovedConsumer],
  onStart: async (runtime) => {
    await signingKeys.ensure(runtime.em());
    await ensureWebClient(runtime.em(), runtime.clientUrl);
  },
  routes: {
    '/.well-known/jwks.json': jwksRoute,
    '/.well-known/openid-configuration': discoveryRoute,
    '/oauth/authorize': authorizeRoute,
    '/oauth/token': tokenRoute,
    '/oauth/revoke': revokeRoute,
  },
});
