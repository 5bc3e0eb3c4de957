import { OfferStatus } from './offer.entity.js';

const { DRAFT, PUBLISHED, CLOSED, ARCHIVED } = OfferStatus;

// A draft is published or dropped; a published offer closes; a closed one is archived; an archived one is final.
const NEXT: Readonly<Record<OfferStatus, readonly OfferStatus[]>> = {
  DRAFT: [PUBLISHED, ARCHIVED],
  PUBLISHED: [CLOSED],
  CLOSED: [ARCHIVED],
  ARCHIVED: [],
};

/** The statuses an offer in `from` may move to. */
export const nextOfferStatuses = (from: OfferStatus): OfferStatus[] => [...NEXT[from]];

/** Whether an offer may move from `from` to `to`. */
export const isOfferTransition = (from: OfferStatus, to: OfferStatus): boolean => NEXT[from].includes(to);
