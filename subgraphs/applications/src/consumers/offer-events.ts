import { eventData, type EntityManager, type EventConsumer } from '@stages/platform';
import { OfferSnapshot, OfferSnapshotStatus } from '../offer-snapshot/offer-snapshot.entity.js';

type SnapshotFields = Partial<Pick<OfferSnapshot, 'title' | 'status' | 'deadline'>> & { enterpriseId: string };

/** Applies one event's view of an offer, unless the snapshot already comes from a later event. */
async function applySnapshot(em: EntityManager, offerId: string, at: Date, fields: SnapshotFields, status: OfferSnapshotStatus): Promise<void> {
  const snapshot = await em.findOne(OfferSnapshot, { id: offerId });
  if (!snapshot) {
    em.create(OfferSnapshot, { id: offerId, title: null, deadline: null, ...fields, status, updatedAt: at });
    return;
  }
  if (snapshot.updatedAt > at) return;
  em.assign(snapshot, { ...fields, status, updatedAt: at });
}

/**
 * Keeps the offer snapshot (group `applications.offers`): whether an offer takes applications (PUBLISHED, until
 * its deadline) and which enterprise it belongs to.
 */
export const offerEventsConsumer: EventConsumer = {
  name: 'offers',
  topics: ['stages.offer'],
  types: ['offer.published', 'offer.updated', 'offer.closed'],
  async handle(em, event) {
    const at = new Date(event.time);
    switch (event.type) {
      case 'offer.published': {
        const data = eventData(event, 'offer.published');
        await applySnapshot(em, data.offerId, at, { enterpriseId: data.enterpriseId, title: data.title, deadline: data.deadline }, OfferSnapshotStatus.PUBLISHED);
        return;
      }
      case 'offer.updated': {
        const data = eventData(event, 'offer.updated');
        await applySnapshot(em, data.offerId, at, { enterpriseId: data.enterpriseId, title: data.title, deadline: data.deadline }, data.status as OfferSnapshotStatus);
        return;
      }
      case 'offer.closed': {
        const data = eventData(event, 'offer.closed');
        await applySnapshot(em, data.offerId, at, { enterpriseId: data.enterpriseId }, OfferSnapshotStatus.CLOSED);
        return;
      }
    }
  },
};
