import { useClientHandle } from '@urql/vue';
import { reactive, ref } from 'vue';
import { RequestPasswordResetDocument, ResetPasswordDocument } from '../../graphql/auth';
import { hasErrorCode, invalidFields, retryAfterSeconds } from '../../graphql/errors';
import { useForm } from '../forms/use-form';
import { emailProblem, normaliseEmail, passwordProblem } from '../forms/rules';
import { clearSession } from './session';

function failure(error: Parameters<typeof retryAfterSeconds>[0], fallback: string) {
  const wait = retryAfterSeconds(error);
  return wait !== null ? { key: 'form.errors.tooManyRequests', params: { seconds: wait } } : { key: fallback };
}

/** "Forgot password": asks for a reset link. The answer is the same whether or not the address has an account. */
export function useForgotPassword() {
  const { client } = useClientHandle();
  const values = reactive({ email: '' });
  const form = useForm(['email'] as const, { email: () => emailProblem(values.email) }, values);
  const submitting = ref(false);
  const done = ref(false);

  async function submit(): Promise<void> {
    if (submitting.value) return;
    if (!form.checkAll()) {
      await form.focusFirstError();
      return;
    }
    submitting.value = true;
    try {
      const result = await client
        .mutation(RequestPasswordResetDocument, { email: normaliseEmail(values.email) })
        .toPromise();
      if (result.data?.requestPasswordReset?.accepted) {
        done.value = true;
      } else if (invalidFields(result.error).includes('email')) {
        form.setError('email', 'form.errors.emailInvalid');
        await form.focusFirstError();
      } else {
        form.formError.value = failure(result.error, 'forgotPassword.failed');
      }
    } finally {
      submitting.value = false;
    }
  }

  return { values, ...form, submitting, done, submit };
}

/** Sets a new password with the token of a reset e-mail. Every session of the account ends on success. */
export function useResetPassword(token: () => string | null) {
  const { client } = useClientHandle();
  const values = reactive({ password: '', confirmation: '' });
  const form = useForm(['password', 'confirmation'] as const, {
    password: () => passwordProblem(values.password),
    confirmation: () =>
      values.confirmation === ''
        ? 'form.errors.confirmationRequired'
        : values.confirmation !== values.password
          ? 'form.errors.confirmationMismatch'
          : null,
  }, values);
  const submitting = ref(false);
  const done = ref(false);
  /** The link's token is missing, invalid, used or expired: a new link is needed. */
  const linkInvalid = ref(token() === null);

  async function submit(): Promise<void> {
    const value = token();
    if (submitting.value || value === null) return;
    if (!form.checkAll()) {
      await form.focusFirstError();
      return;
    }
    submitting.value = true;
    try {
      const result = await client.mutation(ResetPasswordDocument, { token: value, password: values.password }).toPromise();
      if (result.data?.resetPassword === true) {
        values.password = '';
        values.confirmation = '';
        // The server ended every session of the account, this tab's included.
        clearSession('signed-out');
        done.value = true;
      } else if (invalidFields(result.error).includes('password')) {
        form.setError('password', 'form.errors.passwordLength');
        await form.focusFirstError();
      } else if (hasErrorCode(result.error, 'UNAUTHENTICATED') || invalidFields(result.error).includes('token')) {
        linkInvalid.value = true;
      } else {
        form.formError.value = failure(result.error, 'resetPassword.failed');
      }
    } finally {
      submitting.value = false;
    }
  }

  return { values, ...form, submitting, done, linkInvalid, submit };
}
