import { defineSubgraph, resolveVisibleReference } from '@stages/platform';
import { migrations } from '../migrations/index.js';
import { createLoaders } from './context.js';
import { Offer } from './offer/offer.entity.js';
import { canReadOffer } from './offer/offer.policy.js';
import { EnterpriseOffersResolver, OfferResolver } from './offer/offer.resolver.js';

export const offersSubgraph = defineSubgraph({
  name: 'offers',
  defaultPort: 8005,
  entities: [Offer],
  migrations,
  resolvers: [OfferResolver, EnterpriseOffersResolver],
  referenceResolvers: {
    Offer: { __resolveReference: (reference, ctx) => resolveVisibleReference(ctx.loaders.offerById, reference.id, ctx.viewer, (offer) => canReadOffer(ctx.viewer, offer)) },
    Enterprise: { __resolveReference: (reference) => ({ id: reference.id }) },
  },
  createLoaders,
});
