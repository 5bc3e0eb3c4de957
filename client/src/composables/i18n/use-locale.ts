import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { applyDocumentLocale, intlLocales, isLocale, locales, rememberLocale, type Locale } from '../../i18n';

/** The interface language: read it, switch it (remembered in localStorage, mirrored on `<html lang>`). */
export function useLocale() {
  const { locale } = useI18n({ useScope: 'global' });

  const current = computed<Locale>(() => (isLocale(locale.value) ? locale.value : 'fr'));
  const intlLocale = computed(() => intlLocales[current.value]);

  function setLocale(next: Locale): void {
    locale.value = next;
    rememberLocale(next);
    applyDocumentLocale(next);
  }

  return { locales, current, intlLocale, setLocale };
}
