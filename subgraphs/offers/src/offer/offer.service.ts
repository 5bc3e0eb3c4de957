import { OptimisticLockError } from '@mikro-orm/core';
import { authorize, conflict, loadVisibleOrThrow } from '@stages/platform';
import type { OffersContext } from '../context.js';
import { OfferStatus, type Offer } from './offer.entity.js';
import { canManageOffer, canReadOffer } from './offer.policy.js';
import { isOfferTransition, nextOfferStatuses } from './offer.transitions.js';

/**
 * Moves an offer to `to` for its enterprise's recruiters or a system administrator; `apply` sets what goes with
 * the move and queues its event, committed in the same transaction as the new status.
 */
export async function changeOfferStatus(ctx: OffersContext, id: string, to: OfferStatus, apply: (offer: Offer) => void = () => undefined): Promise<Offer> {
  const offer = await loadVisibleOrThrow(ctx.loaders.offerById, 'Offer', id, ctx.viewer, (found) => canReadOffer(ctx.viewer, found));
  authorize(ctx.viewer, canManageOffer(ctx.viewer, offer), 'Only the enterprise’s recruiters and system administrators change an offer’s status.');
  const from = offer.status;
  if (!isOfferTransition(from, to)) {
    const allowed = nextOfferStatuses(from);
    throw conflict(`This offer is ${from}: it cannot move to ${to}${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}.`, { status: from, allowed });
  }
  offer.status = to;
  apply(offer);
  try {
    await ctx.em.flush();
  } catch (error) {
    // Someone else changed it between our read and our write: nothing of ours was committed.
    if (error instanceof OptimisticLockError) throw conflict('This offer has just changed: reload it and try again.', { status: from });
    throw error;
  }
  return offer;
}

export const publishOffer = (ctx: OffersContext, id: string) =>
  changeOfferStatus(ctx, id, OfferStatus.PUBLISHED, (offer) => {
    offer.publishedAt = new Date();
    ctx.emit({
      type: 'offer.published',
      subject: offer.id,
      data: {
        offerId: offer.id,
        enterpriseId: offer.enterpriseId,
        title: offer.title,
        city: offer.city,
        country: offer.country,
        remote: offer.remote,
        durationMonths: offer.durationMonths,
        startDate: offer.startDate,
        deadline: offer.deadline,
      },
    });
  });

export const closeOffer = (ctx: OffersContext, id: string) =>
  changeOfferStatus(ctx, id, OfferStatus.CLOSED, (offer) => {
    ctx.emit({ type: 'offer.closed', subject: offer.id, data: { offerId: offer.id, enterpriseId: offer.enterpriseId, reason: 'MANUAL' } });
  });

// Archiving only tidies the enterprise's list: nobody else needs to hear of it.
export const archiveOffer = (ctx: OffersContext, id: string) => changeOfferStatus(ctx, id, OfferStatus.ARCHIVED);
