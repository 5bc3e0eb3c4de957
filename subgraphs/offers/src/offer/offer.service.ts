import { OptimisticLockError } from '@mikro-orm/core';
import { authorize, badUserInput, conflict, loadVisibleOrThrow, parseId } from '@stages/platform';
import type { OffersContext } from '../context.js';
import { EnterpriseProfile, EnterpriseVerification } from '../enterprise/enterprise-profile.entity.js';
import { offerSettings } from '../settings.js';
import { Offer, OfferStatus } from './offer.entity.js';
import type { CreateOfferInput, UpdateOfferInput } from './offer.inputs.js';
import { canManageOffer, canReadOffer, offerOwnerFor } from './offer.policy.js';
import { isOfferTransition, nextOfferStatuses } from './offer.transitions.js';
import { localDate, validateOfferDraft, type OfferDraft } from './offer.validation.js';

/** Statuses in which an enterprise may still edit its offer. */
const EDITABLE: ReadonlySet<OfferStatus> = new Set([OfferStatus.DRAFT, OfferStatus.PUBLISHED]);

function validationContext(changed: ReadonlySet<keyof OfferDraft> | 'all') {
  const settings = offerSettings();
  return {
    today: localDate(new Date(), settings.OFFERS_TIME_ZONE),
    rule: { centsPerHour: settings.OFFERS_MIN_GRATIFICATION_CENTS_PER_HOUR, thresholdHours: settings.OFFERS_GRATIFICATION_THRESHOLD_HOURS },
    changed,
  };
}

async function flushOrConflict(ctx: OffersContext, from: OfferStatus): Promise<void> {
  try {
    await ctx.em.flush();
  } catch (error) {
    // Someone else changed it between our read and our write: nothing of ours was committed.
    if (error instanceof OptimisticLockError) throw conflict('This offer has just changed: reload it and try again.', { status: from });
    throw error;
  }
}

function emitUpdated(ctx: OffersContext, offer: Offer): void {
  ctx.emit({
    type: 'offer.updated',
    subject: offer.id,
    data: { offerId: offer.id, enterpriseId: offer.enterpriseId, title: offer.title, status: offer.status, deadline: offer.deadline },
  });
}

/** A draft offer for the caller's enterprise (or, for a system administrator, the one named). */
export async function createOffer(ctx: OffersContext, input: CreateOfferInput): Promise<Offer> {
  const owner = offerOwnerFor(ctx.viewer, input.enterpriseId ? parseId(input.enterpriseId, 'enterpriseId') : null);
  authorize(ctx.viewer, owner !== null, 'Only an enterprise’s recruiters (for their enterprise) and system administrators create offers.');
  if (!owner!.enterpriseId) throw badUserInput('enterpriseId', 'enterpriseId is required: which enterprise offers the internship?');
  const draft = validateOfferDraft(
    {
      title: input.title,
      description: input.description,
      skills: input.skills ?? [],
      city: input.city,
      country: input.country ?? 'FR',
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      remote: input.remote,
      durationMonths: input.durationMonths,
      weeklyHours: input.weeklyHours ?? 35,
      stipendCents: input.stipendCents ?? null,
      startDate: input.startDate,
      deadline: input.deadline ?? null,
    },
    validationContext('all'),
  );
  const profile = await ctx.em.findOne(EnterpriseProfile, { enterpriseId: owner!.enterpriseId });
  const offer = Object.assign(new Offer(), draft, { enterpriseId: owner!.enterpriseId, sector: profile?.sector ?? null, status: OfferStatus.DRAFT });
  await ctx.em.persist(offer).flush();
  return offer;
}

type Patch = { [K in keyof OfferDraft]?: OfferDraft[K] | null };

/** Changes a draft or published offer: its enterprise's recruiters or a system administrator; `offer.updated`. */
export async function updateOffer(ctx: OffersContext, id: string, input: UpdateOfferInput): Promise<Offer> {
  const offer = await loadVisibleOrThrow(ctx.loaders.offerById, 'Offer', id, ctx.viewer, (found) => canReadOffer(ctx.viewer, found));
  authorize(ctx.viewer, canManageOffer(ctx.viewer, offer), 'Only the enterprise’s recruiters and system administrators edit an offer.');
  if (!EDITABLE.has(offer.status)) {
    throw conflict(`This offer is ${offer.status}: only draft and published offers can be edited.`, { status: offer.status, allowed: nextOfferStatuses(offer.status) });
  }
  const patch: Patch = { ...input };
  const given = (Object.keys(patch) as Array<keyof OfferDraft>).filter((field) => patch[field] !== undefined);
  // Required fields cannot be cleared.
  for (const field of ['title', 'description', 'skills', 'city', 'country', 'remote', 'startDate', 'durationMonths', 'weeklyHours'] as const) {
    if (patch[field] === null) throw badUserInput(field, `${field} cannot be empty.`);
  }
  const merged: OfferDraft = {
    title: patch.title ?? offer.title,
    description: patch.description ?? offer.description,
    skills: patch.skills ?? offer.skills,
    city: patch.city ?? offer.city,
    country: patch.country ?? offer.country,
    latitude: patch.latitude !== undefined ? patch.latitude : offer.latitude,
    longitude: patch.longitude !== undefined ? patch.longitude : offer.longitude,
    remote: patch.remote ?? offer.remote,
    durationMonths: patch.durationMonths ?? offer.durationMonths,
    weeklyHours: patch.weeklyHours ?? offer.weeklyHours,
    stipendCents: patch.stipendCents !== undefined ? patch.stipendCents : offer.stipendCents,
    startDate: patch.startDate ?? offer.startDate,
    deadline: patch.deadline !== undefined ? patch.deadline : offer.deadline,
  };
  // A new place without coordinates is looked up again rather than keeping the old city's.
  const moved = (patch.city != null && patch.city.trim() !== offer.city) || (patch.country != null && patch.country.trim().toUpperCase() !== offer.country);
  if (moved && patch.latitude === undefined && patch.longitude === undefined) Object.assign(merged, { latitude: null, longitude: null });
  const draft = validateOfferDraft(merged, validationContext(new Set(given)));
  const from = offer.status;
  ctx.em.assign(offer, draft);
  emitUpdated(ctx, offer);
  await flushOrConflict(ctx, from);
  return offer;
}

/**
 * Moves an offer to `to` for its enterprise's recruiters or a system administrator; `guard` may refuse the move
 * for reasons beyond the transition table, and `apply` sets what goes with it and queues its event, committed in
 * the same transaction as the new status.
 */
export async function changeOfferStatus(
  ctx: OffersContext,
  id: string,
  to: OfferStatus,
  apply: (offer: Offer) => void = () => undefined,
  guard: (offer: Offer) => Promise<void> = async () => undefined,
): Promise<Offer> {
  const offer = await loadVisibleOrThrow(ctx.loaders.offerById, 'Offer', id, ctx.viewer, (found) => canReadOffer(ctx.viewer, found));
  authorize(ctx.viewer, canManageOffer(ctx.viewer, offer), 'Only the enterprise’s recruiters and system administrators change an offer’s status.');
  const from = offer.status;
  if (!isOfferTransition(from, to)) {
    const allowed = nextOfferStatuses(from);
    throw conflict(`This offer is ${from}: it cannot move to ${to}${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}.`, { status: from, allowed });
  }
  await guard(offer);
  offer.status = to;
  apply(offer);
  await flushOrConflict(ctx, from);
  return offer;
}

const VERIFICATION_HINT: Record<EnterpriseVerification, string> = {
  PENDING: 'its profile has not been submitted for verification yet',
  SUBMITTED: 'its verification is awaiting a system administrator',
  REJECTED: 'its verification was refused',
  VERIFIED: '',
};

/** Only verified enterprises publish; an offer whose deadline has passed must be given a new one first. */
async function mayPublish(ctx: OffersContext, offer: Offer): Promise<void> {
  const profile = await ctx.em.findOne(EnterpriseProfile, { enterpriseId: offer.enterpriseId });
  const verification = profile?.verificationStatus ?? EnterpriseVerification.PENDING;
  if (verification !== EnterpriseVerification.VERIFIED) {
    const reason = profile?.rejectionReason ? ` (${profile.rejectionReason})` : '';
    throw conflict(`This enterprise is not verified yet: ${VERIFICATION_HINT[verification]}${reason}. Offers are published once Stages has verified the enterprise.`, {
      reason: 'ENTERPRISE_NOT_VERIFIED',
      verificationStatus: verification,
      status: offer.status,
      allowed: nextOfferStatuses(offer.status),
    });
  }
  const today = localDate(new Date(), offerSettings().OFFERS_TIME_ZONE);
  if (offer.deadline && offer.deadline < today) {
    throw conflict(`This offer’s deadline (${offer.deadline}) has passed: set a new one before publishing.`, { reason: 'DEADLINE_PASSED', status: offer.status, allowed: nextOfferStatuses(offer.status) });
  }
}

export const publishOffer = (ctx: OffersContext, id: string) =>
  changeOfferStatus(
    ctx,
    id,
    OfferStatus.PUBLISHED,
    (offer) => {
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
    },
    (offer) => mayPublish(ctx, offer),
  );

export const closeOffer = (ctx: OffersContext, id: string) =>
  changeOfferStatus(ctx, id, OfferStatus.CLOSED, (offer) => {
    ctx.emit({ type: 'offer.closed', subject: offer.id, data: { offerId: offer.id, enterpriseId: offer.enterpriseId, reason: 'MANUAL' } });
  });

// Archiving only tidies the enterprise's list: nobody else needs to hear of it.
export const archiveOffer = (ctx: OffersContext, id: string) => changeOfferStatus(ctx, id, OfferStatus.ARCHIVED);
