import { computed } from 'vue';
import { useLocale } from './use-locale';

/** Number, money and date formatters for the current interface language. */
export function useFormat() {
  const { intlLocale } = useLocale();

  const integer = computed(() => new Intl.NumberFormat(intlLocale.value, { maximumFractionDigits: 0 }));
  const euros = computed(
    () => new Intl.NumberFormat(intlLocale.value, { style: 'currency', currency: 'EUR' }),
  );
  const date = computed(
    () => new Intl.DateTimeFormat(intlLocale.value, { dateStyle: 'long', timeZone: 'Europe/Paris' }),
  );
  const dateTime = computed(
    () =>
      new Intl.DateTimeFormat(intlLocale.value, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' }),
  );

  return {
    formatInteger: (value: number) => integer.value.format(value),
    formatCents: (cents: number) => euros.value.format(cents / 100),
    /** An ISO 8601 instant as a calendar date in France (where the internships are). */
    formatDate: (iso: string) => {
      const value = new Date(iso);
      return Number.isNaN(value.getTime()) ? iso : date.value.format(value);
    },
    /** An ISO 8601 instant as a date and time in France. */
    formatDateTime: (iso: string) => {
      const value = new Date(iso);
      return Number.isNaN(value.getTime()) ? iso : dateTime.value.format(value);
    },
  };
}
