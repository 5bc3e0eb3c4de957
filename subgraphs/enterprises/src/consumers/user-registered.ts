import type { EventConsumer } from '@stages/platform';
import { Enterprise, VerificationStatus } from '../enterprise/enterprise.entity.js';

interface EnterpriseRegistered {
  userId: string;
  roles: string[];
  enterpriseId: string | null;
  enterprise?: { name: string; legalName: string; siret: string; nafCode: string; sector: string; city: string; headcount: number };
}

/**
 * A recruiter who registers brings their enterprise: it is created pending verification, under the id their
 * account carries (`enterprise_id` in tokens). A SIRET already known is not created twice; joining an existing
 * enterprise is a membership request, not handled yet.
 */
export const userRegisteredConsumer: EventConsumer = {
  name: 'registrations',
  topics: ['stages.user'],
  types: ['user.registered'],
  async handle(em, event) {
    const data = event.data as unknown as EnterpriseRegistered;
    if (!data.roles.includes('ENTERPRISE') || !data.enterpriseId || !data.enterprise) return;
    if (await em.findOne(Enterprise, { $or: [{ id: data.enterpriseId }, { siret: data.enterprise.siret }] })) return;
    em.create(Enterprise, {
      id: data.enterpriseId,
      ...data.enterprise,
      website: null,
      verificationStatus: VerificationStatus.PENDING,
      createdAt: new Date(event.time),
    });
  },
};
