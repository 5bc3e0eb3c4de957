import { eventData, type EventConsumer } from '@stages/platform';
import { Placement } from '../student/placement.entity.js';

/** A student who accepts an offer is placed (`students(filter: { placed })`); acceptance is final. */
export const applicationAcceptedConsumer: EventConsumer = {
  name: 'placements',
  topics: ['stages.application'],
  types: ['application.accepted'],
  async handle(em, event) {
    const data = eventData(event, 'application.accepted');
    if (await em.findOne(Placement, { studentId: data.studentId })) return;
    em.create(Placement, { studentId: data.studentId, applicationId: data.applicationId, placedAt: new Date(event.time) });
  },
};
