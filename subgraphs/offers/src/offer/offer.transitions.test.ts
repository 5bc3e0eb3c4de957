import { describe, expect, it } from 'vitest';
import { OfferStatus } from './offer.entity.js';
import { isOfferTransition, nextOfferStatuses } from './offer.transitions.js';

const { DRAFT, PUBLISHED, CLOSED, ARCHIVED } = OfferStatus;

describe('offer transitions', () => {
  it('should publish or archive a draft', () => {
    expect(nextOfferStatuses(DRAFT)).toEqual([PUBLISHED, ARCHIVED]);
  });

  it('should only close a published offer', () => {
    expect(nextOfferStatuses(PUBLISHED)).toEqual([CLOSED]);
    expect(isOfferTransition(PUBLISHED, ARCHIVED)).toBe(false);
    expect(isOfferTransition(PUBLISHED, DRAFT)).toBe(false);
  });

  it('should only archive a closed offer, and never reopen it', () => {
    expect(nextOfferStatuses(CLOSED)).toEqual([ARCHIVED]);
    expect(isOfferTransition(CLOSED, PUBLISHED)).toBe(false);
  });

  it('should keep an archived offer archived and never stay in place', () => {
    expect(nextOfferStatuses(ARCHIVED)).toEqual([]);
    for (const status of Object.values(OfferStatus)) expect(isOfferTransition(status, status)).toBe(false);
  });
});
