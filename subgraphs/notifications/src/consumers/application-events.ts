import { APPLICATION_STATUS_EVENT_TYPES, eventData, type EventConsumer } from '@stages/platform';
import { notify, type Addressee } from '../notification/notify.js';
import { recruitersOf, studentAccount } from '../recipient/directory.js';

/** Status changes the enterprise hears about too, besides the student. */
const ALSO_TO_RECRUITERS = new Set<string>(['application.withdrawn', 'application.accepted']);

/** A new application tells the enterprise's recruiters; each status change tells the student (and some, the enterprise). */
export const applicationEventsConsumer: EventConsumer = {
  name: 'applications',
  topics: ['stages.application'],
  types: ['application.created', ...APPLICATION_STATUS_EVENT_TYPES],
  async handle(em, event, context) {
    if (event.type === 'application.created') {
      const data = eventData(event, 'application.created');
      const recruiters = data.enterpriseId ? await recruitersOf(em, data.enterpriseId) : [];
      await notify(em, { eventId: event.id, type: 'application.created', data, addressees: recruiters.map((userId) => ({ userId, audience: 'recruiter' })), emit: context.emit });
      return;
    }
    const type = APPLICATION_STATUS_EVENT_TYPES.find((candidate) => candidate === event.type)!;
    const data = eventData(event, type);
    const addressees: Addressee[] = [];
    const student = await studentAccount(em, data.studentId);
    if (student) addressees.push({ userId: student, audience: 'student' });
    if (ALSO_TO_RECRUITERS.has(type) && data.enterpriseId) {
      for (const userId of await recruitersOf(em, data.enterpriseId)) addressees.push({ userId, audience: 'recruiter' });
    }
    await notify(em, { eventId: event.id, type, data, addressees, emit: context.emit });
  },
};
