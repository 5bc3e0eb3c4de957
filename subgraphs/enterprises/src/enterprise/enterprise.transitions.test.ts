import { describe, expect, it } from 'vitest';
import { VerificationStatus } from './enterprise.entity.js';
import { isVerificationTransition, maySetVerificationStatus, nextVerificationStatuses, statusAfterSiretChange } from './enterprise.transitions.js';

const { PENDING, SUBMITTED, VERIFIED, REJECTED } = VerificationStatus;
const ALL = Object.values(VerificationStatus);

describe('enterprise verification transitions', () => {
  it('should go PENDING → SUBMITTED → VERIFIED or REJECTED, and REJECTED → SUBMITTED again', () => {
    expect(nextVerificationStatuses(PENDING)).toEqual([SUBMITTED]);
    expect(nextVerificationStatuses(SUBMITTED)).toEqual([VERIFIED, REJECTED]);
    expect(nextVerificationStatuses(REJECTED)).toEqual([SUBMITTED]);
    expect(nextVerificationStatuses(VERIFIED)).toEqual([]);
    expect(isVerificationTransition(PENDING, VERIFIED)).toBe(false);
    expect(isVerificationTransition(REJECTED, VERIFIED)).toBe(false);
    for (const status of ALL) expect(isVerificationTransition(status, status)).toBe(false);
  });

  it('should let recruiters submit and only system administrators decide', () => {
    expect(nextVerificationStatuses(PENDING, ['RECRUITER'])).toEqual([SUBMITTED]);
    expect(nextVerificationStatuses(SUBMITTED, ['RECRUITER'])).toEqual([]);
    expect(nextVerificationStatuses(SUBMITTED, ['SYSTEM_ADMIN'])).toEqual([VERIFIED, REJECTED]);
    expect(nextVerificationStatuses(PENDING, ['SYSTEM_ADMIN'])).toEqual([]);
    expect(maySetVerificationStatus(['RECRUITER'], VERIFIED)).toBe(false);
    expect(maySetVerificationStatus(['RECRUITER'], REJECTED)).toBe(false);
    expect(maySetVerificationStatus(['SYSTEM_ADMIN'], SUBMITTED)).toBe(false);
    expect(maySetVerificationStatus([], SUBMITTED)).toBe(false);
  });

  it('should send a verified enterprise back to PENDING when its SIRET changes, and leave the others', () => {
    expect(statusAfterSiretChange(VERIFIED)).toBe(PENDING);
    expect(statusAfterSiretChange(SUBMITTED)).toBe(SUBMITTED);
    expect(statusAfterSiretChange(REJECTED)).toBe(REJECTED);
    expect(statusAfterSiretChange(PENDING)).toBe(PENDING);
  });
});
