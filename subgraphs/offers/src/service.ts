import { defineSubgraph, resolveVisibleReference } from '@stages/platform';
import { migrations } from '../migrations/index.js';
import { enterpriseProfilesConsumer } from './consumers/enterprise-profiles.js';
import { savedSearchAlertsConsumer } from './consumers/saved-search-alerts.js';
import { createLoaders } from './context.js';
import { EnterpriseProfile } from './enterprise/enterprise-profile.entity.js';
import { Student } from './external/student.js';
import { closeOffersPastDeadline } from './jobs/deadline.js';
import { Offer } from './offer/offer.entity.js';
import { canReadOffer } from './offer/offer.policy.js';
import { EnterpriseOffersResolver, OfferResolver } from './offer/offer.resolver.js';
import { StudentRecommendationsResolver } from './recommendation/recommendation.resolver.js';
import { SavedSearch } from './saved-search/saved-search.entity.js';
import { SavedSearchResolver } from './saved-search/saved-search.resolver.js';
import { OfferSearchResolver } from './search/search.resolver.js';
import { summaryRefreshes } from './search/search.summary-cache.js';
import { offerSettings } from './settings.js';

export const offersSubgraph = defineSubgraph({
  name: 'offers',
  defaultPort: 8005,
  entities: [Offer, EnterpriseProfile, SavedSearch],
  migrations,
  resolvers: [OfferResolver, EnterpriseOffersResolver, OfferSearchResolver, StudentRecommendationsResolver, SavedSearchResolver],
  // Reached only through `_entities` (the students subgraph owns Student), so not from a root field.
  orphanedTypes: [Student],
  referenceResolvers: {
    Offer: { __resolveReference: (reference, ctx) => resolveVisibleReference(ctx.loaders.offerById, reference.id, ctx.viewer, (offer) => canReadOffer(ctx.viewer, offer)) },
    Enterprise: { __resolveReference: (reference) => ({ id: reference.id }) },
    // The representation carries the fields `recommendedOffers` requires (skills, preferences), as the gateway
    // fetched them from the students subgraph with the caller's token.
    Student: { __resolveReference: (reference) => reference },
  },
  createLoaders,
  consumers: [enterpriseProfilesConsumer, savedSearchAlertsConsumer],
  async onStart(runtime) {
    const settings = offerSettings();
    // Every instance checks; claiming rows with SKIP LOCKED closes (and announces) each offer once.
    let running: Promise<unknown> = Promise.resolve();
    const check = () => {
      running = closeOffersPastDeadline(runtime.em(), new Date(), settings.OFFERS_TIME_ZONE)
        .then((closed) => closed.length > 0 && runtime.logger.info({ closed: closed.length }, 'offers closed at their deadline'))
        .catch((error: unknown) => runtime.logger.error({ err: error }, 'closing offers past their deadline failed'));
    };
    const timer = setInterval(check, settings.OFFERS_DEADLINE_CHECK_INTERVAL_MS);
    timer.unref();
    check();
    return async () => {
      clearInterval(timer);
      await running;
      // Requests are drained by now; the summaries they left counting finish before the database closes.
      await summaryRefreshes.settle();
    };
  },
});
