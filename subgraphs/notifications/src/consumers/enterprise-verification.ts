import { eventData, type EventConsumer } from '@stages/platform';
import { notify } from '../notification/notify.js';
import { recruitersOf } from '../recipient/directory.js';

/** An enterprise's recruiters hear how its verification ended: verified, or rejected with the administrator's reason. */
export const enterpriseVerificationConsumer: EventConsumer = {
  name: 'enterprise-verification',
  topics: ['stages.enterprise'],
  types: ['enterprise.verified', 'enterprise.rejected'],
  async handle(em, event, context) {
    const type = event.type === 'enterprise.verified' ? 'enterprise.verified' : 'enterprise.rejected';
    const data = eventData(event, type);
    const recruiters = await recruitersOf(em, data.enterpriseId);
    await notify(em, { eventId: event.id, type, data, addressees: recruiters.map((userId) => ({ userId, audience: 'recruiter' })), emit: context.emit });
  },
};
