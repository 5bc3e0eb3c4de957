import { eventData, type EventConsumer } from '@stages/platform';
import { notify, type Addressee } from '../notification/notify.js';
import { studentAccount } from '../recipient/directory.js';

const TYPES = ['internship.started', 'internship.completed', 'internship.supervisor-assigned'] as const;

/** An internship that starts, ends or gets a referent teacher tells the student and that teacher. */
export const internshipEventsConsumer: EventConsumer = {
  name: 'internships',
  topics: ['stages.internship'],
  types: TYPES,
  async handle(em, event, context) {
    const type = TYPES.find((candidate) => candidate === event.type)!;
    const data = eventData(event, type);
    const addressees: Addressee[] = [];
    const student = await studentAccount(em, data.studentId);
    if (student) addressees.push({ userId: student, audience: 'student' });
    if (data.supervisorUserId) addressees.push({ userId: data.supervisorUserId, audience: 'supervisor' });
    await notify(em, { eventId: event.id, type, data, addressees, emit: context.emit });
  },
};
