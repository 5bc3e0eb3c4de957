import { useClientHandle } from '@urql/vue';
import { reactive, ref, shallowRef } from 'vue';
import { RegisterStudentDocument, RegistrationUniversitiesDocument, type UniversityOption } from '../../graphql/auth';
import { invalidFields, retryAfterSeconds } from '../../graphql/errors';
import { useForm } from '../forms/use-form';
import { displayNameProblem, emailProblem, normaliseEmail, passwordProblem, requiredChoiceProblem } from '../forms/rules';
import { useLocale } from '../i18n/use-locale';

export const registrationFields = ['displayName', 'email', 'universityId', 'password'] as const;
export type RegistrationField = (typeof registrationFields)[number];

/** What a BAD_USER_INPUT from `registerStudent` means for each field the server may name. */
const serverFieldErrors: Record<RegistrationField, string> = {
  displayName: 'form.errors.displayNameLength',
  email: 'form.errors.emailInvalid',
  universityId: 'form.errors.universityInvalid',
  password: 'form.errors.passwordLength',
};

function isRegistrationField(value: string): value is RegistrationField {
  return (registrationFields as readonly string[]).includes(value);
}

/** Student self-registration: the form's values and checks, the universities to choose from, the submission. */
export function useRegistration() {
  const { client } = useClientHandle();
  const { current, intlLocale } = useLocale();

  const values = reactive<Record<RegistrationField, string>>({
    displayName: '',
    email: '',
    universityId: '',
    password: '',
  });
  const form = useForm(registrationFields, {
    displayName: () => displayNameProblem(values.displayName),
    email: () => emailProblem(values.email),
    universityId: () => requiredChoiceProblem(values.universityId, 'form.errors.universityRequired'),
    password: () => passwordProblem(values.password),
  }, values);

  const universities = shallowRef<UniversityOption[]>([]);
  const universitiesState = ref<'loading' | 'ready' | 'error'>('loading');
  const submitting = ref(false);
  /** The server accepted the request: a verification e-mail was sent if the address can be used. */
  const done = ref(false);

  async function loadUniversities(): Promise<void> {
    universitiesState.value = 'loading';
    const result = await client.query(RegistrationUniversitiesDocument, {}).toPromise();
    const edges = result.data?.universities?.edges;
    if (!edges) {
      universitiesState.value = 'error';
      return;
    }
    const collator = new Intl.Collator(intlLocale.value);
    universities.value = edges.map((edge) => edge.node).sort((a, b) => collator.compare(a.name, b.name));
    universitiesState.value = 'ready';
  }

  async function submit(): Promise<void> {
    if (submitting.value) return;
    if (!form.checkAll()) {
      await form.focusFirstError();
      return;
    }
    submitting.value = true;
    try {
      const result = await client
        .mutation(RegisterStudentDocument, {
          input: {
            email: normaliseEmail(values.email),
            password: values.password,
            displayName: values.displayName.trim(),
            universityId: values.universityId,
            locale: current.value,
          },
        })
        .toPromise();
      if (result.data?.registerStudent?.accepted) {
        values.password = '';
        done.value = true;
        return;
      }
      const fields = invalidFields(result.error).filter(isRegistrationField);
      if (fields.length > 0) {
        for (const field of fields) form.setError(field, serverFieldErrors[field]);
        await form.focusFirstError();
        return;
      }
      const wait = retryAfterSeconds(result.error);
      form.formError.value =
        wait !== null ? { key: 'form.errors.tooManyRequests', params: { seconds: wait } } : { key: 'register.failed' };
    } finally {
      submitting.value = false;
    }
  }

  return { values, ...form, universities, universitiesState, loadUniversities, submitting, done, submit };
}
