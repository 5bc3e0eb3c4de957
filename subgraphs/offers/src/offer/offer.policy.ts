import { hasRole, isSystemAdmin, type Viewer } from '@stages/platform';
import { OfferStatus, type Offer } from './offer.entity.js';

const PUBLIC_STATUSES: ReadonlySet<OfferStatus> = new Set([OfferStatus.PUBLISHED, OfferStatus.CLOSED]);

const isOwner = (viewer: Viewer | null, enterpriseId: string) => hasRole(viewer, 'ENTERPRISE') && viewer?.enterpriseId === enterpriseId;

/** Published and closed offers are public; drafts and archived offers only to their enterprise and system administrators. */
export const canReadOffer = (viewer: Viewer | null, offer: Offer): boolean =>
  PUBLIC_STATUSES.has(offer.status) || isSystemAdmin(viewer) || isOwner(viewer, offer.enterpriseId);

/** The filter a caller may list offers of a status with, or null when they may not. */
export function offerScope(viewer: Viewer | null, status: OfferStatus): { status: OfferStatus; enterpriseId?: string } | null {
  if (PUBLIC_STATUSES.has(status) || isSystemAdmin(viewer)) return { status };
  if (viewer?.enterpriseId && hasRole(viewer, 'ENTERPRISE')) return { status, enterpriseId: viewer.enterpriseId };
  return null;
}

/** An offer's status is changed by its enterprise's recruiters and by system administrators. */
export const canManageOffer = (viewer: Viewer | null, offer: Offer): boolean => isSystemAdmin(viewer) || isOwner(viewer, offer.enterpriseId);

/**
 * The enterprise a caller creates an offer for: a recruiter's own (they may name it, not another), any for a
 * system administrator (who must name it); null when the caller may not create offers.
 */
export function offerOwnerFor(viewer: Viewer | null, requested: string | null | undefined): { enterpriseId: string | null } | null {
  if (isSystemAdmin(viewer)) return { enterpriseId: requested ?? null };
  if (viewer?.enterpriseId && hasRole(viewer, 'ENTERPRISE') && (!requested || requested === viewer.enterpriseId)) return { enterpriseId: viewer.enterpriseId };
  return null;
}
