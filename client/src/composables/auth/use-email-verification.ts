import { useClientHandle } from '@urql/vue';
import { ref } from 'vue';
import { VerifyEmailDocument } from '../../graphql/auth';
import { hasErrorCode, invalidFields } from '../../graphql/errors';

/**
 * - `invalid`: the link is missing its token, or it is invalid, already used or expired;
 * - `unavailable`: the service could not answer (try again).
 */
export type VerificationState = 'verifying' | 'verified' | 'invalid' | 'unavailable';

/** Activates an account with the token of its verification link (`/verify-email?token=…`). */
export function useEmailVerification() {
  const { client } = useClientHandle();
  const state = ref<VerificationState>('verifying');
  const email = ref<string | null>(null);

  async function verify(token: string | null): Promise<void> {
    if (!token) {
      state.value = 'invalid';
      return;
    }
    state.value = 'verifying';
    const result = await client.mutation(VerifyEmailDocument, { token }).toPromise();
    if (result.data?.verifyEmail) {
      email.value = result.data.verifyEmail.email;
      state.value = 'verified';
    } else if (hasErrorCode(result.error, 'UNAUTHENTICATED') || invalidFields(result.error).includes('token')) {
      state.value = 'invalid';
    } else {
      state.value = 'unavailable';
    }
  }

  return { state, email, verify };
}
