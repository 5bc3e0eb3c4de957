import { eventData, type EventConsumer } from '@stages/platform';
import { Supervision } from '../student/supervision.entity.js';


/** A referent teacher assigned to an internship may see the intern's profile (a read model of internships). */
export const supervisorAssignedConsumer: EventConsumer = {
  name: 'supervision',
  topics: ['stages.internship'],
  types: ['internship.supervisor-assigned'],
  async handle(em, event) {
    const data = eventData(event, 'internship.supervisor-assigned');
    if (!data.supervisorUserId) return;
    if (await em.findOne(Supervision, { studentId: data.studentId, supervisorUserId: data.supervisorUserId })) return;
    em.create(Supervision, { studentId: data.studentId, supervisorUserId: data.supervisorUserId, createdAt: new Date(event.time) });
  },
};
