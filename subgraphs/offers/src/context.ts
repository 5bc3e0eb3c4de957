import { byIdLoader, type EntityManager, type SubgraphContext, type Viewer } from '@stages/platform';
import { Offer } from './offer/offer.entity.js';

export function createLoaders(em: EntityManager, _viewer: Viewer | null) {
  return { offerById: byIdLoader(em, Offer) };
}

export type OffersContext = SubgraphContext<ReturnType<typeof createLoaders>>;
