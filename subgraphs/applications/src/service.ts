import { defineSubgraph, resolveVisibleReference } from '@stages/platform';
import { migrations } from '../migrations/index.js';
import { ApplicationStatusChange } from './application/application-status-change.entity.js';
import { Application } from './application/application.entity.js';
import { canReadApplication } from './application/application.policy.js';
import { ApplicationResolver, OfferApplicationsResolver, StudentApplicationsResolver } from './application/application.resolver.js';
import { createLoaders } from './context.js';

export const applicationsSubgraph = defineSubgraph({
  name: 'applications',
  defaultPort: 8006,
  entities: [Application, ApplicationStatusChange],
  migrations,
  resolvers: [ApplicationResolver, StudentApplicationsResolver, OfferApplicationsResolver],
  referenceResolvers: {
    Application: { __resolveReference: (reference, ctx) => resolveVisibleReference(ctx.loaders.applicationById, reference.id, ctx.viewer, (application) => canReadApplication(ctx.viewer, application)) },
    Student: { __resolveReference: (reference) => ({ id: reference.id }) },
    Offer: { __resolveReference: (reference) => ({ id: reference.id }) },
  },
  createLoaders,
});
