import { createI18n } from 'vue-i18n';
import en from './en.json';
import fr from './fr.json';

export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = 'fr';

/** BCP 47 tags used with Intl for each interface language. */
export const intlLocales: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

const storageKey = 'stages.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(storageKey);
    return isLocale(value) ? value : null;
  } catch {
    // Storage can be disabled (private mode, strict policies): fall back to the default.
    return null;
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Not remembered, but the switch still applies to this page.
  }
}

export function applyDocumentLocale(locale: Locale): void {
  document.documentElement.lang = locale;
}

// French counts 0 and 1 as singular ("0 offre", "1 offre", "2 offres").
function frenchPlural(choice: number, choicesLength: number): number {
  const index = Math.abs(choice) < 2 ? 0 : 1;
  return Math.min(index, choicesLength - 1);
}

const initialLocale = storedLocale() ?? defaultLocale;
applyDocumentLocale(initialLocale);

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale,
  fallbackLocale: defaultLocale,
  messages: { fr, en },
  pluralRules: { fr: frenchPlural },
});

/** The interface language now (what the API is asked to word its texts in). */
export function currentLocale(): Locale {
  const value = i18n.global.locale.value;
  return isLocale(value) ? value : defaultLocale;
}
