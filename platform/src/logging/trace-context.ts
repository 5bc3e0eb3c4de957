import { randomBytes } from 'node:crypto';

export const TRACEPARENT_HEADER = 'traceparent';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * W3C trace context for work done on behalf of a request: continues the caller's trace (same trace id, a new
 * span id) when it sent a valid `traceparent`, or starts a new sampled trace.
 */
export function childTraceparent(header: string | string[] | undefined): string {
  const match = typeof header === 'string' ? TRACEPARENT.exec(header.trim()) : null;
  const traceId = match && !/^0+$/.test(match[1]!) ? match[1]! : randomBytes(16).toString('hex');
  const flags = match ? match[3]! : '01';
  return `00-${traceId}-${randomBytes(8).toString('hex')}-${flags}`;
}
