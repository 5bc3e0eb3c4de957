import { defineSubgraph, resolveVisibleReference } from '@stages/platform';
import { migrations } from '../migrations/index.js';
import { createLoaders } from './context.js';
import { AuditEvent } from './audit/audit-event.entity.js';
import { EmailToken } from './session/email-token.entity.js';
import { RefreshToken } from './session/refresh-token.entity.js';
import { SessionResolver } from './session/session.resolver.js';
import { SigningKey } from './session/signing-key.entity.js';
import { signingKeys } from './session/signing-keys.js';
import { discoveryRoute, jwksRoute } from './session/well-known.js';
import { User } from './user/user.entity.js';
import { canReadUser } from './user/user.policy.js';
import { UserResolver } from './user/user.resolver.js';

export const authSubgraph = defineSubgraph({
  name: 'auth',
  defaultPort: 8001,
  entities: [User, SigningKey, RefreshToken, EmailToken, AuditEvent],
  migrations,
  resolvers: [UserResolver, SessionResolver],
  referenceResolvers: {
    User: { __resolveReference: (reference, ctx) => resolveVisibleReference(ctx.loaders.userById, reference.id, ctx.viewer, (user) => canReadUser(ctx.viewer, user.id)) },
  },
  createLoaders,
  onStart: (runtime) => signingKeys.ensure(runtime.em()),
  routes: {
    '/.well-known/jwks.json': jwksRoute,
    '/.well-known/openid-configuration': discoveryRoute,
  },
});
