import { eventData, type EntityManager, type EventConsumer } from '@stages/platform';
import { EnterpriseProfile, EnterpriseVerification } from '../enterprise/enterprise-profile.entity.js';

async function upsert(em: EntityManager, enterpriseId: string, changes: Partial<EnterpriseProfile>, at: Date): Promise<void> {
  const profile = await em.findOne(EnterpriseProfile, { enterpriseId });
  if (profile) em.assign(profile, { ...changes, updatedAt: at });
  else em.persist(Object.assign(new EnterpriseProfile(), { enterpriseId, ...changes, updatedAt: at }));
}

/**
 * Keeps the enterprise read model: verification from the enterprises subgraph's decisions (group
 * `offers.enterprises`), and the sector a recruiter gave when registering their enterprise.
 */
export const enterpriseProfilesConsumer: EventConsumer = {
  name: 'enterprises',
  topics: ['stages.enterprise', 'stages.user'],
  types: ['enterprise.verification-requested', 'enterprise.verified', 'enterprise.rejected', 'enterprise.verification-reset', 'user.registered'],
  async handle(em, event) {
    const at = new Date(event.time);
    switch (event.type) {
      case 'enterprise.verification-requested': {
        const data = eventData(event, 'enterprise.verification-requested');
        return upsert(em, data.enterpriseId, { verificationStatus: EnterpriseVerification.SUBMITTED, rejectionReason: null }, at);
      }
      case 'enterprise.verified': {
        const data = eventData(event, 'enterprise.verified');
        return upsert(em, data.enterpriseId, { verificationStatus: EnterpriseVerification.VERIFIED, rejectionReason: null }, at);
      }
      case 'enterprise.verification-reset': {
        // A verified enterprise changed its SIRET: it publishes again only once verified anew.
        const data = eventData(event, 'enterprise.verification-reset');
        return upsert(em, data.enterpriseId, { verificationStatus: EnterpriseVerification.PENDING, rejectionReason: null }, at);
      }
      case 'enterprise.rejected': {
        const data = eventData(event, 'enterprise.rejected');
        return upsert(em, data.enterpriseId, { verificationStatus: EnterpriseVerification.REJECTED, rejectionReason: data.reason }, at);
      }
      case 'user.registered': {
        const data = eventData(event, 'user.registered');
        if (!data.enterpriseId || !data.enterprise) return;
        const known = await em.findOne(EnterpriseProfile, { enterpriseId: data.enterpriseId });
        // A recruiter joining a known enterprise repeats its sector; the first one stays.
        if (known?.sector) return;
        return upsert(em, data.enterpriseId, { sector: data.enterprise.sector || null }, at);
      }
    }
  },
};
