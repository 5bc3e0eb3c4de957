import { nextTick, reactive, ref, watch, type Ref } from 'vue';

/**
 * Field errors of a form as i18n keys (translated when shown, so they follow a language switch), with focus
 * moved to the first invalid field after a failed submit. Fields are checked on submit, then again as the
 * person corrects a field that was flagged.
 */
export function useForm<TField extends string>(
  fields: readonly TField[],
  checks: Record<TField, () => string | null>,
  values: Record<string, string>,
) {
  const form: Ref<HTMLFormElement | null> = ref(null);
  const errors = reactive(Object.fromEntries(fields.map((field) => [field, null]))) as Record<TField, string | null>;
  /** A message about the whole form (the server refused, or could not be reached), as an i18n key. */
  const formError = ref<{ key: string; params?: Record<string, unknown> } | null>(null);

  function check(field: TField): boolean {
    errors[field] = checks[field]();
    return errors[field] === null;
  }

  /** Re-checks a field that is already flagged, as it is corrected. */
  function recheck(field: TField): void {
    if (errors[field] !== null) check(field);
  }

  // Any change re-checks the flagged fields (a confirmation depends on the password too).
  watch(
    () => ({ ...values }),
    () => {
      for (const field of fields) recheck(field);
    },
  );

  function checkAll(): boolean {
    formError.value = null;
    return fields.map((field) => check(field)).every(Boolean);
  }

  function setError(field: TField, key: string): void {
    errors[field] = key;
  }

  /** Moves focus to the first field marked invalid, whose error text is read with it (aria-describedby). */
  async function focusFirstError(): Promise<void> {
    await nextTick();
    form.value?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  return { form, errors, formError, check, recheck, checkAll, setError, focusFirstError };
}

/** The `id` attributes tying a control to its hint and error text. */
export function describedBy(id: string, options: { hint?: boolean; error?: boolean }): string | undefined {
  const ids = [options.hint ? `${id}-hint` : null, options.error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}
