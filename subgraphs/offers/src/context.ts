import { byIdLoader, type EntityManager, type SubgraphContext } from '@stages/platform';
import { Offer } from './offer/offer.entity.js';

export function createLoaders(em: EntityManager) {
  return { offerById: byIdLoader(em, Offer) };
}

export type OffersContext = SubgraphContext<ReturnType<typeof createLoaders>>;
