import { eventData, type EventConsumer } from '@stages/platform';
import { notify } from '../notification/notify.js';
import { administrators, recruitersOf } from '../recipient/directory.js';

/**
 * The platform's administrators hear of each request for verification (they decide); an enterprise's recruiters
 * hear how it ended: verified, or rejected with the administrator's reason.
 */
export const enterpriseVerificationConsumer: EventConsumer = {
  name: 'enterprise-verification',
  topics: ['stages.enterprise'],
  types: ['enterprise.verification-requested', 'enterprise.verified', 'enterprise.rejected'],
  async handle(em, event, context) {
    if (event.type === 'enterprise.verification-requested') {
      const data = eventData(event, 'enterprise.verification-requested');
      const addressees = (await administrators(em)).map((userId) => ({ userId, audience: 'administrator' as const }));
      await notify(em, { eventId: event.id, type: 'enterprise.verification-requested', data, addressees, emit: context.emit });
      return;
    }
    const type = event.type === 'enterprise.verified' ? 'enterprise.verified' : 'enterprise.rejected';
    const data = eventData(event, type);
    const recruiters = await recruitersOf(em, data.enterpriseId);
    await notify(em, { eventId: event.id, type, data, addressees: recruiters.map((userId) => ({ userId, audience: 'recruiter' })), emit: context.emit });
  },
};
