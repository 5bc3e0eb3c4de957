import { eventData, type EventConsumer } from '@stages/platform';
import { Enterprise, VerificationStatus } from '../enterprise/enterprise.entity.js';
import { MembershipRequest, MembershipStatus } from '../membership/membership-request.entity.js';


/**
 * A recruiter who registers brings their enterprise: it is created pending verification, under the id their
 * account carries (`enterprise_id` in tokens). With a SIRET already known, the recruiter asks to join that
 * enterprise instead: its recruiters (or an administrator) decide.
 */
export const userRegisteredConsumer: EventConsumer = {
  name: 'registrations',
  topics: ['stages.user'],
  types: ['user.registered'],
  async handle(em, event) {
    const data = eventData(event, 'user.registered');
    if (!data.roles.includes('ENTERPRISE') || !data.enterpriseId || !data.enterprise) return;
    if (await em.findOne(Enterprise, { id: data.enterpriseId })) return;
    const existing = await em.findOne(Enterprise, { siret: data.enterprise.siret });
    if (existing) {
      if (!(await em.findOne(MembershipRequest, { enterpriseId: existing.id, userId: data.userId }))) {
        em.create(MembershipRequest, { enterpriseId: existing.id, userId: data.userId, displayName: data.displayName, email: data.email, status: MembershipStatus.PENDING, createdAt: new Date(event.time) });
      }
      return;
    }
    em.create(Enterprise, {
      id: data.enterpriseId,
      ...data.enterprise,
      website: null,
      verificationStatus: VerificationStatus.PENDING,
      createdAt: new Date(event.time),
    });
  },
};
