import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

const VALID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Keeps a caller's request id when it is well formed, otherwise starts a new one. */
export function requestIdFrom(header: string | string[] | undefined | null): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && VALID.test(value) ? value : randomUUID();
}
