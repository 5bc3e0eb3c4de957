import { loadConfig } from '@stages/platform';
import { z } from 'zod';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * The offers subgraph's own settings, read once. The legal figures are configuration, not literals in code: the
 * minimum gratification is a share of the hourly social security ceiling and changes every year (L124-6, D124-8).
 */
export const offerSettingsSchema = z.object({
  /** Minimum gratification per hour of presence, in euro cents (EUR 4.50 in 2026). */
  OFFERS_MIN_GRATIFICATION_CENTS_PER_HOUR: z.coerce.number().int().min(0, 'expected a whole number of cents').max(100_000).default(450),
  /** Gratification is due beyond this many hours of presence (2 months of 22 days of 7 hours: from hour 309). */
  OFFERS_GRATIFICATION_THRESHOLD_HOURS: z.coerce.number().int().min(0).max(10_000).default(308),
  /** Where a deadline's day ends. */
  OFFERS_TIME_ZONE: z.string().refine(isTimeZone, 'expected an IANA time zone such as Europe/Paris').default('Europe/Paris'),
  /** How often each instance closes the published offers whose deadline has passed. */
  OFFERS_DEADLINE_CHECK_INTERVAL_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
});

export type OfferSettings = z.infer<typeof offerSettingsSchema>;

let current: OfferSettings | undefined;

/** The settings, validated from the environment on first use (at start, by `onStart`). */
export function offerSettings(env: NodeJS.ProcessEnv = process.env): OfferSettings {
  current ??= loadConfig(offerSettingsSchema, env);
  return current;
}
