import type { CombinedError } from '@urql/vue';

/** The stable `extensions.code` values of the gateway's errors that the app reacts to. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'TOO_MANY_REQUESTS'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'SERVICE_UNAVAILABLE';

export function errorCodes(error: CombinedError | undefined): string[] {
  if (!error) return [];
  return error.graphQLErrors
    .map((graphQLError) => graphQLError.extensions?.code)
    .filter((code): code is string => typeof code === 'string');
}

export function hasErrorCode(error: CombinedError | undefined, code: ErrorCode): boolean {
  return errorCodes(error).includes(code);
}

/** The fields named by BAD_USER_INPUT errors (`extensions.field`), in the order the server reported them. */
export function invalidFields(error: CombinedError | undefined): string[] {
  if (!error) return [];
  return error.graphQLErrors
    .filter((graphQLError) => graphQLError.extensions?.code === 'BAD_USER_INPUT')
    .map((graphQLError) => graphQLError.extensions?.field)
    .filter((field): field is string => typeof field === 'string');
}

/** Seconds to wait from a TOO_MANY_REQUESTS error (`extensions.retryAfterSeconds`), or null. */
export function retryAfterSeconds(error: CombinedError | undefined): number | null {
  const value = error?.graphQLErrors.find((graphQLError) => graphQLError.extensions?.code === 'TOO_MANY_REQUESTS')
    ?.extensions?.retryAfterSeconds;
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(1, Math.ceil(value)) : null;
}

/** The `extensions` of the first CONFLICT error (`reason`, `allowed`, `applicationId`, …), or null. */
export function conflictOf(error: CombinedError | undefined): Record<string, unknown> | null {
  const found = error?.graphQLErrors.find((graphQLError) => graphQLError.extensions?.code === 'CONFLICT');
  return found ? { ...found.extensions } : null;
}

/** Each field named by a BAD_USER_INPUT error with the server's message (the first one per field). */
export function fieldErrors(error: CombinedError | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const graphQLError of error?.graphQLErrors ?? []) {
    const field = graphQLError.extensions?.field;
    if (graphQLError.extensions?.code === 'BAD_USER_INPUT' && typeof field === 'string' && !(field in result)) {
      result[field] = graphQLError.message;
    }
  }
  return result;
}
