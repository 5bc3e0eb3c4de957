import { computed } from 'vue';
import { currentAccessToken } from './session';

/** The organisation claims of the access token: which student or enterprise the signed-in account acts for. */
export interface TokenClaims {
  studentId: string | null;
  enterpriseId: string | null;
}

/**
 * Reads the claims the auth service puts in the access token (`student_id`, `enterprise_id`). `me` does not
 * carry them, and the pages need them to ask for "my" profile or "my" enterprise. The token is not verified
 * here (the gateway does that on every request): these ids only choose what to ask for.
 */
export function tokenClaims(token: string | null): TokenClaims {
  const none = { studentId: null, enterpriseId: null };
  const payload = token?.split('.')[1];
  if (!payload) return none;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as Record<string, unknown>;
    return {
      studentId: typeof claims.student_id === 'string' ? claims.student_id : null,
      enterpriseId: typeof claims.enterprise_id === 'string' ? claims.enterprise_id : null,
    };
  } catch {
    return none;
  }
}

/** The claims of the current session, following sign-in, refresh and sign-out. */
export function useClaims() {
  return computed(() => tokenClaims(currentAccessToken()));
}
