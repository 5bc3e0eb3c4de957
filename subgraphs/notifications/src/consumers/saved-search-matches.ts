import { eventData, type EventConsumer } from '@stages/platform';
import { notify } from '../notification/notify.js';

/** A new offer matching a student's saved search alerts that student (group `notifications.saved-searches`). */
export const savedSearchMatchesConsumer: EventConsumer = {
  name: 'saved-searches',
  topics: ['stages.offer'],
  types: ['offer.matched-saved-search'],
  async handle(em, event, context) {
    const data = eventData(event, 'offer.matched-saved-search');
    await notify(em, { eventId: event.id, type: 'offer.matched-saved-search', data, addressees: [{ userId: data.userId, audience: 'student' }], emit: context.emit });
  },
};
