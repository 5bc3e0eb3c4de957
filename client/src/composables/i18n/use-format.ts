import { computed } from 'vue';
import { useLocale } from './use-locale';

/** Number and money formatters for the current interface language. */
export function useFormat() {
  const { intlLocale } = useLocale();

  const integer = computed(() => new Intl.NumberFormat(intlLocale.value, { maximumFractionDigits: 0 }));
  const euros = computed(
    () => new Intl.NumberFormat(intlLocale.value, { style: 'currency', currency: 'EUR' }),
  );

  return {
    formatInteger: (value: number) => integer.value.format(value),
    formatCents: (cents: number) => euros.value.format(cents / 100),
  };
}
