import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Stable `extensions.code` values clients may switch on. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

// Codes whose message was written for the client. INTERNAL_SERVER_ERROR is not one: its message may be a driver's.
const PUBLIC_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  // Produced by graphql-js and Apollo Server themselves for malformed operations.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

function typed(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const badUserInput = (field: string, message: string, extensions: Record<string, unknown> = {}) => typed(ErrorCode.BAD_USER_INPUT, message, { field, ...extensions });
export const notFound = (type: string, id: string) =>
  typed(ErrorCode.NOT_FOUND, `${type} ${id} was not found.`, { type, id });
export const forbidden = (message = 'You are not allowed to do this.') => typed(ErrorCode.FORBIDDEN, message);
export const unauthenticated = (message = 'Sign in to continue.') => typed(ErrorCode.UNAUTHENTICATED, message);
export const conflict = (message: string, extensions: Record<string, unknown> = {}) =>
  typed(ErrorCode.CONFLICT, message, extensions);
/** The caller must wait; `retryAfterSeconds` also becomes the gateway's Retry-After header. */
export const tooManyRequests = (retryAfterSeconds: number) =>
  typed(ErrorCode.TOO_MANY_REQUESTS, `Too many failed attempts: try again in ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} minute(s).`, { retryAfterSeconds });

/**
 * Keeps typed errors as they are and replaces everything else (driver errors, bugs) by a generic message, so
 * no stack trace, SQL or internal detail reaches a client. The original is logged by the caller.
 */
export function maskError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
    const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
