import { defineSubgraph, parseId } from '@stages/platform';
import { migrations } from '../migrations/index.js';
import { userRegisteredConsumer } from './consumers/user-registered.js';
import { createLoaders } from './context.js';
import { EnterpriseAddress } from './enterprise/enterprise-address.entity.js';
import { EnterpriseContact } from './enterprise/enterprise-contact.entity.js';
import { Enterprise } from './enterprise/enterprise.entity.js';
import { MembershipRequest } from './membership/membership-request.entity.js';
import { MembershipResolver } from './membership/membership.resolver.js';
import { EnterpriseContactResolver, EnterpriseResolver } from './enterprise/enterprise.resolver.js';

export const enterprisesSubgraph = defineSubgraph({
  name: 'enterprises',
  defaultPort: 8003,
  entities: [Enterprise, EnterpriseAddress, EnterpriseContact, MembershipRequest],
  migrations,
  resolvers: [EnterpriseResolver, EnterpriseContactResolver, MembershipResolver],
  // Enterprises are a public directory: anyone may resolve one.
  referenceResolvers: {
    Enterprise: { __resolveReference: (reference, ctx) => ctx.loaders.enterpriseById.load(parseId(reference.id)) },
  },
  createLoaders,
  consumers: [userRegisteredConsumer],
});
