import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { authorize, badUserInput, conflict, loadByIdOrThrow, loadVisibleOrThrow, parseId, type Viewer } from '@stages/platform';
import type { ApplicationsContext } from '../context.js';
import { recruiterEnterprise } from '../application/application.policy.js';
import { ShortlistEntry } from './shortlist-entry.entity.js';
import { Shortlist } from './shortlist.entity.js';

export const SHORTLIST_NAME_MAX_LENGTH = 120;
export const MAX_SHORTLISTS_PER_ENTERPRISE = 100;
export const MAX_SHORTLIST_SIZE = 200;

/** The caller's enterprise: shortlists are kept by recruiters only (UNAUTHENTICATED / FORBIDDEN otherwise). */
export function requireRecruiter(viewer: Viewer | null): string {
  const enterpriseId = recruiterEnterprise(viewer);
  authorize(viewer, enterpriseId !== null, 'Only an enterprise’s recruiters keep shortlists.');
  return enterpriseId!;
}

export function parseShortlistName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed.length < 1 || trimmed.length > SHORTLIST_NAME_MAX_LENGTH) throw badUserInput('name', `name must have between 1 and ${SHORTLIST_NAME_MAX_LENGTH} characters.`);
  return trimmed;
}

/** One of the caller's enterprise's shortlists: NOT_FOUND when there is none, FORBIDDEN when it is another's. */
async function loadOwnShortlist(ctx: ApplicationsContext, enterpriseId: string, id: string, field = 'shortlistId'): Promise<Shortlist> {
  const shortlist = await loadByIdOrThrow(ctx.loaders.shortlistById, 'Shortlist', parseId(id, field));
  authorize(ctx.viewer, shortlist.enterpriseId === enterpriseId, 'This shortlist belongs to another enterprise.');
  return shortlist;
}

/** A recruiter starts a named shortlist, for one of the enterprise's offers or across them; names are unique per enterprise. */
export async function createShortlist(ctx: ApplicationsContext, name: string, offerId: string | null | undefined): Promise<Shortlist> {
  const enterpriseId = requireRecruiter(ctx.viewer);
  const trimmed = parseShortlistName(name);
  let forOffer: string | null = null;
  if (offerId !== null && offerId !== undefined) {
    forOffer = parseId(offerId, 'offerId');
    const offer = await ctx.loaders.offerSnapshotById.load(forOffer);
    if (offer?.enterpriseId !== enterpriseId) throw badUserInput('offerId', 'offerId must be one of your enterprise’s published offers.');
  }
  if ((await ctx.em.count(Shortlist, { enterpriseId })) >= MAX_SHORTLISTS_PER_ENTERPRISE) {
    throw conflict(`Your enterprise already has ${MAX_SHORTLISTS_PER_ENTERPRISE} shortlists: delete one first.`);
  }
  const shortlist = ctx.em.create(Shortlist, { enterpriseId, offerId: forOffer, name: trimmed, createdByUserId: ctx.viewer!.subject, createdAt: new Date() });
  try {
    await ctx.em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw conflict(`Your enterprise already has a shortlist named “${trimmed}”.`, { field: 'name' });
    throw error;
  }
  return shortlist;
}

/** Puts one of the enterprise's applications on one of its shortlists (once; adding it again changes nothing). */
export async function addToShortlist(ctx: ApplicationsContext, shortlistId: string, applicationId: string): Promise<Shortlist> {
  const enterpriseId = requireRecruiter(ctx.viewer);
  const shortlist = await loadOwnShortlist(ctx, enterpriseId, shortlistId);
  const application = await loadVisibleOrThrow(ctx.loaders.applicationById, 'Application', parseId(applicationId, 'applicationId'), ctx.viewer, (found) => found.enterpriseId === enterpriseId);
  if (shortlist.offerId && application.offerId !== shortlist.offerId) {
    throw conflict('This shortlist is for another offer: use a shortlist of this offer, or one across offers.', { offerId: shortlist.offerId });
  }
  if (await ctx.em.findOne(ShortlistEntry, { shortlistId: shortlist.id, applicationId: application.id })) return shortlist;
  if ((await ctx.em.count(ShortlistEntry, { shortlistId: shortlist.id })) >= MAX_SHORTLIST_SIZE) {
    throw conflict(`A shortlist holds at most ${MAX_SHORTLIST_SIZE} applications.`);
  }
  ctx.em.create(ShortlistEntry, { shortlistId: shortlist.id, applicationId: application.id, addedByUserId: ctx.viewer!.subject, addedAt: new Date() });
  try {
    await ctx.em.flush();
  } catch (error) {
    // Added by someone else at the same moment: it is on the list, which is what was asked.
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
  }
  return shortlist;
}

/** Takes an application off a shortlist (nothing happens when it is not on it). */
export async function removeFromShortlist(ctx: ApplicationsContext, shortlistId: string, applicationId: string): Promise<Shortlist> {
  const enterpriseId = requireRecruiter(ctx.viewer);
  const shortlist = await loadOwnShortlist(ctx, enterpriseId, shortlistId);
  await ctx.em.nativeDelete(ShortlistEntry, { shortlistId: shortlist.id, applicationId: parseId(applicationId, 'applicationId') });
  return shortlist;
}

/** Deletes one of the enterprise's shortlists (the applications stay as they are); returns its id. */
export async function deleteShortlist(ctx: ApplicationsContext, id: string): Promise<string> {
  const enterpriseId = requireRecruiter(ctx.viewer);
  const shortlist = await loadOwnShortlist(ctx, enterpriseId, id, 'id');
  await ctx.em.nativeDelete(Shortlist, { id: shortlist.id });
  return shortlist.id;
}
