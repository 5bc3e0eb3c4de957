/** The languages Stages speaks; French first (the default). */
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

/** Longest Accept-Language value read (the gateway forwards no more either). */
export const MAX_ACCEPT_LANGUAGE_LENGTH = 200;

/**
 * The caller's language from an Accept-Language header: the supported language of highest weight (RFC 9110,
 * `q` from 0 to 1, the first listed wins a tie; `fr-CA` counts as `fr`), French when none is supported.
 */
export function negotiateLocale(header: string | readonly string[] | undefined): Locale {
  const value = (Array.isArray(header) ? header.join(',') : (header as string | undefined) ?? '').slice(0, MAX_ACCEPT_LANGUAGE_LENGTH);
  const ranges = value
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      // RFC 9110 weights go from 0 to 1: anything else is not a weight.
      return { language: tag.trim().toLowerCase().split('-')[0]!, weight: Number.isFinite(weight) && weight <= 1 ? weight : 0, index };
    })
    .filter((range) => range.language !== '' && range.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const range of ranges) {
    if (range.language === '*') return DEFAULT_LOCALE;
    const supported = LOCALES.find((locale) => locale === range.language);
    if (supported) return supported;
  }
  return DEFAULT_LOCALE;
}
