import { eventData, type EventConsumer } from '@stages/platform';
import { notify } from '../notification/notify.js';

/** A recruiter accepted into their enterprise hears of it. */
export const memberApprovedConsumer: EventConsumer = {
  name: 'memberships',
  topics: ['stages.enterprise'],
  types: ['enterprise.member-approved'],
  async handle(em, event, context) {
    const data = eventData(event, 'enterprise.member-approved');
    await notify(em, { eventId: event.id, type: 'enterprise.member-approved', data, addressees: [{ userId: data.userId, audience: 'member' }], emit: context.emit });
  },
};
