import { describe, expect, it } from 'vitest';
import { ApplicationStatus } from './application.entity.js';
import { isApplicationTransition, isOpenApplicationStatus, maySetApplicationStatus, nextApplicationStatuses } from './application.transitions.js';

const { SUBMITTED, SHORTLISTED, INTERVIEW, OFFERED, ACCEPTED, REJECTED, WITHDRAWN } = ApplicationStatus;
const ALL = Object.values(ApplicationStatus);

describe('application transitions', () => {
  it('should follow the process SUBMITTED → SHORTLISTED → INTERVIEW → OFFERED → ACCEPTED one step at a time', () => {
    expect(nextApplicationStatuses(SUBMITTED)).toEqual([SHORTLISTED, REJECTED, WITHDRAWN]);
    expect(nextApplicationStatuses(SHORTLISTED)).toEqual([INTERVIEW, REJECTED, WITHDRAWN]);
    expect(nextApplicationStatuses(INTERVIEW)).toEqual([OFFERED, REJECTED, WITHDRAWN]);
    expect(nextApplicationStatuses(OFFERED)).toEqual([ACCEPTED, REJECTED, WITHDRAWN]);
    expect(isApplicationTransition(SUBMITTED, INTERVIEW)).toBe(false);
    expect(isApplicationTransition(SUBMITTED, OFFERED)).toBe(false);
    expect(isApplicationTransition(SHORTLISTED, ACCEPTED)).toBe(false);
  });

  it('should allow REJECTED and WITHDRAWN from every open status and nothing from a closed one', () => {
    for (const from of [SUBMITTED, SHORTLISTED, INTERVIEW, OFFERED]) {
      expect(isOpenApplicationStatus(from)).toBe(true);
      expect(isApplicationTransition(from, REJECTED)).toBe(true);
      expect(isApplicationTransition(from, WITHDRAWN)).toBe(true);
    }
    for (const from of [ACCEPTED, REJECTED, WITHDRAWN]) {
      expect(isOpenApplicationStatus(from)).toBe(false);
      expect(nextApplicationStatuses(from)).toEqual([]);
      for (const to of ALL) expect(isApplicationTransition(from, to)).toBe(false);
    }
  });

  it('should never move back to SUBMITTED nor stay in place', () => {
    for (const from of ALL) {
      expect(isApplicationTransition(from, SUBMITTED)).toBe(false);
      expect(isApplicationTransition(from, from)).toBe(false);
    }
  });

  it('should give recruiters the enterprise’s moves and the student acceptance and withdrawal', () => {
    expect(nextApplicationStatuses(SUBMITTED, ['RECRUITER'])).toEqual([SHORTLISTED, REJECTED]);
    expect(nextApplicationStatuses(OFFERED, ['RECRUITER'])).toEqual([REJECTED]);
    expect(nextApplicationStatuses(OFFERED, ['STUDENT'])).toEqual([ACCEPTED, WITHDRAWN]);
    expect(nextApplicationStatuses(INTERVIEW, ['STUDENT'])).toEqual([WITHDRAWN]);
    expect(nextApplicationStatuses(OFFERED, ['SYSTEM_ADMIN'])).toEqual([ACCEPTED, REJECTED, WITHDRAWN]);
    expect(nextApplicationStatuses(SUBMITTED, [])).toEqual([]);
    expect(maySetApplicationStatus(['RECRUITER'], ACCEPTED)).toBe(false);
    expect(maySetApplicationStatus(['RECRUITER'], WITHDRAWN)).toBe(false);
    expect(maySetApplicationStatus(['STUDENT'], SHORTLISTED)).toBe(false);
    expect(maySetApplicationStatus(['STUDENT'], ACCEPTED)).toBe(true);
    for (const to of ALL) expect(maySetApplicationStatus(['SYSTEM_ADMIN'], to)).toBe(true);
    expect(maySetApplicationStatus([], REJECTED)).toBe(false);
  });
});
