import { describe, expect, it } from 'vitest';
import { minimumMonthlyStipendCents, presenceHours } from './gratification.js';

const RULE_2026 = { centsPerHour: 450, thresholdHours: 308 };

describe('legal minimum gratification', () => {
  it('should not be due for two months at 35 hours a week (303 hours of presence)', () => {
    expect(presenceHours(2, 35)).toBeCloseTo(303.33, 2);
    expect(minimumMonthlyStipendCents(2, 35, RULE_2026)).toBeNull();
  });

  it('should be due beyond 308 hours, so two months at 39 hours a week already count', () => {
    expect(presenceHours(2, 39)).toBeGreaterThan(308);
    expect(minimumMonthlyStipendCents(2, 39, RULE_2026)).toBe(Math.ceil(450 * 39 * 52 / 12));
  });

  it('should pay each hour of presence at the configured rate when due', () => {
    // 35 h a week = 151.67 h a month; at EUR 4.50 an hour, EUR 682.50 a month.
    expect(minimumMonthlyStipendCents(6, 35, RULE_2026)).toBe(68_250);
    expect(minimumMonthlyStipendCents(3, 20, RULE_2026)).toBeNull();
    expect(minimumMonthlyStipendCents(4, 20, RULE_2026)).toBe(39_000);
  });

  it('should follow the configured rate rather than a literal', () => {
    expect(minimumMonthlyStipendCents(6, 35, { centsPerHour: 460, thresholdHours: 308 })).toBe(Math.ceil(460 * 35 * 52 / 12));
    expect(minimumMonthlyStipendCents(6, 35, { centsPerHour: 450, thresholdHours: 1000 })).toBeNull();
  });
});
