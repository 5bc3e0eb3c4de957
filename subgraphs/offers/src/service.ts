import { defineSubgraph, parseId } from '@stages/platform';
import { migrations } from '../migrations/index.js';
import { createLoaders } from './context.js';
import { Offer } from './offer/offer.entity.js';
import { EnterpriseOffersResolver, OfferResolver } from './offer/offer.resolver.js';

export const offersSubgraph = defineSubgraph({
  name: 'offers',
  defaultPort: 8005,
  entities: [Offer],
  migrations,
  resolvers: [OfferResolver, EnterpriseOffersResolver],
  referenceResolvers: {
    Offer: { __resolveReference: (reference, ctx) => ctx.loaders.offerById.load(parseId(reference.id)) },
    Enterprise: { __resolveReference: (reference) => ({ id: reference.id }) },
  },
  createLoaders,
});
