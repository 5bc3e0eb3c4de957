import { describe, expect, it } from 'vitest';
import { InternshipStatus } from './internship.entity.js';
import { isActiveInternshipStatus, isInternshipTransition, nextInternshipStatuses } from './internship.transitions.js';

const { PLANNED, ONGOING, COMPLETED, TERMINATED } = InternshipStatus;

describe('internship transitions', () => {
  it('should start a planned internship and complete an ongoing one', () => {
    expect(isInternshipTransition(PLANNED, ONGOING)).toBe(true);
    expect(isInternshipTransition(ONGOING, COMPLETED)).toBe(true);
    expect(nextInternshipStatuses(PLANNED)).toEqual([ONGOING, TERMINATED]);
    expect(nextInternshipStatuses(ONGOING)).toEqual([COMPLETED, TERMINATED]);
  });

  it('should not complete an internship that has not started, nor start it twice', () => {
    expect(isInternshipTransition(PLANNED, COMPLETED)).toBe(false);
    expect(isInternshipTransition(ONGOING, ONGOING)).toBe(false);
    expect(isInternshipTransition(ONGOING, PLANNED)).toBe(false);
  });

  it('should keep a completed or terminated internship as it is', () => {
    for (const from of [COMPLETED, TERMINATED]) {
      expect(nextInternshipStatuses(from)).toEqual([]);
      expect(isActiveInternshipStatus(from)).toBe(false);
      for (const to of Object.values(InternshipStatus)) expect(isInternshipTransition(from, to)).toBe(false);
    }
  });

  it('should let a planned or ongoing internship change its dates and supervisor', () => {
    expect(isActiveInternshipStatus(PLANNED)).toBe(true);
    expect(isActiveInternshipStatus(ONGOING)).toBe(true);
  });
});
