/** The time zone whose calendar days events are counted in (the platform's default, ARCHITECTURE.md). */
export const ACTIVITY_TIME_ZONE = 'Europe/Paris';

export const MAX_ACTIVITY_DAYS = 366;

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: ACTIVITY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (YYYY-MM-DD, Europe/Paris) of an instant. */
export const activityDay = (at: Date): string => dayFormat.format(at);

/** Days from `from` to `to`, both included (YYYY-MM-DD dates). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
