import { eventData, type EventConsumer } from '@stages/platform';
import { Student } from '../student/student.entity.js';


/** A student who registers gets a profile under the id their account carries (`student_id` in tokens). */
export const userRegisteredConsumer: EventConsumer = {
  name: 'profiles',
  topics: ['stages.user'],
  types: ['user.registered'],
  async handle(em, event) {
    const data = eventData(event, 'user.registered');
    if (!data.roles.includes('STUDENT') || !data.studentId || !data.universityId) return;
    if (await em.findOne(Student, { id: data.studentId })) return;
    const [firstName, ...rest] = data.displayName.trim().split(/\s+/);
    em.create(Student, {
      id: data.studentId,
      userId: data.userId,
      universityId: data.universityId,
      firstName: firstName ?? data.displayName,
      // The display name is one field at registration; the student can correct both parts in their profile.
      lastName: rest.join(' '),
      email: data.email,
      skills: [],
      createdAt: new Date(event.time),
    });
  },
};
