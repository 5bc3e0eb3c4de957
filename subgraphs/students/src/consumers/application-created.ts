import { eventData, type EventConsumer } from '@stages/platform';
import { ApplicantLink } from '../student/applicant-link.entity.js';


/** An application lets the enterprise see the applicant's public profile (a read model of applications). */
export const applicationCreatedConsumer: EventConsumer = {
  name: 'applicants',
  topics: ['stages.application'],
  types: ['application.created'],
  async handle(em, event) {
    const data = eventData(event, 'application.created');
    if (!data.enterpriseId) return;
    if (await em.findOne(ApplicantLink, { studentId: data.studentId, enterpriseId: data.enterpriseId })) return;
    em.create(ApplicantLink, { studentId: data.studentId, enterpriseId: data.enterpriseId, createdAt: new Date(event.time) });
  },
};
