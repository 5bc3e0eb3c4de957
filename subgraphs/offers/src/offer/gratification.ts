/** The legal figures the gratification rule needs (from the subgraph's settings). */
export interface GratificationRule {
  /** Minimum gratification per hour of presence, in euro cents. */
  centsPerHour: number;
  /** Gratification is due beyond this many hours of presence. */
  thresholdHours: number;
}

/** Average weeks in a month (52 weeks a year). */
const WEEKS_PER_MONTH = 52 / 12;

/** Hours of presence a month at `weeklyHours` a week. */
export const monthlyHours = (weeklyHours: number): number => weeklyHours * WEEKS_PER_MONTH;

/** Hours of presence over the whole internship. */
export const presenceHours = (durationMonths: number, weeklyHours: number): number => durationMonths * monthlyHours(weeklyHours);

/**
 * The minimum monthly gratification in cents, or null when none is due: it is due when the presence exceeds the
 * threshold (more than 2 months, L124-6: from the 309th hour), at the hourly rate for each hour of presence.
 */
export function minimumMonthlyStipendCents(durationMonths: number, weeklyHours: number, rule: GratificationRule): number | null {
  // A little tolerance so 2 months at 35 h (303.33 h) and a rounding of 308.0000001 h read as people count them.
  if (presenceHours(durationMonths, weeklyHours) <= rule.thresholdHours + 1e-9) return null;
  return Math.ceil(rule.centsPerHour * monthlyHours(weeklyHours) - 1e-9);
}

/** Euros from cents as people read them, e.g. "682.50". */
export const euros = (cents: number): string => (cents / 100).toFixed(2);
