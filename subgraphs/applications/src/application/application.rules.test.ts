import { describe, expect, it } from 'vitest';
import { ApplicationStatus } from './application.entity.js';
import { applyRefusal, blocksNewApplication, localDate, parseApplyInput } from './application.rules.js';

const ID = '0190c3a2-1111-7111-8111-111111111111';
const open = { status: 'PUBLISHED', deadline: '2026-03-15' };

describe('applying', () => {
  it('should read the deadline day in Europe/Paris, not UTC', () => {
    // 23:30 UTC on 15 March is already 16 March in Paris (UTC+1 in winter, +2 in summer).
    expect(localDate(new Date('2026-03-15T23:30:00Z'))).toBe('2026-03-16');
    expect(localDate(new Date('2026-03-15T22:59:00Z'))).toBe('2026-03-15');
    expect(localDate(new Date('2026-07-14T22:30:00Z'))).toBe('2026-07-15');
  });

  it('should accept an application to a published offer up to and including its deadline', () => {
    expect(applyRefusal(open, '2026-03-15', null)).toBeNull();
    expect(applyRefusal({ status: 'PUBLISHED', deadline: null }, '2030-01-01', null)).toBeNull();
    expect(applyRefusal(open, '2026-03-16', null)).toMatchObject({ reason: 'DEADLINE_PASSED', deadline: '2026-03-15', message: expect.stringContaining('2026-03-15') });
  });

  it('should refuse an offer that is not published, or unknown here', () => {
    for (const status of ['DRAFT', 'CLOSED', 'ARCHIVED']) expect(applyRefusal({ status, deadline: null }, '2026-01-01', null)).toMatchObject({ reason: 'OFFER_NOT_OPEN', offerStatus: status });
    expect(applyRefusal(null, '2026-01-01', null)).toMatchObject({ reason: 'OFFER_NOT_OPEN', message: 'This offer is not open to applications.', offerStatus: null });
  });

  it('should refuse a second application while one is open or accepted, not after a refusal or withdrawal', () => {
    for (const status of [ApplicationStatus.SUBMITTED, ApplicationStatus.SHORTLISTED, ApplicationStatus.INTERVIEW, ApplicationStatus.OFFERED, ApplicationStatus.ACCEPTED]) {
      expect(blocksNewApplication(status)).toBe(true);
      expect(applyRefusal(open, '2026-03-01', { id: ID, status })).toMatchObject({ reason: 'ALREADY_APPLIED', applicationId: ID, status });
    }
    for (const status of [ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN]) {
      expect(blocksNewApplication(status)).toBe(false);
      expect(applyRefusal(open, '2026-03-01', { id: ID, status })).toBeNull();
    }
  });

  it('should check the input: ids, a bounded cover letter, at most five documents', () => {
    expect(parseApplyInput({ offerId: ID.toUpperCase(), coverLetter: '  ', documentIds: [ID, ID] })).toEqual({ offerId: ID, coverLetter: null, documentIds: [ID] });
    const field = (input: Parameters<typeof parseApplyInput>[0]) => {
      try {
        parseApplyInput(input);
        return null;
      } catch (error) {
        return (error as { extensions: { field: string } }).extensions.field;
      }
    };
    expect(field({ offerId: 'nope' })).toBe('offerId');
    expect(field({ offerId: ID, coverLetter: 'x'.repeat(5001) })).toBe('coverLetter');
    expect(field({ offerId: ID, coverLetter: 'x'.repeat(5000) })).toBeNull();
    expect(field({ offerId: ID, documentIds: ['cv.pdf'] })).toBe('documentIds');
    const six = Array.from({ length: 6 }, (_, i) => `0190c3a2-1111-7111-8111-11111111111${i}`);
    expect(field({ offerId: ID, documentIds: six })).toBe('documentIds');
  });
});
