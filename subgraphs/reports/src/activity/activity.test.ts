import { describe, expect, it } from 'vitest';
import { activityDay, daysBetween } from './activity.js';

describe('activity days', () => {
  it('should count an event in the Paris calendar day it happened in', () => {
    expect(activityDay(new Date('2026-03-01T22:30:00Z'))).toBe('2026-03-01');
    expect(activityDay(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-02');
    expect(activityDay(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
  });

  it('should count both ends of a period', () => {
    expect(daysBetween('2026-01-01', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(365);
    expect(daysBetween('2028-01-01', '2028-12-31')).toBe(366);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(3);
  });
});
