import { eventData, type EventConsumer } from '@stages/platform';
import { Recipient } from '../recipient/recipient.entity.js';

/** Keeps the recipient directory (address, language, roles, organisations) from account events. */
export const directoryConsumer: EventConsumer = {
  name: 'directory',
  topics: ['stages.user', 'stages.enterprise'],
  types: ['user.registered', 'enterprise.member-approved'],
  async handle(em, event) {
    if (event.type === 'enterprise.member-approved') {
      const data = eventData(event, 'enterprise.member-approved');
      await em.nativeUpdate(Recipient, { userId: data.userId }, { enterpriseId: data.enterpriseId, updatedAt: new Date(event.time) });
      return;
    }
    const data = eventData(event, 'user.registered');
    const fields = {
      email: data.email,
      displayName: data.displayName,
      locale: data.locale,
      roles: data.roles,
      studentId: data.studentId,
      enterpriseId: data.enterpriseId,
      universityId: data.universityId,
      updatedAt: new Date(event.time),
    };
    const existing = await em.findOne(Recipient, { userId: data.userId });
    if (existing) em.assign(existing, fields);
    else em.create(Recipient, { userId: data.userId, ...fields });
  },
};
