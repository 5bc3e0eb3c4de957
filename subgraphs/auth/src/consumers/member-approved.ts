import { eventData, type EventConsumer } from '@stages/platform';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { User } from '../user/user.entity.js';


/** A recruiter accepted into an enterprise acts for it from their next access token on. */
export const memberApprovedConsumer: EventConsumer = {
  name: 'memberships',
  topics: ['stages.enterprise'],
  types: ['enterprise.member-approved'],
  async handle(em, event) {
    const data = eventData(event, 'enterprise.member-approved');
    const updated = await em.nativeUpdate(User, { id: data.userId }, { enterpriseId: data.enterpriseId });
    if (updated === 0) return;
    // Recorded in the consumer's transaction, so the audit entry exists exactly when the change does.
    em.create(AuditEvent, { action: 'enterprise.joined', userId: data.userId, occurredAt: new Date(event.time), details: { enterpriseId: data.enterpriseId, requestId: data.requestId } });
  },
};
