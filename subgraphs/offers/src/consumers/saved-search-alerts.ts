import { eventData, type EventConsumer } from '@stages/platform';
import { savedSearchesMatching } from '../saved-search/saved-search.service.js';

/**
 * A newly published offer is matched against every saved search (group `offers.saved-searches`); each match
 * becomes `offer.matched-saved-search`, which the notifications subgraph turns into an alert for the student.
 */
export const savedSearchAlertsConsumer: EventConsumer = {
  name: 'saved-searches',
  topics: ['stages.offer'],
  types: ['offer.published'],
  async handle(em, event, context) {
    const data = eventData(event, 'offer.published');
    for (const match of await savedSearchesMatching(em, data.offerId)) {
      context.emit({
        type: 'offer.matched-saved-search',
        subject: data.offerId,
        data: { savedSearchId: match.id, userId: match.user_id, offerId: data.offerId, title: match.title, searchName: match.name },
      });
    }
  },
};
