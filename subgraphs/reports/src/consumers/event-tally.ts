import { catalogTopics, EVENT_TYPES, type EventConsumer } from '@stages/platform';
import { activityDay } from '../activity/activity.js';

/**
 * Counts every event of the catalog per day and type. The increment commits with the consumer's processed-event
 * mark, so a redelivered event is not counted twice.
 */
export const eventTallyConsumer: EventConsumer = {
  name: 'event-tally',
  topics: catalogTopics(),
  types: EVENT_TYPES,
  async handle(em, event) {
    const knex = em.getKnex();
    await knex('reports.event_tally')
      .insert({ day: activityDay(new Date(event.time)), type: event.type, count: 1 })
      .onConflict(['day', 'type'])
      .merge({ count: knex.raw('?? + 1', ['event_tally.count']) })
      .transacting(em.getTransactionContext()!);
  },
};
